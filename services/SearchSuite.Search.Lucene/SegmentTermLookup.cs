using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// The term lookups and postings of one query run on one searcher, with enumerators that each segment keeps between
/// queries. A query word becomes a term in each of a dozen fields. Lucene's <see cref="TermQuery"/> opens a new terms
/// enumerator per term and segment to look the term up (<see cref="TermContext.Build"/>), another one to score it, and a
/// new postings enumerator (with a copy of the file handle) for each segment that holds it: a few KiB each time, which
/// was most of a query's allocation and so of its garbage collections. Here each segment keeps one terms enumerator per
/// field and a pool of postings enumerators, and lends them to one query at a time. The lookups and the scores are
/// Lucene's own (<see cref="TermQuery"/>'s weight and similarity), so the results are the same.
/// Dispose once the search has run: the query's scorers read from the lent enumerators.
/// </summary>
public sealed class SegmentTermLookup : IDisposable
{
    /// <summary>Idle enumerators of each segment core, shared by the readers a reopen makes of it; they go with the core.</summary>
    private static readonly ConditionalWeakTable<object, ConcurrentBag<SegmentEnumerators>> Idle = new();
    /// <summary>
    /// Each field's statistics in a searcher's (unchanging) index snapshot. Lucene recomputes them for every term query
    /// by merging the field's terms across all segments, which allocates for each segment.
    /// </summary>
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, CollectionStatistics>> FieldStatistics = new();

    private readonly IndexReaderContext top;
    private readonly SegmentEnumerators?[] lent;
    private readonly ConcurrentDictionary<string, CollectionStatistics> fieldStatistics;

    public SegmentTermLookup(IndexSearcher searcher)
    {
        top = searcher.TopReaderContext;
        lent = new SegmentEnumerators?[top.Leaves.Count];
        fieldStatistics = FieldStatistics.GetOrCreateValue(searcher.IndexReader);
    }

    private CollectionStatistics Statistics(IndexSearcher searcher, string field) => fieldStatistics.GetOrAdd(field, searcher.CollectionStatistics);

    /// <summary>
    /// Terms this query has looked up already. A name's spellings share keys and folded forms ("Putin", "Путин" and the
    /// indexed spellings with key "putin"), so the same term recurs among a word's clauses; it is looked up once.
    /// </summary>
    private readonly Dictionary<Term, TermContext> looked = [];

    /// <summary>A term query whose statistics are already looked up in this searcher's segments.</summary>
    public TermQuery Query(Term term)
    {
        if (!looked.TryGetValue(term, out var states)) looked[term] = states = Lookup(term);
        return new LentTermQuery(term, states, this);
    }

