using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using SearchSuite.Search.Stories;

namespace SearchSuite.Search.Elasticsearch;

/// <summary>
/// Translates a <see cref="QueryPlan"/> into the client's typed Query DSL with the same meaning as the Lucene backend's
/// query builder: each word a dis_max over its fields, where match_phrase plays the part of Lucene's term-or-phrase per
/// analysed word.
/// </summary>
public static class ElasticsearchQueryBuilder
{
    /// <summary>index.max_result_window's default: from + size beyond it is refused, so the last page is cut there.</summary>
    public const int MaxResultWindow = 10_000;

    public static SearchRequest Build(QueryPlan plan, string index) => new(index)
    {
        Query = Query(plan),
        From = Math.Min(plan.Offset, MaxResultWindow),
        Size = Math.Clamp(MaxResultWindow - plan.Offset, 0, plan.Limit),
        // Lucene counts every hit; so must this backend, or paging would stop at 10,000.
        TrackTotalHits = new TrackHits(true),
        Source = new SourceConfig(new SourceFilter { Excludes = Fields.FromStrings(ElasticsearchDocument.SearchedOnlyFields) }),
        // One hit per story (its best match) and the number of stories (approximate beyond 3,000, as cardinality is).
        // Under a date order, collapse keeps each story's newest (or oldest) match, as the Lucene backend does.
        Collapse = plan.GroupByStory ? new FieldCollapse { Field = IndexFields.StoryId } : null,
        Sort = Sort(plan.Refinements.Order),
        // Scores are still reported under a date order.
        TrackScores = plan.Refinements.Order == ResultOrder.Relevance ? null : true,
        Aggregations = Aggregations(plan),
    };

    public const string TotalStoriesAggregation = "total_stories";

    public const string NameFormsAggregation = "name_forms";
    /// <summary>Buckets per page of the name-forms listing (the composite aggregation's own limit is 65,536).</summary>
    public const int NameFormsPageSize = 10_000;

    /// <summary>
    /// One page of the distinct name forms of the live documents, as a composite aggregation paged by its after_key:
    /// the name vocabulary every replica reads from the shared index.
    /// </summary>
    public static SearchRequest NameForms(string index, string? after) => new(index)
    {
        Size = 0,
        Aggregations = new Dictionary<string, Aggregation>
        {
            [NameFormsAggregation] = new CompositeAggregation
            {
                Size = NameFormsPageSize,
                Sources = [KeyValuePair.Create(NameFormsAggregation, new CompositeAggregationSource { Terms = new CompositeTermsAggregation { Field = IndexFields.NameForms } })],
                After = after is null ? null : new Dictionary<Field, FieldValue> { [NameFormsAggregation] = after },
            },
        },
    };

    /// <summary>Null for relevance. A date order puts undated documents last and breaks ties by id, so paging is stable.</summary>
    private static List<SortOptions>? Sort(ResultOrder order) => order == ResultOrder.Relevance
        ? null
        :
        [
            new SortOptions { Field = new FieldSort { Field = IndexFields.PublishedAt, Order = order == ResultOrder.Newest ? SortOrder.Desc : SortOrder.Asc, Missing = "_last" } },
            new SortOptions { Field = new FieldSort { Field = IndexFields.Id, Order = SortOrder.Asc } },
        ];

    /// <summary>The story count and each facet, named by its wire name: terms for keywords, a monthly date_histogram for published_month.</summary>
    private static Dictionary<string, Aggregation>? Aggregations(QueryPlan plan)
    {
        var aggregations = new Dictionary<string, Aggregation>();
        if (plan.GroupByStory) aggregations[TotalStoriesAggregation] = new CardinalityAggregation { Field = IndexFields.StoryId };
        foreach (var facet in plan.Refinements.FacetFields)
        {
            aggregations[FacetFields.NameOf(facet)] = facet == FacetField.PublishedMonth
                ? new DateHistogramAggregation { Field = IndexFields.PublishedAt, CalendarInterval = CalendarInterval.Month, Format = "yyyy-MM", MinDocCount = 1 }
                : new TermsAggregation { Field = FacetFieldOf(facet), Size = plan.Refinements.FacetSize };
        }
        return aggregations.Count > 0 ? aggregations : null;
    }

    private static string FacetFieldOf(FacetField facet) => facet switch
    {
        FacetField.Language => IndexFields.Language,
        FacetField.OriginLanguage => IndexFields.OriginOrOwnLanguage,
        FacetField.Outlet => IndexFields.Outlet,
        _ => throw new ArgumentOutOfRangeException(nameof(facet)),
    };

