using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;

namespace SearchSuite.Search.Lucene;

/// <summary>Translates a <see cref="QueryPlan"/> into a Lucene query and filter.</summary>
public static class LuceneQueryBuilder
{
    /// <param name="terms">Looks up each term query's statistics in the searcher that will run the query.</param>
    public static Query Build(QueryPlan plan, SegmentTermLookup terms)
    {
        var root = new BooleanQuery();
        foreach (var word in plan.Words.Where(w => w.AnyOf is null))
            root.Add(WordQuery(word, terms), word.Required ? Occur.MUST : Occur.SHOULD);
        // Alternatives (a long name's surname): one of them must match, each that does adds to the score.
        foreach (var alternatives in plan.Words.Where(w => w.AnyOf is not null).GroupBy(w => w.AnyOf))
        {
            var anyOf = new BooleanQuery { MinimumNumberShouldMatch = 1 };
            foreach (var word in alternatives) anyOf.Add(WordQuery(word, terms), Occur.SHOULD);
            root.Add(anyOf, Occur.MUST);
        }
        foreach (var phrase in plan.Phrases.Where(p => p.AnyOf is null))
            root.Add(PhraseQuery(phrase, terms), Occur.MUST);
        // OR groups: one alternative (a word or a phrase) must match.
        foreach (var alternatives in plan.Phrases.Where(p => p.AnyOf is not null).GroupBy(p => p.AnyOf))
        {
            var anyOf = new BooleanQuery { MinimumNumberShouldMatch = 1 };
            foreach (var phrase in alternatives) anyOf.Add(PhraseQuery(phrase, terms), Occur.SHOULD);
            root.Add(anyOf, Occur.MUST);
        }
        foreach (var exclusion in plan.Exclusions)
            root.Add(PhraseQuery(exclusion, terms), Occur.MUST_NOT);
        // Duplicates are versions of their story, never hits of their own (grouped hits list them).
        root.Add(new TermQuery(new Term(IndexFields.Duplicate, "true")), Occur.MUST_NOT);
        return root;
    }

    /// <summary>
    /// A one-word phrase is that word. A longer one is a phrase per field, analysed by the field (stemmed, stop words
    /// left as gaps); when its words have name alternatives, all its words matching (names in any spelling) also counts.
    /// </summary>
    private static Query PhraseQuery(QueryPhrase phrase, SegmentTermLookup terms)
    {
        if (phrase.Words.Count == 1) return WordQuery(phrase.Words[0], terms);
        var query = new DisjunctionMaxQuery((float)IndexFields.WordTieBreaker);
        foreach (var field in IndexFields.WordFields)
        {
            if (Analyzed(terms, field.Name, field.Analysis, phrase.Text) is { } match) query.Add(Boosted(match, field.Boost));
        }
        if (phrase.HasNames)
        {
            var allWords = new BooleanQuery();
            foreach (var word in phrase.Words.Where(w => w.Required || w.AnyOf is not null)) allWords.Add(WordQuery(word, terms), Occur.MUST);
            if (allWords.Clauses.Count > 0) query.Add(allWords);
        }
        return query;
    }

    /// <summary>Bounded: the combinations come from clients.</summary>
    private static readonly BoundedMemo<Filter> Filters = new(256);

    /// <summary>
    /// The language, outlet and date filter, or null for none. The language and outlet part is built once per combination
    /// and caches its matching documents per segment (deletions are applied on top), as few combinations recur and re-running
    /// them costs a query each time; a date range differs from search to search, so it is not cached.
    /// </summary>
    public static Filter? BuildFilter(QueryPlan plan)
    {
        var refinements = plan.Refinements;
        var keywords = KeywordFilter(plan.Languages, plan.OriginLanguages, refinements.Outlets);
        if (!refinements.HasDateFilter) return keywords;
        var dates = NumericRangeFilter.NewInt64Range(IndexFields.PublishedAt,
            refinements.PublishedAfter?.ToUnixTimeMilliseconds(), refinements.PublishedBefore?.ToUnixTimeMilliseconds(), minInclusive: true, maxInclusive: false);
        if (keywords is null) return dates;
        var both = new BooleanQuery { { new ConstantScoreQuery(keywords), Occur.MUST }, { new ConstantScoreQuery(dates), Occur.MUST } };
        return new QueryWrapperFilter(both);
    }

