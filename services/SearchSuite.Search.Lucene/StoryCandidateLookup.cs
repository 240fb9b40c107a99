using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Stories;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// The story candidates of a whole indexing batch in one pass over the index: every distinct evidence term (and
/// fingerprint) of the batch is looked up once per segment, in the segment's postings held in memory
/// (<see cref="StorySegmentCache"/>) or, in a large segment, by a seek in sorted order; each document's
/// candidates are then scored from those postings in memory (the sum of the weights of the terms it shares, the
/// fingerprint far above any evidence), best first, ties by doc id as Lucene's top-docs collector breaks them. A term in
/// more than <see cref="StoryCandidateQuery.MaxTermDocumentFrequency"/> documents is left out, so the postings read per
/// batch, and with them the cost per document, do not grow with the index. A per-document Lucene query instead cost two
/// term seeks per term and segment (statistics, then scoring): most of the time of story assignment.
/// </summary>
internal sealed class StoryCandidateLookup
{
    private const float FingerprintWeight = 1_000f;

    private readonly IndexReader reader;
    private readonly string cardField;
    private readonly Func<BytesRef, StoryCandidate> readCard;
    private readonly int maxCachedSegmentDocuments;
    private readonly Dictionary<int, StoryCandidate> cards = [];

    private StoryCandidateLookup(IndexReader reader, string cardField, Func<BytesRef, StoryCandidate> readCard, int maxCachedSegmentDocuments) =>
        (this.reader, this.cardField, this.readCard, this.maxCachedSegmentDocuments) = (reader, cardField, readCard, maxCachedSegmentDocuments);

    /// <param name="maxCachedSegmentDocuments">Largest segment held in memory (<see cref="IndexOptions.StoryPostingsInMemoryMaxDocuments"/>).</param>
    public static IReadOnlyList<IReadOnlyList<StoryCandidate>> Find(IndexReader reader, IReadOnlyList<StoryCandidateQuery> queries, string cardField, Func<BytesRef, StoryCandidate> readCard, int maxCachedSegmentDocuments)
    {
        if (reader.NumDocs == 0) return [.. queries.Select(_ => (IReadOnlyList<StoryCandidate>)[])];
        var lookup = new StoryCandidateLookup(reader, cardField, readCard, maxCachedSegmentDocuments);
        var evidence = lookup.Postings(IndexFields.StoryEvidence, queries.SelectMany(q => q.LookupTerms));
        var fingerprints = lookup.Postings(IndexFields.Fingerprint, queries.Select(q => q.Fingerprint).Where(f => f.Length > 0));
        // Scores by doc id in one array for the batch, and the docs each query touched: a query adds up to 64 postings
        // lists of up to 500 docs, and a dictionary per query cost more than the rest of the lookup.
        var scores = ArrayPool<float>.Shared.Rent(reader.MaxDoc);
        // A doc is touched once per query, so MaxDoc slots never overflow, and the array is not grown per batch as a list was.
        var touched = ArrayPool<int>.Shared.Rent(reader.MaxDoc);
        try
        {
            Array.Clear(scores, 0, reader.MaxDoc);
            // The best docs of one query, reused across queries: as long as the largest limit.
            var kept = new int[queries.Select(q => q.Limit).DefaultIfEmpty(0).Max()];
            var found = new List<IReadOnlyList<StoryCandidate>>(queries.Count);
            foreach (var query in queries)
            {
                var count = 0;
                if (query.Fingerprint.Length > 0 && fingerprints.TryGetValue(query.Fingerprint, out var copies)) Score(scores, touched, ref count, copies, FingerprintWeight);
                foreach (var term in query.LookupTerms)
                    if (evidence.TryGetValue(term, out var postings)) Score(scores, touched, ref count, postings, StoryEvidence.WeightOf(StoryEvidence.KindOf(term)));
                var best = Best(scores, touched.AsSpan(0, count), kept.AsSpan(0, query.Limit));
                var cards = new StoryCandidate[best];
                for (var i = 0; i < cards.Length; i++) cards[i] = lookup.Card(kept[i]);
                found.Add(cards);
                foreach (var doc in touched.AsSpan(0, count)) scores[doc] = 0;
            }
            return found;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(touched);
        }
    }

    private static void Score(float[] scores, int[] touched, ref int count, List<int> postings, float weight)
    {
        foreach (var doc in postings)
        {
            if (scores[doc] == 0) touched[count++] = doc;
            scores[doc] += weight;
        }
    }