    /// <summary>The facets of a search response, in the plan's order, sorted and capped as the Lucene backend answers them.</summary>
    public static IReadOnlyList<FacetCounts> ReadFacets(QueryPlan plan, AggregateDictionary? aggregations) =>
        [.. plan.Refinements.FacetFields.Select(facet => FacetCounts.Top(facet, facet == FacetField.PublishedMonth
            ? (aggregations?.GetDateHistogram(FacetFields.NameOf(facet))?.Buckets ?? []).Select(b => KeyValuePair.Create(b.KeyAsString ?? FacetFields.MonthOf(b.Key), b.DocCount))
            : (aggregations?.GetStringTerms(FacetFields.NameOf(facet))?.Buckets ?? []).Select(b => KeyValuePair.Create(b.Key.ToString(), b.DocCount)),
            plan.Refinements.FacetSize))];

    /// <summary>Candidates for story assignment: the same fingerprint, or the most (weighted) shared evidence terms.</summary>
    public static SearchRequest StoryCandidates(StoryCandidateQuery query, string index)
    {
        List<Query> should = [];
        if (query.Fingerprint.Length > 0) should.Add(new ConstantScoreQuery { Filter = new TermQuery(IndexFields.Fingerprint, query.Fingerprint), Boost = 1_000f });
        foreach (var evidence in query.LookupTerms)
            should.Add(new ConstantScoreQuery { Filter = new TermQuery(IndexFields.StoryEvidence, evidence), Boost = StoryEvidence.WeightOf(StoryEvidence.KindOf(evidence)) });
        return new SearchRequest(index)
        {
            Query = new BoolQuery { Should = should, MinimumShouldMatch = 1 },
            Size = query.Limit,
            Source = new SourceConfig(new SourceFilter { Excludes = Fields.FromStrings(ElasticsearchDocument.SearchedOnlyFields) }),
        };
    }

    /// <summary>A story's versions, oldest first.</summary>
    public static SearchRequest StoryVersions(string storyId, int limit, string index) => new(index)
    {
        Query = new BoolQuery { Filter = [new TermQuery(IndexFields.StoryId, storyId)] },
        Size = Math.Min(limit, MaxResultWindow),
        Sort = OldestFirst(),
        Source = new SourceConfig(new SourceFilter { Excludes = Fields.FromStrings(ElasticsearchDocument.SearchedOnlyFields) }),
    };

    public const string VersionsInnerHits = "versions";

    /// <summary>
    /// The versions of a page's stories in one request: collapse on story_id over every version of those stories, with
    /// inner_hits listing each story's versions oldest first as summaries (<see cref="ElasticsearchDocument.SummaryFields"/>).
    /// Not the search's own collapse, whose inner_hits would list only the versions that match the query, where a
    /// grouped hit lists all of them, as the Lucene backend does.
    /// </summary>
    public static SearchRequest PageStoryVersions(IReadOnlyCollection<string> storyIds, int perStory, string index) => new(index)
    {
        Query = new BoolQuery { Filter = [new TermsQuery { Field = IndexFields.StoryId, Terms = new TermsQueryField([.. storyIds.Select(FieldValue.String)]) }] },
        Size = storyIds.Count,
        Source = new SourceConfig(false),
        Collapse = new FieldCollapse
        {
            Field = IndexFields.StoryId,
            InnerHits =
            [
                new InnerHits
                {
                    Name = VersionsInnerHits,
                    Size = perStory,
                    Sort = OldestFirst(),
                    Source = new SourceConfig(new SourceFilter { Includes = Fields.FromStrings(ElasticsearchDocument.SummaryFields) }),
                },
            ],
        },
    };

    /// <summary>By acceptance time, ties by id: the order of GetStory and of a grouped hit's versions.</summary>
    private static List<SortOptions> OldestFirst() =>
    [
        new SortOptions { Field = new FieldSort { Field = IndexFields.IngestedAt, Order = SortOrder.Asc } },
        new SortOptions { Field = new FieldSort { Field = IndexFields.Id, Order = SortOrder.Asc } },
    ];

    public static Query Query(QueryPlan plan)
    {
        var alone = plan.Words.Where(w => w.AnyOf is null).ToList();
        // Alternatives (a long name's surname): one of them must match, as in the Lucene backend.
        var anyOf = plan.Words.Where(w => w.AnyOf is not null).GroupBy(w => w.AnyOf)
            .Select(g => (Query)new BoolQuery { Should = [.. g.Select(WordQuery)], MinimumShouldMatch = 1 });
        // Phrases, and OR groups of words and phrases: one alternative must match (as in the Lucene backend).
        var phraseGroups = plan.Phrases.Where(p => p.AnyOf is not null).GroupBy(p => p.AnyOf)
            .Select(g => (Query)new BoolQuery { Should = [.. g.Select(PhraseQuery)], MinimumShouldMatch = 1 });
        List<Query> required = [.. alone.Where(w => w.Required).Select(WordQuery), .. anyOf, .. plan.Phrases.Where(p => p.AnyOf is null).Select(PhraseQuery), .. phraseGroups];
        List<Query> optional = [.. alone.Where(w => !w.Required).Select(WordQuery)];
        var filters = Filters(plan);
        return new BoolQuery
        {
            Must = required.Count > 0 ? required : null,
            // Duplicates are versions of their story, never hits of their own (grouped hits list them); exclusions never match.
            MustNot = [new ExistsQuery { Field = IndexFields.DuplicateOf }, .. plan.Exclusions.Select(PhraseQuery)],
            Should = optional.Count > 0 ? optional : null,
            Filter = filters.Count > 0 ? filters : null,
            // Without a must clause a filter alone would match; in Lucene a query of optional words needs one of them.
            MinimumShouldMatch = required.Count == 0 && optional.Count > 0 ? 1 : null,
        };
    }