    private static Filter? KeywordFilter(IReadOnlyList<string> languages, IReadOnlyList<string> origins, IReadOnlyList<string> outlets)
    {
        if (languages.Count == 0 && origins.Count == 0 && outlets.Count == 0) return null;
        var key = string.Join(',', languages) + ";" + string.Join(',', origins) + ";" + string.Join('\u001f', outlets);
        return Filters.GetOrAdd(key, _ =>
        {
            var filter = new BooleanQuery();
            AddAnyOf(filter, IndexFields.Language, languages);
            AddAnyOf(filter, IndexFields.OriginLanguage, origins);
            AddAnyOf(filter, IndexFields.OutletKey, outlets);
            return new CachingWrapperFilter(new QueryWrapperFilter(filter));
        });
    }

    /// <summary>
    /// Null for relevance (score, then doc id). A date order puts undated documents last and breaks ties by id, so
    /// paging is stable.
    /// </summary>
    public static Sort? BuildSort(ResultOrder order) => order switch
    {
        ResultOrder.Newest => new Sort(DateOrder(newestFirst: true), IdOrder),
        ResultOrder.Oldest => new Sort(DateOrder(newestFirst: false), IdOrder),
        _ => null,
    };

    private static SortField DateOrder(bool newestFirst)
    {
        var field = new SortField(IndexFields.PublishedAt, SortFieldType.INT64, newestFirst);
        // The missing value that sorts after every date in this direction.
        field.SetMissingValue(newestFirst ? long.MinValue : long.MaxValue);
        return field;
    }

    private static readonly SortField IdOrder = new(IndexFields.Id, SortFieldType.STRING);

    private static Query WordQuery(QueryWord word, SegmentTermLookup terms)
    {
        var query = new DisjunctionMaxQuery((float)IndexFields.WordTieBreaker);
        foreach (var field in IndexFields.WordFields)
            AddAnalyzed(query, terms, field.Name, field.Analysis, word.Text, field.Boost);

        // Name clauses score their weight alone, not TF-IDF, so an exact spelling ranks above a variant and a variant
        // above a fuzzy match however common each spelling is in the index.
        foreach (var (form, weight) in word.NameForms)
        {
            AddAnalyzed(query, terms, IndexFields.Names, FieldAnalysis.Folding, form, weight, constantScore: true);
            AddAnalyzed(query, terms, IndexFields.RelatedNames, FieldAnalysis.Folding, form, weight * IndexFields.RelatedBoost, constantScore: true);
        }
        foreach (var (key, weight) in word.NameKeys)
        {
            query.Add(Boosted(new ConstantScoreQuery(terms.Query(new Term(IndexFields.NameKeys, key))), weight));
            query.Add(Boosted(new ConstantScoreQuery(terms.Query(new Term(IndexFields.RelatedNameKeys, key))), weight * IndexFields.RelatedBoost));
        }
        return query;
    }

    private static void AddAnalyzed(DisjunctionMaxQuery query, SegmentTermLookup lookup, string field, FieldAnalysis analysis, string text, float boost, bool constantScore = false)
    {
        if (Analyzed(lookup, field, analysis, text) is not { } match) return;
        query.Add(Boosted(constantScore ? new ConstantScoreQuery(match) : match, boost));
    }

    /// <summary>
    /// What Elasticsearch's match_phrase makes of <paramref name="text"/> in the field, or null when nothing is left: a
    /// term; several terms ("US-Präsident") in order at their positions, a removed stop word leaving a gap; and terms
    /// stacked at one position (the folded and original "nguyen"/"nguyễn") as alternatives there.
    /// </summary>
    private static Query? Analyzed(SegmentTermLookup lookup, string field, FieldAnalysis analysis, string text)
    {
        var positions = LuceneAnalyzers.PositionedTerms(LuceneAnalyzers.For(analysis), field, text)
            .GroupBy(t => t.Position, t => new Term(field, t.Term))
            .Select(p => (Position: p.Key, Terms: p.ToArray()))
            .ToList();
        if (positions.Count == 0) return null;
        if (positions.Count == 1)
        {
            var terms = positions[0].Terms;
            if (terms.Length == 1) return lookup.Query(terms[0]);
            var anyOf = new BooleanQuery(disableCoord: true);
            foreach (var term in terms) anyOf.Add(lookup.Query(term), Occur.SHOULD);
            return anyOf;
        }
        if (positions.All(p => p.Terms.Length == 1))
        {
            var phrase = new PhraseQuery();
            foreach (var (position, terms) in positions) phrase.Add(terms[0], position);
            return phrase;
        }
        var stacked = new MultiPhraseQuery();
        foreach (var (position, terms) in positions) stacked.Add(terms, position);
        return stacked;
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    private static void AddAnyOf(BooleanQuery filter, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        var anyOf = new BooleanQuery();
        foreach (var value in values) anyOf.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        filter.Add(anyOf, Occur.MUST);
    }
}
