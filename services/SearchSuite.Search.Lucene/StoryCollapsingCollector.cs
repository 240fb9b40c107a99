using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// Collapses matches to one per story: for each story_id (read from its sorted doc values) it keeps the best-scoring
/// document, lowest doc id on a tie (as TopDocs orders). Lucene.Net.Grouping is not available; this is its
/// first-pass collector reduced to what search needs. Memory grows with the number of matching stories, not the index.
/// A document without a story_id counts as a story of its own. Under a date order the "best" match of a story is its
/// newest (or oldest) one, undated last, and stories are ordered by it.
/// </summary>
public sealed class StoryCollapsingCollector(string field, ResultOrder order = ResultOrder.Relevance) : ICollector
{
    /// <summary>One story's best match so far (global doc id); <paramref name="Rank"/> orders the stories (higher first).</summary>
    public readonly record struct StoryGroup(string StoryId, int Doc, float Score, double Rank);

    private readonly Dictionary<string, StoryGroup> groups = new(StringComparer.Ordinal);
    private readonly BytesRef scratch = new();
    private SortedDocValues? storyIds;
    private NumericDocValues? published;
    private IBits? dated;
    private int docBase;
    private Scorer scorer = null!;
    /// <summary>This segment's best match per story ordinal; resolved to story ids when the segment ends (ordinals are per segment).</summary>
    private Dictionary<int, (int Doc, float Score, double Rank)> segmentBest = [];

    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        storyIds = context.AtomicReader.GetSortedDocValues(field);
        published = order == ResultOrder.Relevance ? null : context.AtomicReader.GetNumericDocValues(IndexFields.PublishedAt);
        dated = order == ResultOrder.Relevance ? null : context.AtomicReader.GetDocsWithField(IndexFields.PublishedAt);
        docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        TotalHits++;
        var score = scorer.GetScore();
        var rank = RankOf(doc, score);
        var ord = storyIds?.GetOrd(doc) ?? -1;
        if (ord < 0)
        {
            // No story id: alone in its group, named so that it cannot collide with a real story id.
            Offer(new StoryGroup("\u0000" + (docBase + doc), docBase + doc, score, rank));
            return;
        }
        // Docs arrive in order, so an equal rank never replaces the earlier (lower) doc.
        if (!segmentBest.TryGetValue(ord, out var best) || rank > best.Rank)
            segmentBest[ord] = (docBase + doc, score, rank);
    }

    /// <summary>The stories, best first (rank descending, then doc id), after the search has run.</summary>
    public IReadOnlyList<StoryGroup> Groups()
    {
        FlushSegment();
        return [.. groups.Values.OrderByDescending(g => g.Rank).ThenBy(g => g.Doc)];
    }

    /// <summary>The score, or the publication time (negated for oldest first); undated ranks below every dated match.</summary>
    private double RankOf(int doc, float score)
    {
        if (order == ResultOrder.Relevance) return score;
        if (dated is null || published is null || !dated.Get(doc)) return double.MinValue;
        var milliseconds = (double)published.Get(doc);
        return order == ResultOrder.Newest ? milliseconds : -milliseconds;
    }

    private void FlushSegment()
    {
        if (segmentBest.Count == 0) return;
        foreach (var (ord, best) in segmentBest)
        {
            storyIds!.LookupOrd(ord, scratch);
            Offer(new StoryGroup(scratch.Utf8ToString(), best.Doc, best.Score, best.Rank));
        }
        segmentBest = [];
    }

    private void Offer(StoryGroup candidate)
    {
        // Segments come in doc order, so an equal rank keeps the earlier segment's doc.
        if (!groups.TryGetValue(candidate.StoryId, out var best) || candidate.Rank > best.Rank)
            groups[candidate.StoryId] = candidate;
    }
}