    private TermContext Lookup(Term term)
    {
        var context = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            var terms = For(leaf).Terms(leaf.AtomicReader, term.Field);
            // GetTermState returns a copy, so the enumerator can move on to the next term.
            if (terms is not null && terms.SeekExact(term.Bytes))
                context.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
        }
        return context;
    }

    private SegmentEnumerators For(AtomicReaderContext leaf)
    {
        if (lent[leaf.Ord] is { } enumerators) return enumerators;
        return lent[leaf.Ord] = Idle.GetOrCreateValue(leaf.AtomicReader.CoreCacheKey).TryTake(out var idle) ? idle : new SegmentEnumerators();
    }

    public void Dispose()
    {
        foreach (var leaf in top.Leaves)
        {
            if (lent[leaf.Ord] is not { } enumerators) continue;
            enumerators.Return();
            Idle.GetOrCreateValue(leaf.AtomicReader.CoreCacheKey).Add(enumerators);
        }
        Array.Clear(lent);
    }

    /// <summary>One segment's enumerators: a terms enumerator per field, and postings enumerators for the scorers.</summary>
    private sealed class SegmentEnumerators
    {
        private readonly Dictionary<string, TermsEnum?> termsByField = new(StringComparer.Ordinal);
        private readonly Stack<DocsEnum> idlePostings = new();
        private readonly List<DocsEnum> inUse = [];

        public TermsEnum? Terms(AtomicReader segment, string field)
        {
            if (!termsByField.TryGetValue(field, out var terms))
                termsByField[field] = terms = segment.GetTerms(field)?.GetEnumerator();
            return terms;
        }

        /// <summary>The postings of a term known to be in this segment, in an enumerator of the pool where it fits.</summary>
        public DocsEnum Postings(AtomicReader segment, Term term, TermState state, IBits? acceptDocs)
        {
            var terms = Terms(segment, term.Field)!;
            terms.SeekExact(term.Bytes, state);
            // Lucene reuses the enumerator only if it reads the same postings file with the same options; else it makes a new one.
            var postings = terms.Docs(acceptDocs, idlePostings.TryPop(out var idle) ? idle : null, DocsFlags.FREQS);
            if (idle is not null && !ReferenceEquals(idle, postings)) idlePostings.Push(idle);
            inUse.Add(postings);
            return postings;
        }

        public void Return()
        {
            foreach (var postings in inUse) idlePostings.Push(postings);
            inUse.Clear();
        }
    }

    /// <summary><see cref="TermQuery"/> with its statistics looked up already and its postings read through lent enumerators.</summary>
    private sealed class LentTermQuery : TermQuery
    {
        private readonly TermContext states;
        private readonly SegmentTermLookup lookup;

        public LentTermQuery(Term term, TermContext states, SegmentTermLookup lookup) : base(term, states) => (this.states, this.lookup) = (states, lookup);

        public override Weight CreateWeight(IndexSearcher searcher) => new LentTermWeight(this, searcher, states, lookup);
    }

    /// <summary>
    /// Scores as <see cref="TermQuery"/>'s own weight does (the same similarity weight, normalised the same way), and
    /// leaves explanations to it; only the postings come from the lent enumerators.
    /// </summary>
    private sealed class LentTermWeight : Weight
    {
        private readonly LentTermQuery query;
        private readonly IndexSearcher searcher;
        private readonly TermContext states;
        private readonly SegmentTermLookup lookup;
        private readonly Similarity similarity;
        private readonly Similarity.SimWeight stats;
        private (float Norm, float TopLevelBoost) normalization = (1, 1);

        public LentTermWeight(LentTermQuery query, IndexSearcher searcher, TermContext states, SegmentTermLookup lookup)
        {
            (this.query, this.searcher, this.states, this.lookup) = (query, searcher, states, lookup);
            similarity = searcher.Similarity;
            stats = similarity.ComputeWeight(query.Boost, lookup.Statistics(searcher, query.Term.Field), searcher.TermStatistics(query.Term, states));
        }

        public override Query Query => query;

        public override float GetValueForNormalization() => stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost)
        {
            stats.Normalize(norm, topLevelBoost);
            normalization = (norm, topLevelBoost);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var lucene = new TermQuery(query.Term, states) { Boost = query.Boost }.CreateWeight(searcher);
            lucene.Normalize(normalization.Norm, normalization.TopLevelBoost);
            return lucene.Explain(context, doc);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (states.Get(context.Ord) is not { } state) return null;
            var postings = lookup.For(context).Postings(context.AtomicReader, query.Term, state, acceptDocs);
            return new PostingsScorer(this, postings, similarity.GetSimScorer(stats, context));
        }
    }

    /// <summary>What Lucene's (internal) TermScorer does: walk the postings, score each document by its term frequency.</summary>
    private sealed class PostingsScorer(Weight weight, DocsEnum postings, Similarity.SimScorer scorer) : Scorer(weight)
    {
        public override int DocID => postings.DocID;

        public override int Freq => postings.Freq;

        public override int NextDoc() => postings.NextDoc();

        public override int Advance(int target) => postings.Advance(target);

        public override float GetScore() => scorer.Score(postings.DocID, postings.Freq);

        public override long GetCost() => postings.GetCost();
    }
}
