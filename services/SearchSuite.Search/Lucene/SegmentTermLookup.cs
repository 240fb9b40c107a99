using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// Looks up the terms of one query in every segment of one searcher, for <see cref="TermQuery"/>s that then skip their
/// own lookup. A query word becomes a term in each of a dozen fields, and Lucene's own lookup
/// (<see cref="TermContext.Build"/>) opens a new terms enumerator per term and segment, which allocates a few KiB each
/// time: that was most of a query's allocation and its garbage collections. Here each segment keeps its enumerators,
/// one per field, and lends them to one query at a time. The lookups, and so the scores, are the same.
/// </summary>
public sealed class SegmentTermLookup : IDisposable
{
    /// <summary>Idle enumerators of each open segment; they go with the segment reader when it is collected.</summary>
    private static readonly ConditionalWeakTable<AtomicReader, ConcurrentBag<Dictionary<string, TermsEnum?>>> IdleEnumerators = new();

    private readonly IndexReaderContext top;
    private readonly Dictionary<string, TermsEnum?>?[] enumerators;

    public SegmentTermLookup(IndexSearcher searcher)
    {
        top = searcher.TopReaderContext;
        enumerators = new Dictionary<string, TermsEnum?>?[top.Leaves.Count];
    }

    /// <summary>A term query whose statistics are already looked up in this searcher's segments.</summary>
    public TermQuery Query(Term term) => new(term, Lookup(term));

    private TermContext Lookup(Term term)
    {
        var context = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            var byField = enumerators[leaf.Ord] ??= Rent(leaf.AtomicReader);
            if (!byField.TryGetValue(term.Field, out var terms))
                byField[term.Field] = terms = leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            // GetTermState returns a copy, so the enumerator can move on to the next term.
            if (terms is not null && terms.SeekExact(term.Bytes))
                context.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
        }
        return context;
    }

    private static Dictionary<string, TermsEnum?> Rent(AtomicReader segment) =>
        IdleEnumerators.GetOrCreateValue(segment).TryTake(out var idle) ? idle : new Dictionary<string, TermsEnum?>(StringComparer.Ordinal);

    /// <summary>Gives the enumerators back; the term queries made so far keep what they looked up.</summary>
    public void Dispose()
    {
        foreach (var leaf in top.Leaves)
            if (enumerators[leaf.Ord] is { } byField)
                IdleEnumerators.GetOrCreateValue(leaf.AtomicReader).Add(byField);
        Array.Clear(enumerators);
    }
}