    private static Query WordQuery(QueryWord word)
    {
        List<Query> queries = [.. IndexFields.WordFields.Select(field => MatchPhrase(field.Name, word.Text, field.Boost))];
        // Name clauses score their weight alone (constant_score), not BM25, so an exact spelling ranks above a variant
        // and a variant above a fuzzy match however common each spelling is, as in the Lucene backend.
        foreach (var (form, weight) in word.NameForms)
        {
            queries.Add(ConstantScore(MatchPhrase(IndexFields.Names, form), weight));
            queries.Add(ConstantScore(MatchPhrase(IndexFields.RelatedNames, form), weight * IndexFields.RelatedBoost));
        }
        foreach (var (key, weight) in word.NameKeys)
        {
            queries.Add(ConstantScore(new TermQuery(IndexFields.NameKeys, key), weight));
            queries.Add(ConstantScore(new TermQuery(IndexFields.RelatedNameKeys, key), weight * IndexFields.RelatedBoost));
        }
        return new DisMaxQuery { TieBreaker = IndexFields.WordTieBreaker, Queries = queries };
    }

    /// <summary>
    /// A one-word phrase is that word; a longer one a match_phrase per field (analysed, stemmed, by the field), or, when its
    /// words have name alternatives, all its words matching with names in any spelling.
    /// </summary>
    private static Query PhraseQuery(QueryPhrase phrase)
    {
        if (phrase.Words.Count == 1) return WordQuery(phrase.Words[0]);
        List<Query> queries = [.. IndexFields.WordFields.Select(field => MatchPhrase(field.Name, phrase.Text, field.Boost))];
        var nameWords = phrase.Words.Where(w => w.Required || w.AnyOf is not null).ToList();
        if (phrase.HasNames && nameWords.Count > 0) queries.Add(new BoolQuery { Must = [.. nameWords.Select(WordQuery)] });
        return new DisMaxQuery { TieBreaker = IndexFields.WordTieBreaker, Queries = queries };
    }

    /// <summary>One analysed term is a term query, several a phrase ("US-Präsident"), none (a stop word) matches nothing.</summary>
    private static MatchPhraseQuery MatchPhrase(string field, string text, float? boost = null) => new(field, text) { Boost = boost };

    private static ConstantScoreQuery ConstantScore(Query filter, float boost) => new(filter) { Boost = boost };

    private static List<Query> Filters(QueryPlan plan)
    {
        List<Query> filters = [];
        if (plan.Languages.Count > 0) filters.Add(Terms(IndexFields.Language, plan.Languages));
        if (plan.OriginLanguages.Count > 0)
        {
            // A document without a known origin counts as original in its own language (as the Lucene backend indexes it).
            var originalInItsLanguage = new BoolQuery
            {
                Filter = [Terms(IndexFields.Language, plan.OriginLanguages)],
                MustNot = [new ExistsQuery(IndexFields.OriginLanguage)],
            };
            filters.Add(new BoolQuery { Should = [Terms(IndexFields.OriginLanguage, plan.OriginLanguages), originalInItsLanguage], MinimumShouldMatch = 1 });
        }
        var refinements = plan.Refinements;
        if (refinements.Outlets.Count > 0) filters.Add(Terms(IndexFields.OutletKey, refinements.Outlets));
        if (refinements.HasDateFilter)
            filters.Add(new DateRangeQuery(IndexFields.PublishedAt)
            {
                Gte = refinements.PublishedAfter is { } after ? DateMath.Anchored(PublicationTime.Format(after.ToUniversalTime())) : null,
                Lt = refinements.PublishedBefore is { } before ? DateMath.Anchored(PublicationTime.Format(before.ToUniversalTime())) : null,
                Format = "strict_date_optional_time",
            });
        return filters;
    }

    private static TermsQuery Terms(string field, IReadOnlyList<string> values) =>
        new(field, new TermsQueryField([.. values.Select(FieldValue.String)]));
}
