using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;

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
    };

    public static Query Query(QueryPlan plan)
    {
        var alone = plan.Words.Where(w => w.AnyOf is null).ToList();
        // Alternatives (a long name's surname): one of them must match, as in the Lucene backend.
        var anyOf = plan.Words.Where(w => w.AnyOf is not null).GroupBy(w => w.AnyOf)
            .Select(g => (Query)new BoolQuery { Should = [.. g.Select(WordQuery)], MinimumShouldMatch = 1 });
        List<Query> required = [.. alone.Where(w => w.Required).Select(WordQuery), .. anyOf];
        List<Query> optional = [.. alone.Where(w => !w.Required).Select(WordQuery)];
        var filters = Filters(plan);
        return new BoolQuery
        {
            Must = required.Count > 0 ? required : null,
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
        foreach (var name in word.Names)
        {
            queries.Add(ConstantScore(MatchPhrase(IndexFields.Names, name.Form), name.Weight));
            queries.Add(ConstantScore(MatchPhrase(IndexFields.RelatedNames, name.Form), name.Weight * IndexFields.RelatedBoost));
            if (name.Key is null) continue;
            queries.Add(ConstantScore(new TermQuery(IndexFields.NameKeys, name.Key), name.Weight));
            queries.Add(ConstantScore(new TermQuery(IndexFields.RelatedNameKeys, name.Key), name.Weight * IndexFields.RelatedBoost));
        }
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
        return filters;
    }

    private static TermsQuery Terms(string field, IReadOnlyList<string> values) =>
        new(field, new TermsQueryField([.. values.Select(FieldValue.String)]));

    /// <summary>
    /// Earlier copies of the same content under other ids: same fingerprint, another id, ingested no later than the
    /// copy just indexed. The time bound keeps two instances indexing copies at once from deleting each other's.
    /// </summary>
    public static Query OlderCopiesOf(IEnumerable<ElasticsearchDocument> documents) => new BoolQuery
    {
        Should = [.. documents.Where(d => d.Fingerprint.Length > 0).Select(document => (Query)new BoolQuery
        {
            Filter =
            [
                new TermQuery(IndexFields.Fingerprint, document.Fingerprint),
                new DateRangeQuery(ElasticsearchDocument.IngestedAtField) { Lte = document.IngestedAt.ToString("O") },
            ],
            MustNot = [new IdsQuery { Values = new Ids(document.Id) }],
        })],
        MinimumShouldMatch = 1,
    };
}
