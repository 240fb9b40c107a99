using System.Text.Json.Nodes;
using SearchSuite.Elasticsearch;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;

namespace SearchSuite.Search.Elasticsearch;

/// <summary>
/// Translates a <see cref="QueryPlan"/> into Query DSL with the same meaning as <see cref="Lucene.LuceneQueryBuilder"/>:
/// each word a dis_max over its fields, where match_phrase plays the part of Lucene's term-or-phrase per analysed word.
/// Only 7.10+/8.x-common DSL is used (bool, dis_max, match_phrase, term, terms, exists).
/// </summary>
public static class ElasticsearchQueryBuilder
{
    /// <summary>index.max_result_window's default: from + size beyond it is refused, so the last page is cut there.</summary>
    public const int MaxResultWindow = 10_000;

    public static SearchRequest Build(QueryPlan plan) => new()
    {
        Query = Query(plan),
        From = Math.Min(plan.Offset, MaxResultWindow),
        Size = Math.Clamp(MaxResultWindow - plan.Offset, 0, plan.Limit),
        // Lucene counts every hit; so must this backend, or paging would stop at 10,000.
        TrackTotalHits = true,
        Source = new JsonObject { ["excludes"] = new JsonArray([.. ElasticsearchDocument.SearchedOnlyFields.Select(f => (JsonNode)f)]) },
    };

    public static JsonObject Query(QueryPlan plan)
    {
        var alone = plan.Words.Where(w => w.AnyOf is null).ToList();
        // Alternatives (a long name's surname): one of them must match, as in the Lucene backend.
        var anyOf = plan.Words.Where(w => w.AnyOf is not null).GroupBy(w => w.AnyOf).Select(g => (JsonNode)new JsonObject
        {
            ["bool"] = new JsonObject { ["should"] = new JsonArray([.. g.Select(WordQuery)]), ["minimum_should_match"] = 1 },
        });
        var required = alone.Where(w => w.Required).Select(WordQuery).Concat(anyOf).ToArray();
        var optional = alone.Where(w => !w.Required).Select(WordQuery).ToArray();
        var filters = Filters(plan);
        var boolQuery = new JsonObject();
        if (required.Length > 0) boolQuery["must"] = new JsonArray(required);
        if (optional.Length > 0) boolQuery["should"] = new JsonArray(optional);
        if (filters.Count > 0) boolQuery["filter"] = filters;
        // Without a must clause a filter alone would match; in Lucene a query of optional words needs one of them.
        if (required.Length == 0 && optional.Length > 0) boolQuery["minimum_should_match"] = 1;
        return new JsonObject { ["bool"] = boolQuery };
    }

    private static JsonNode WordQuery(QueryWord word)
    {
        var queries = new JsonArray();
        foreach (var field in IndexFields.WordFields) queries.Add(MatchPhrase(field.Name, word.Text, field.Boost));
        // Name clauses score their weight alone (constant_score), not BM25, so an exact spelling ranks above a variant
        // and a variant above a fuzzy match however common each spelling is, as in the Lucene backend.
        foreach (var name in word.Names)
        {
            queries.Add(ConstantScore(MatchPhrase(IndexFields.Names, name.Form), name.Weight));
            queries.Add(ConstantScore(MatchPhrase(IndexFields.RelatedNames, name.Form), name.Weight * IndexFields.RelatedBoost));
            if (name.Key is null) continue;
            queries.Add(ConstantScore(Term(IndexFields.NameKeys, name.Key), name.Weight));
            queries.Add(ConstantScore(Term(IndexFields.RelatedNameKeys, name.Key), name.Weight * IndexFields.RelatedBoost));
        }
        return new JsonObject { ["dis_max"] = new JsonObject { ["tie_breaker"] = IndexFields.WordTieBreaker, ["queries"] = queries } };
    }

    /// <summary>One analysed term is a term query, several a phrase ("US-Präsident"), none (a stop word) matches nothing.</summary>
    private static JsonObject MatchPhrase(string field, string text, float boost) =>
        new() { ["match_phrase"] = new JsonObject { [field] = new JsonObject { ["query"] = text, ["boost"] = boost } } };

    private static JsonObject MatchPhrase(string field, string text) =>
        new() { ["match_phrase"] = new JsonObject { [field] = text } };

    private static JsonObject Term(string field, string value) =>
        new() { ["term"] = new JsonObject { [field] = value } };

    private static JsonObject ConstantScore(JsonObject filter, float boost) =>
        new() { ["constant_score"] = new JsonObject { ["filter"] = filter, ["boost"] = boost } };

    private static JsonArray Filters(QueryPlan plan)
    {
        var filters = new JsonArray();
        if (plan.Languages.Count > 0) filters.Add(Terms(IndexFields.Language, plan.Languages));
        if (plan.OriginLanguages.Count > 0)
        {
            // A document without a known origin counts as original in its own language (as the Lucene backend indexes it).
            var originalInItsLanguage = new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["filter"] = new JsonArray(Terms(IndexFields.Language, plan.OriginLanguages)),
                    ["must_not"] = new JsonArray(new JsonObject { ["exists"] = new JsonObject { ["field"] = IndexFields.OriginLanguage } }),
                },
            };
            filters.Add(new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["should"] = new JsonArray(Terms(IndexFields.OriginLanguage, plan.OriginLanguages), originalInItsLanguage),
                    ["minimum_should_match"] = 1,
                },
            });
        }
        return filters;
    }

    private static JsonObject Terms(string field, IReadOnlyList<string> values) =>
        new() { ["terms"] = new JsonObject { [field] = new JsonArray([.. values.Select(v => (JsonNode)v)]) } };

    /// <summary>
    /// Earlier copies of the same content under other ids: same fingerprint, another id, ingested no later than the
    /// copy just indexed. The time bound keeps two instances indexing copies at once from deleting each other's.
    /// </summary>
    public static JsonObject OlderCopiesOf(IEnumerable<ElasticsearchDocument> documents)
    {
        var copies = new JsonArray();
        foreach (var document in documents.Where(d => d.Fingerprint.Length > 0))
        {
            copies.Add(new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["filter"] = new JsonArray(
                        new JsonObject { ["term"] = new JsonObject { [IndexFields.Fingerprint] = document.Fingerprint } },
                        new JsonObject { ["range"] = new JsonObject { [ElasticsearchDocument.IngestedAtField] = new JsonObject { ["lte"] = document.IngestedAt.ToString("O") } } }),
                    ["must_not"] = new JsonArray(new JsonObject { ["ids"] = new JsonObject { ["values"] = new JsonArray(document.Id) } }),
                },
            });
        }
        return new JsonObject { ["bool"] = new JsonObject { ["should"] = copies, ["minimum_should_match"] = 1 } };
    }
}
