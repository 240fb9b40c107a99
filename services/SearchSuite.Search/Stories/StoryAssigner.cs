using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.Stories;

/// <summary>
/// Gives each document its story before it is indexed. For every document it looks up a bounded set of candidates (one
/// index lookup over the evidence terms per batch, plus the assigned documents not yet searchable), and:
/// <list type="bullet">
/// <item>a document already indexed under its id keeps its story (redelivery and restarts change nothing);</item>
/// <item>the same content under another id is a duplicate version of the first document with that content;</item>
/// <item>otherwise it joins the story whose candidate versions it matches best on average (<see cref="StoryMatcher"/>);
/// another story it matches strongly too is merged into that one: its versions are rewritten and carry the merge record
/// (<see cref="DocumentNormalized.MergedStoryIds"/>);</item>
/// <item>a document that matches nothing starts a story named after itself.</item>
/// </list>
/// Documents are assigned one at a time, in order, so the same input gives the same stories.
/// </summary>
public sealed class StoryAssigner(ISearchIndex index, IOptions<StoryOptions> options, ILogger<StoryAssigner> logger)
{
    private readonly StoryOptions options = options.Value;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly RecentStoryCards recent = new(options.Value.RecentWindow);

    /// <summary>
    /// The documents with their stories, followed by the versions of absorbed stories that a merge rewrote; index them all.
    /// </summary>
    public async Task<IReadOnlyList<DocumentNormalized>> AssignAsync(IReadOnlyList<DocumentNormalized> documents, CancellationToken cancellationToken)
    {
        // Evidence depends on the document alone: extracted in parallel, outside the lock, while another batch is assigned.
        var queries = documents.AsParallel().AsOrdered()
            .Select(d => new StoryCandidateQuery(StoryEvidence.Extract(d), d.Fingerprint, options.CandidateLimit))
            .ToList();
        await gate.WaitAsync(cancellationToken);
        try
        {
            var assigned = new List<DocumentNormalized>(documents.Count);
            var rewritten = new Dictionary<string, DocumentNormalized>(StringComparer.Ordinal);
            // One lookup for the batch; the batch's own documents, and any story a merge renamed meanwhile, come from the recent cards.
            var indexed = await index.FindStoryCandidatesAsync(queries, cancellationToken);
            for (var i = 0; i < documents.Count; i++)
            {
                var (withStory, absorbed) = Assign(documents[i], queries[i], indexed[i]);
                assigned.Add(withStory);
                foreach (var storyId in absorbed)
                    foreach (var version in await RenameAsync(storyId, withStory.StoryId, assigned, cancellationToken))
                        rewritten[version.DocumentId] = version;
            }
            // A version in this batch that a later merge renamed is indexed once, renamed.
            for (var i = 0; i < assigned.Count; i++)
                if (rewritten.Remove(assigned[i].DocumentId, out var renamed)) assigned[i] = renamed;
            return [.. assigned, .. rewritten.Values];
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Call once documents that <see cref="AssignAsync"/> returned are searchable: the index lookup finds them from then
    /// on, so their cards leave the recent ones, which stay few (the batches in flight) and cheap to search. A card that
    /// a later merge renamed meanwhile stays until its renamed version is indexed.
    /// </summary>
    public void DocumentsIndexed(IEnumerable<DocumentNormalized> documents)
    {
        gate.Wait();
        try
        {
            foreach (var document in documents) recent.RemoveIfCurrent(document.DocumentId, document.StoryId);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Call when a document is deleted: it leaves its story. The story is made of the documents that carry its id, so the
    /// index delete removes the version; this only forgets the document among the recent ones.
    /// </summary>
    public void DocumentRemoved(string documentId)
    {
        gate.Wait();
        try
        {
            recent.Remove(documentId);
        }
        finally
        {
            gate.Release();
        }
    }

    private (DocumentNormalized Document, IReadOnlyList<string> Absorbed) Assign(DocumentNormalized document, StoryCandidateQuery query, IReadOnlyList<StoryCandidate> indexed)
    {
        var evidence = query.Evidence;
        var candidates = Candidates(query, indexed);
        var published = StoryEvidence.PublishedAt(document);

        DocumentNormalized result;
        IReadOnlyList<string> absorbed = [];
        if (candidates.FirstOrDefault(c => c.DocumentId == document.DocumentId) is { } self && self.StoryId.Length > 0)
        {
            // Seen before (redelivery, restart, re-send): its story and duplicate mark stay.
            result = document with { StoryId = self.StoryId, DuplicateOf = self.DuplicateOf };
        }
        else if (document.Fingerprint.Length > 0 && candidates.FirstOrDefault(c => c.Fingerprint == document.Fingerprint) is { } copy)
        {
            result = document with { StoryId = copy.StoryId, DuplicateOf = copy.DuplicateOf ?? copy.DocumentId };
        }
        else if (!options.Grouping)
        {
            result = document with { StoryId = document.DocumentId };
        }
        else
        {
            // Every story with versions among the candidates, scored by the document's mean similarity to those versions
            // (average link), best first: the one the document joins. A version of another story that happens to share the
            // same people and places matches one version loosely but not the story as a whole, so it cannot chain two
            // stories into one. Another story is merged in only when the document matches it strongly too (MergeDice).
            var stories = MatchingStories(document, evidence, published, candidates);
            if (stories.Count == 0) result = document with { StoryId = document.DocumentId };
            else
            {
                absorbed = stories.Skip(1).ToList();
                result = document with { StoryId = stories[0], MergedStoryIds = [.. document.MergedStoryIds.Union(absorbed, StringComparer.Ordinal)] };
                if (absorbed.Count > 0)
                    logger.LogInformation("Document {DocumentId} bridges stories {Absorbed} into {StoryId}", document.DocumentId, string.Join(", ", absorbed), stories[0]);
            }
        }
        recent.Add(StoryFields.CandidateOf(result, evidence));
        // The backend indexes the evidence extracted here.
        return (StoryEvidence.WithEvidence(result, evidence), absorbed);
    }

    /// <summary>
    /// The stories the document joins, best first: the best one at <see cref="StoryOptions.MinDice"/> or more, then every
    /// other at <see cref="StoryOptions.MergeDice"/> or more. A story's score is the mean of the similarities to its
    /// versions, summed in double in candidate order as Enumerable.Average does, so the decisions are those of the LINQ
    /// grouping this replaces (which allocated a lookup, groupings and two sorts per document).
    /// </summary>
    private List<string> MatchingStories(DocumentNormalized document, DocumentEvidence evidence, DateTimeOffset? published, List<StoryCandidate> candidates)
    {
        var byStory = new Dictionary<string, (double Sum, int Count)>(candidates.Count, StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (candidate.DocumentId == document.DocumentId) continue;
            var similarity = StoryMatcher.CloseInTime(published, candidate.PublishedAt, options) ? StoryMatcher.Similarity(StoryMatcher.Compare(evidence, candidate.Evidence), options) : 0f;
            ref var story = ref CollectionsMarshal.GetValueRefOrAddDefault(byStory, candidate.StoryId, out _);
            story = (story.Sum + similarity, story.Count + 1);
        }
        var matches = new List<(string StoryId, float Dice)>(byStory.Count);
        foreach (var (storyId, (sum, count)) in byStory)
            if ((float)(sum / count) is var dice && dice >= options.MinDice) matches.Add((storyId, dice));
        // Best first; ties by story id, so the order is total and does not depend on the candidates' order.
        matches.Sort((a, b) => a.Dice != b.Dice ? b.Dice.CompareTo(a.Dice) : string.CompareOrdinal(a.StoryId, b.StoryId));
        var stories = new List<string>(matches.Count);
        for (var i = 0; i < matches.Count; i++)
            if (i == 0 || matches[i].Dice >= options.MergeDice) stories.Add(matches[i].StoryId);
        return stories;
    }

    private List<StoryCandidate> Candidates(StoryCandidateQuery query, IReadOnlyList<StoryCandidate> indexed)
    {
        var recentFound = recent.Find(query);
        var found = new Dictionary<string, StoryCandidate>(indexed.Count + recentFound.Count, StringComparer.Ordinal);
        // A recent card is newer than the indexed one (a merge may have renamed its story since).
        foreach (var candidate in indexed) found[candidate.DocumentId] = recent.Get(candidate.DocumentId) ?? candidate;
        foreach (var candidate in recentFound) found[candidate.DocumentId] = candidate;
        return [.. found.Values];
    }

    /// <summary>The versions of an absorbed story, indexed or recent (this batch's included), renamed into the target story.</summary>
    private async Task<IReadOnlyList<DocumentNormalized>> RenameAsync(string absorbed, string target, List<DocumentNormalized> batch, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, DocumentNormalized>(StringComparer.Ordinal);
        foreach (var version in await index.GetStoryAsync(absorbed, options.MaxMergeVersions, cancellationToken)) versions[version.DocumentId] = version;
        foreach (var version in batch.Where(d => d.StoryId == absorbed)) versions[version.DocumentId] = version;
        var renamed = versions.Values
            .Select(v => StoryEvidence.WithEvidence(v with { StoryId = target, MergedStoryIds = [.. v.MergedStoryIds.Append(absorbed).Distinct(StringComparer.Ordinal)] }, StoryEvidence.Extract(v)))
            .ToList();
        foreach (var version in renamed) recent.Add(StoryFields.CandidateOf(version, StoryEvidence.Extract(version)));
        // Recent cards of documents still being written elsewhere: renamed here so later documents join the target story.
        foreach (var card in recent.OfStory(absorbed)) recent.Add(card with { StoryId = target });
        for (var i = 0; i < batch.Count; i++)
            if (batch[i].StoryId == absorbed) batch[i] = renamed.First(r => r.DocumentId == batch[i].DocumentId);
        return renamed;
    }
}