    /// <summary>
    /// The best-scored docs into <paramref name="kept"/> (as many as it holds, fewer if fewer were touched), best first,
    /// ties by doc id as Lucene's top-docs collector breaks them; returns how many. Kept sorted in a small array, since
    /// most touched docs score under the worst kept one and cost one comparison (a heap with a comparer delegate per
    /// document cost a fifth of the lookup); a better doc is shifted in place, where a list's insert and remove each
    /// called Array.Copy (a fifth of the lookup again).
    /// </summary>
    private static int Best(float[] scores, ReadOnlySpan<int> touched, Span<int> kept)
    {
        if (kept.Length == 0) return 0;
        var count = 0;
        foreach (var doc in touched)
        {
            var score = scores[doc];
            var full = count == kept.Length;
            if (full && !Before(score, doc, scores[kept[count - 1]], kept[count - 1])) continue;
            // When full, the worst kept doc drops out: the new one starts in its slot.
            var at = full ? count - 1 : count++;
            while (at > 0 && Before(score, doc, scores[kept[at - 1]], kept[at - 1]))
            {
                kept[at] = kept[at - 1];
                at--;
            }
            kept[at] = doc;
        }
        return count;
    }

    /// <summary>Whether a doc ranks before another: higher score, then lower doc id.</summary>
    private static bool Before(float score, int doc, float otherScore, int otherDoc) =>
        score != otherScore ? score > otherScore : doc < otherDoc;

    /// <summary>
    /// The live documents (top-level doc ids) of each term that is in at most
    /// <see cref="StoryCandidateQuery.MaxTermDocumentFrequency"/> documents; terms not in the index, or more common, are absent.
    /// A segment's postings come from its <see cref="StorySegmentCache"/>; only a segment too large for it is sought term by term.
    /// </summary>
    private Dictionary<string, List<int>> Postings(string field, IEnumerable<string> terms)
    {
        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        List<(string Text, BytesRef Bytes)>? sorted = null;
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        // Adds a segment's share of a term; false once the term is in too many documents to tell stories apart (its
        // postings would grow with the index).
        bool Counted(string text, int frequency, out List<int> list)
        {
            var total = frequencies[text] = frequencies.GetValueOrDefault(text) + frequency;
            if (total > StoryCandidateQuery.MaxTermDocumentFrequency)
            {
                postings.Remove(text);
                list = null!;
                return false;
            }
            if (!postings.TryGetValue(text, out list!)) postings[text] = list = new List<int>(frequency);
            else list.EnsureCapacity(list.Count + frequency);
            return true;
        }
        DocsEnum? docs = null;
        foreach (var leaf in reader.Leaves)
        {
            var live = leaf.AtomicReader.LiveDocs;
            if (StorySegmentCache.For(leaf.AtomicReader, maxCachedSegmentDocuments) is { } segment)
            {
                var inMemory = segment.Postings(leaf.AtomicReader, field);
                foreach (var text in distinct)
                {
                    if (!inMemory.TryGetValue(text, out var entry) || !Counted(text, entry.DocumentFrequency, out var list)) continue;
                    foreach (var doc in entry.Documents)
                        if (live is null || live.Get(doc)) list.Add(leaf.DocBase + doc);
                }
                continue;
            }
            var termsEnum = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
            if (termsEnum is null) continue;
            // Seeks in term order move forward through the segment's terms dictionary.
            if (sorted is null)
            {
                sorted = [.. distinct.Select(t => (Text: t, Bytes: new BytesRef(t)))];
                sorted.Sort((a, b) => a.Bytes.CompareTo(b.Bytes));
            }
            foreach (var (text, bytes) in sorted)
            {
                if (!termsEnum.SeekExact(bytes) || !Counted(text, termsEnum.DocFreq, out var list)) continue;
                docs = termsEnum.Docs(live, docs, DocsFlags.NONE);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc()) list.Add(leaf.DocBase + doc);
            }
        }
        return postings;
    }

    /// <summary>A candidate's card (its binary doc value), read once per batch however many documents find it.</summary>
    private StoryCandidate Card(int doc)
    {
        if (cards.TryGetValue(doc, out var card)) return card;
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var scratch = new BytesRef();
        leaf.AtomicReader.GetBinaryDocValues(cardField).Get(doc - leaf.DocBase, scratch);
        return cards[doc] = readCard(scratch);
    }
}
