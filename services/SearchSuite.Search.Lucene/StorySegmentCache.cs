using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchSuite.Search.Stories;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// The postings story lookups read of one segment, held in memory per segment core: every term of a field with its
/// document frequency and its documents (segment doc ids, deletions included: a reader filters them by its live docs).
/// A segment never changes, so each segment's terms are read once, in one pass, when a lookup first meets it; seeking
/// every batch term in every segment was most of the candidate lookup. Segments larger than
/// <see cref="IndexOptions.StoryPostingsInMemoryMaxDocuments"/> are left to seeks, so the memory held stays bounded by
/// the small segments that are many, not by the index.
/// </summary>
internal sealed class StorySegmentCache
{
    private static readonly ConditionalWeakTable<object, StorySegmentCache> Segments = new();

    /// <summary>A term's document frequency in the segment and its documents; none when too common to look up anyway.</summary>
    public readonly record struct SegmentPostings(int DocumentFrequency, int[] Documents);

    private readonly ConcurrentDictionary<string, Dictionary<string, SegmentPostings>> fields = new(StringComparer.Ordinal);

    /// <summary>The segment's cache, or null for a segment too large to hold in memory.</summary>
    public static StorySegmentCache? For(AtomicReader reader, int maxDocuments) =>
        reader.MaxDoc > maxDocuments ? null : Segments.GetValue(reader.CoreCacheKey, _ => new StorySegmentCache());

    /// <summary>Every term of the field in this segment, read once (through whichever open reader of the segment asks first) in one pass over its terms.</summary>
    public IReadOnlyDictionary<string, SegmentPostings> Postings(AtomicReader reader, string field) => fields.GetOrAdd(field, Read, reader);

    private static Dictionary<string, SegmentPostings> Read(string field, AtomicReader reader)
    {
        var postings = new Dictionary<string, SegmentPostings>(StringComparer.Ordinal);
        var termsEnum = reader.GetTerms(field)?.GetEnumerator();
        if (termsEnum is null) return postings;
        DocsEnum? docs = null;
        while (termsEnum.MoveNext())
        {
            var frequency = termsEnum.DocFreq;
            var documents = frequency > StoryCandidateQuery.MaxTermDocumentFrequency ? [] : new int[frequency];
            if (documents.Length > 0)
            {
                docs = termsEnum.Docs(null, docs, DocsFlags.NONE);
                var count = 0;
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc()) documents[count++] = doc;
            }
            postings[termsEnum.Term.Utf8ToString()] = new SegmentPostings(frequency, documents);
        }
        return postings;
    }
}
