using SearchSuite.Search.Stories;
using SearchSuite.Names;
using System.Text.Json.Nodes;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;

namespace SearchSuite.Search.Elasticsearch.Tests;

/// <summary>
/// The Elasticsearch backend on the official client against a fake cluster: every request it makes (start-up, _bulk,
/// de-duplication, search, get) compared with JSON written from the Elasticsearch 9 REST reference, and its handling of
/// documented answers, errors included.
/// </summary>
public sealed class ElasticsearchSearchIndexTests
{
    private const string Alias = "searchsuite-news";

    private readonly FakeElasticsearch es = new();
    private readonly ElasticsearchSearchIndex index;

    public ElasticsearchSearchIndexTests() => index = es.Index();

    private static readonly DocumentNormalized Trong = new()
    {
        DocumentId = "vi-1",
        Language = "vi",
        Title = "Tổng Bí thư tiếp Tổng thống Nga",
        Text = "Tổng Bí thư Nguyễn Phú Trọng đã tiếp Vladimir Putin.",
        PersonNames = ["Nguyễn Phú Trọng", "Vladimir Putin"],
        RelatedPersonNames = ["Donald Trump"],
        RelatedHeadlines = ["Trump gặp Putin"],
        Fingerprint = "fp-1",
        SubmittedAt = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero),
    };

    private FakeElasticsearch Started()
    {
        es.Answer(200, "info_9_1.json");
        es.AnswerText(200, AliasOn(index.IndexName));
        return es;
    }

    private static string AliasOn(string concreteIndex) => new JsonObject { [concreteIndex] = new JsonObject { ["aliases"] = new JsonObject { [Alias] = new JsonObject() } } }.ToJsonString();

    [Fact]
    public async Task First_start_checks_the_version_and_creates_the_schema_index_behind_the_alias()
    {
        es.Answer(200, "info_9_1.json").Answer(404, "get_alias_missing.json").Answer(200, "create_index.json")
            .AnswerText(200, AliasOn(index.IndexName));

        await index.InitializeAsync(CancellationToken.None);

        Assert.Matches("^searchsuite-news-[0-9a-f]{8}$", index.IndexName);
        AssertRequests(["GET /", "GET /_alias/searchsuite-news", $"PUT /{index.IndexName}", "GET /_alias/searchsuite-news"]);
        var body = JsonNode.Parse(es.Requests[2].Body!)!;
        JsonAssert.Equivalent("""{ "searchsuite-news": {} }""", body["aliases"]!.ToJsonString());
        Assert.Equal(0, (int)body["settings"]!["number_of_replicas"]!);
        Assert.Equal("keyword", (string?)body["mappings"]!["properties"]!["name_keys"]!["type"]);
    }

    [Fact]
    public async Task A_schema_change_reindexes_into_the_new_index_and_swaps_the_alias()
    {
        es.Answer(200, "info_9_1.json").Answer(200, "get_alias.json").Answer(200, "create_index.json").Answer(200, "reindex.json").Answer(200, "acknowledged.json");

        await index.InitializeAsync(CancellationToken.None);

        AssertRequests(["GET /", "GET /_alias/searchsuite-news", $"PUT /{index.IndexName}", "POST /_reindex?refresh=true", "POST /_aliases"]);
        Assert.Null(JsonNode.Parse(es.Requests[2].Body!)!["aliases"]);
        JsonAssert.Equivalent($$"""{ "source": { "index": "searchsuite-news" }, "dest": { "index": "{{index.IndexName}}", "version_type": "external" } }""", es.Requests[3].Body);
        JsonAssert.Equivalent($$"""
            { "actions": [
                { "remove": { "index": "searchsuite-news-v1", "alias": "searchsuite-news" } },
                { "add": { "index": "{{index.IndexName}}", "alias": "searchsuite-news" } } ] }
            """, es.Requests[4].Body);
    }

    [Theory]
    [InlineData("8.15.3", "too old")]
    [InlineData("7.17.24", "too old")]
    [InlineData("10.0.0", "newer than this client")]
    public async Task An_unsupported_server_version_stops_the_start_with_the_reason(string version, string reason)
    {
        es.AnswerText(200, $$"""{ "name": "es01", "cluster_name": "searchsuite", "version": { "number": "{{version}}" }, "tagline": "You Know, for Search" }""");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => index.InitializeAsync(CancellationToken.None));

        Assert.Contains(reason, failure.Message);
        Assert.Contains(version, failure.Message);
        Assert.Contains("9.x", failure.Message);
    }

    [Fact]
    public async Task OpenSearch_fails_the_product_check_and_the_start_names_it()
    {
        es.AnswerText(200, Documented.Read("info_opensearch_2_11.json"), "application/json", elasticProduct: false);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => index.InitializeAsync(CancellationToken.None));

        Assert.Contains("OpenSearch", failure.Message);
        Assert.Contains("product check", failure.Message);
        Assert.Contains("9.x", failure.Message);
    }

    [Fact]
    public async Task An_unreachable_cluster_stops_the_start_naming_the_address()
    {
        es.Fail(new HttpRequestException("Connection refused"));

        var failure = await Assert.ThrowsAsync<SearchIndexUnavailableException>(() => index.InitializeAsync(CancellationToken.None));

        Assert.Contains("http://es.test:9200/", failure.Message);
        Assert.Contains("Connection refused", failure.Message);
    }

    [Fact]
    public async Task Search_translates_words_names_filters_and_page_into_query_dsl()
    {
        Started().Answer(200, "search.json");
        var putin = new QueryWord("Putin", Required: true, [new NameAlternative("Путин", "putin", ExpansionSource.Key, 0.8f)]);
        var the = new QueryWord("the", Required: false, []);
        var plan = new QueryPlan([putin, the], Languages: ["de", "en"], OriginLanguages: ["vi"], Offset: 10, Limit: 5);

        await index.SearchAsync(plan, CancellationToken.None);

        var search = es.Requests[^1];
        Assert.Equal(("POST", "/searchsuite-news/_search"), (search.Method.Method, search.PathAndQuery));
        JsonAssert.Equivalent($$"""
            {
              "query": { "bool": {
                "must": [ { "dis_max": { "tie_breaker": 0.1, "queries": [
                  {{WordClauses("Putin")}},
                  { "constant_score": { "filter": { "match_phrase": { "names": { "query": "Путин" } } }, "boost": 0.8 } },
                  { "constant_score": { "filter": { "match_phrase": { "related_names": { "query": "Путин" } } }, "boost": {{0.8f * 0.2f}} } },
                  { "constant_score": { "filter": { "term": { "name_keys": { "value": "putin" } } }, "boost": 0.8 } },
                  { "constant_score": { "filter": { "term": { "related_name_keys": { "value": "putin" } } }, "boost": {{0.8f * 0.2f}} } } ] } } ],
                "should": [ { "dis_max": { "tie_breaker": 0.1, "queries": [ {{WordClauses("the")}} ] } } ],
                "filter": [
                  { "terms": { "language": ["de", "en"] } },
                  { "bool": { "should": [
                      { "terms": { "origin_language": ["vi"] } },
                      { "bool": { "filter": [ { "terms": { "language": ["vi"] } } ],
                                  "must_not": [ { "exists": { "field": "origin_language" } } ] } } ],
                    "minimum_should_match": 1 } } ],
                "must_not": [ { "exists": { "field": "duplicate_of" } } ] } },
              "from": 10,
              "size": 5,
              "_source": { "excludes": ["title_*", "body_*"] },
              "track_total_hits": true
            }
            """, search.Body);
    }

    [Theory]
    [InlineData(9_990, 100, 9_990, 10)]
    [InlineData(10_000, 100, 10_000, 0)]
    public async Task Paging_stops_at_the_max_result_window(int offset, int limit, int from, int size)
    {
        Started().Answer(200, "search.json");

        await index.SearchAsync(new QueryPlan([new QueryWord("Putin", true, [])], [], [], offset, limit), CancellationToken.None);

        var body = JsonNode.Parse(es.Requests[^1].Body!)!;
        Assert.Equal((from, size), ((int)body["from"]!, (int)body["size"]!));
    }

    [Fact]
    public async Task Alternative_words_become_one_required_clause_that_needs_one_of_them()
    {
        Started().Answer(200, "search.json");
        var plan = new QueryPlan(
            [new QueryWord("Cristóbal", true, []), new QueryWord("Montoro", false, [], AnyOf: 1), new QueryWord("Romero", false, [], AnyOf: 1)],
            [], [], 0, 10);

        await index.SearchAsync(plan, CancellationToken.None);

        JsonAssert.Equivalent($$"""
            { "bool": { "must": [
              { "dis_max": { "tie_breaker": 0.1, "queries": [ {{WordClauses("Cristóbal")}} ] } },
              { "bool": { "should": [
                  { "dis_max": { "tie_breaker": 0.1, "queries": [ {{WordClauses("Montoro")}} ] } },
                  { "dis_max": { "tie_breaker": 0.1, "queries": [ {{WordClauses("Romero")}} ] } } ],
                "minimum_should_match": 1 } } ],
              "must_not": [ { "exists": { "field": "duplicate_of" } } ] } }
            """, JsonNode.Parse(es.Requests[^1].Body!)!["query"]!.ToJsonString());
    }

    [Fact]
    public async Task A_query_of_stop_words_only_needs_one_of_them_to_match()
    {
        Started().Answer(200, "search.json");

        await index.SearchAsync(new QueryPlan([new QueryWord("the", false, [])], [], [], 0, 10), CancellationToken.None);

        var query = JsonNode.Parse(es.Requests[^1].Body!)!["query"]!["bool"]!;
        Assert.Equal(1, (int)query["minimum_should_match"]!);
        Assert.Null(query["must"]);
    }

    [Fact]
    public async Task A_grouped_search_collapses_on_story_id_counts_the_stories_and_reads_the_page_stories_versions_in_one_collapsed_request()
    {
        Started().Answer(200, "search.json").Answer(200, "search_collapse_inner_hits.json");

        var result = await index.SearchAsync(new QueryPlan([new QueryWord("Trump", true, [])], [], [], 0, 10, GroupByStory: true), CancellationToken.None);

        // https://www.elastic.co/docs/reference/elasticsearch/rest-apis/collapse-search-results and the cardinality aggregation.
        var body = JsonNode.Parse(es.Requests[^2].Body!)!;
        JsonAssert.Equivalent("""{ "field": "story_id" }""", body["collapse"]!.ToJsonString());
        JsonAssert.Equivalent("""{ "total_stories": { "cardinality": { "field": "story_id" } } }""", body["aggregations"]?.ToJsonString() ?? body["aggs"]!.ToJsonString());
        // Every version of the page's stories, not only those matching the query: collapse with inner_hits over their ids.
        JsonAssert.Equivalent("""
            {
              "query": { "bool": { "filter": [ { "terms": { "story_id": [ "41ede0cf7ea32611" ] } } ] } },
              "size": 1,
              "_source": false,
              "collapse": {
                "field": "story_id",
                "inner_hits": [ {
                  "name": "versions",
                  "size": 51,
                  "sort": [ { "ingested_at": { "order": "asc" } }, { "id": { "order": "asc" } } ],
                  "_source": { "includes": [ "id", "language", "origin_language", "outlet", "title", "duplicate_of", "story_id", "ingested_at" ] }
                } ]
              }
            }
            """, es.Requests[^1].Body);
        Assert.Equal(2, es.Requests.Count(r => r.PathAndQuery.Contains("_search")));
        var hit = Assert.Single(result.Hits);
        Assert.Equal(
            [("9c1f0e7d2b3a4c5d", "de", "vi", "Dan Tri", (string?)null), ("5a6b7c8d9e0f1a2b", "de", null, null, "9c1f0e7d2b3a4c5d")],
            hit.Versions!.Select(v => (v.DocumentId, v.Language, v.OriginLanguage, v.Outlet, v.DuplicateOf)).ToList());
    }

    [Fact]
    public async Task Search_hits_are_rebuilt_from_source_with_score_and_total()
    {
        Started().Answer(200, "search.json");

        var result = await index.SearchAsync(new QueryPlan([new QueryWord("Trump", true, [])], [], [], 0, 10), CancellationToken.None);

        Assert.Equal(20, result.TotalHits);
        var hit = Assert.Single(result.Hits);
        Assert.Equal(("41ede0cf7ea32611", "en", "Putin Agrees to Help Trump Broker Nuclear Talks With Iran: Bloomberg Exclusive"),
            (hit.Document.DocumentId, hit.Document.Language, hit.Document.Title));
        Assert.Equal(1.3862942f, hit.Score);
    }

    [Fact]
    public async Task The_name_vocabulary_is_a_composite_aggregation_of_name_forms_paged_by_its_after_key()
    {
        Started().Answer(200, "name_forms_page.json").Answer(200, "name_forms_last_page.json");

        var forms = await index.ReadNameFormsAsync(CancellationToken.None);

        Assert.Equal(["peskow", "putin"], forms.Order(StringComparer.Ordinal));
        // https://www.elastic.co/docs/reference/aggregations/search-aggregations-bucket-composite-aggregation (pagination).
        AssertRequests(["GET /", "GET /_alias/searchsuite-news", "POST /searchsuite-news/_search?typed_keys=true", "POST /searchsuite-news/_search?typed_keys=true"]);
        JsonAssert.Equivalent("""
            { "size": 0, "aggregations": { "name_forms": { "composite": {
                "size": 10000, "sources": [ { "name_forms": { "terms": { "field": "name_forms" } } } ] } } } }
            """, es.Requests[2].Body);
        JsonAssert.Equivalent("""
            { "size": 0, "aggregations": { "name_forms": { "composite": {
                "size": 10000, "sources": [ { "name_forms": { "terms": { "field": "name_forms" } } } ],
                "after": { "name_forms": "putin" } } } } }
            """, es.Requests[3].Body);
    }

    [Fact]
    public async Task Bulk_indexes_per_language_fields_name_keys_and_story_fields_through_the_alias_by_id_only()
    {
        Started()
            .AnswerText(200, BulkAnswer(("vi-1", 201, null)));

        await index.IndexAsync([Trong], KeyedNames.Instance, CancellationToken.None);

        // Near-duplicates under other ids are kept (story assignment marks them); nothing is deleted by fingerprint.
        AssertRequests(["GET /", "GET /_alias/searchsuite-news", "POST /_bulk?refresh=wait_for&require_alias=true"]);
        var evidence = string.Join(", ", StoryEvidence.Extract(Trong).Terms.Select(e => $"\"{e}\""));
        Assert.Equal("application/x-ndjson", es.Requests[2].ContentType);
        JsonAssert.NdjsonEquivalent([
            // The acceptance time (2026-11-23T12:00:00Z) in microseconds, as an external version.
            """{ "index": { "_index": "searchsuite-news", "_id": "vi-1", "version": 1795435200000000, "version_type": "external_gte" } }""",
            $$"""
            {
              "id": "vi-1", "language": "vi", "origin_or_own_language": "vi", "story_id": "vi-1", "merged_story_ids": [], "story_evidence": [{{evidence}}],
              "title": "Tổng Bí thư tiếp Tổng thống Nga", "text": "Tổng Bí thư Nguyễn Phú Trọng đã tiếp Vladimir Putin.",
              "cited_sources": [], "fingerprint": "fp-1", "ingested_at": "2026-11-23T12:00:00+00:00",
              "related": ["Trump gặp Putin"],
              "names": ["Nguyễn Phú Trọng", "Vladimir Putin"], "related_names": ["Donald Trump"],
              "name_keys": ["trọng", "putin", "tổng", "bí", "nga", "nguyễn", "phú", "vladimir"], "related_name_keys": ["trump", "putin"],
              "name_forms": ["nguyễn", "phú", "trọng", "vladimir", "putin", "donald", "trump"],
              "removed": [], "metadata": {},
              "title_vi": "Tổng Bí thư tiếp Tổng thống Nga", "body_vi": "Tổng Bí thư Nguyễn Phú Trọng đã tiếp Vladimir Putin.",
              "title_vi_folded": "Tổng Bí thư tiếp Tổng thống Nga", "body_vi_folded": "Tổng Bí thư Nguyễn Phú Trọng đã tiếp Vladimir Putin."
            }
            """,
        ], es.Requests[2].Body);
    }

    [Fact]
    public async Task Copies_of_the_same_content_under_other_ids_are_all_sent()
    {
        Started().AnswerText(200, BulkAnswer(("copy-1", 201, null), ("copy-2", 201, null)));

        await index.IndexAsync([Trong with { DocumentId = "copy-1" }, Trong with { DocumentId = "copy-2", DuplicateOf = "copy-1" }], KeyedNames.Instance, CancellationToken.None);

        Assert.Equal(["copy-1", "copy-2"], BulkIds(es.Requests[2].Body!));
        Assert.Equal(3, es.Requests.Count);
    }

    [Fact]
    public async Task Bulk_resends_rejected_items_and_reports_refused_ones_with_the_reason_after_indexing_the_rest()
    {
        const string parseError = "failed to parse field [ingested_at] of type [date]";
        Started()
            .AnswerText(200, BulkAnswer(("a", 201, null), ("b", 429, "es_rejected_execution_exception"), ("c", 400, "document_parsing_exception")))
            .AnswerText(200, BulkAnswer(("b", 201, null)));
        DocumentNormalized[] documents = [Trong with { DocumentId = "a", Fingerprint = "fa" }, Trong with { DocumentId = "b", Fingerprint = "fb" }, Trong with { DocumentId = "c", Fingerprint = "fc" }];

        var failure = await Assert.ThrowsAsync<DocumentsRejectedException>(() => index.IndexAsync(documents, KeyedNames.Instance, CancellationToken.None));

        var rejected = Assert.Single(failure.Rejected);
        Assert.Equal("c", rejected.DocumentId);
        Assert.Equal($"document_parsing_exception: {parseError}", rejected.Reason);
        Assert.Contains(parseError, failure.Message);
        // The resend carries only the 429 item.
        Assert.Equal(["b"], BulkIds(es.Requests[3].Body!));
    }

    [Fact]
    public async Task A_documented_partial_bulk_failure_resends_the_429_item_rejects_the_parse_error_and_drops_the_version_conflict_as_superseded()
    {
        Started()
            .Answer(200, "bulk_partial_failure.json")
            .AnswerText(200, BulkAnswer(("58703e863629936e", 201, null)))
            .Answer(200, "delete_by_query.json")
            .Answer(200, "refresh.json");
        string[] ids = ["c732f99de72756b9", "58703e863629936e", "41ede0cf7ea32611", "1111111111111111"];

        var failure = await Assert.ThrowsAsync<DocumentsRejectedException>(() =>
            index.IndexAsync([.. ids.Select((id, i) => Trong with { DocumentId = id, Fingerprint = $"f{i}" })], KeyedNames.Instance, CancellationToken.None));

        // 1111111111111111 conflicts: the cluster holds a newer version of it, which stays; that is not a refusal.
        var rejected = Assert.Single(failure.Rejected);
        Assert.Equal("41ede0cf7ea32611", rejected.DocumentId);
        Assert.StartsWith("document_parsing_exception: [1:15] failed to parse field [ingested_at]", rejected.Reason);
        Assert.Equal(["58703e863629936e"], BulkIds(es.Requests[3].Body!));
    }

    [Fact]
    public async Task A_version_older_than_the_ids_tombstone_is_refused_by_the_cluster_and_the_batch_still_succeeds()
    {
        Started()
            .AnswerText(200, BulkAnswer(("del-1", 201, null)))
            .Answer(200, "bulk_external_version_conflict.json");

        // The delete (a minute after the document's acceptance) is written first; then the older version arrives.
        await index.IndexAsync([DocumentNormalized.Tombstone("del-1", Trong.SubmittedAt.AddMinutes(1))], KeyedNames.Instance, CancellationToken.None);
        await index.IndexAsync([Trong with { DocumentId = "del-1" }, Trong with { DocumentId = "kept-1" }], KeyedNames.Instance, CancellationToken.None);

        JsonAssert.Equivalent("""{ "index": { "_index": "searchsuite-news", "_id": "del-1", "version": 1795435260000000, "version_type": "external_gte" } }""",
            es.Requests[2].Body!.Split('\n')[0]);
        JsonAssert.Equivalent("""{ "index": { "_index": "searchsuite-news", "_id": "del-1", "version": 1795435200000000, "version_type": "external_gte" } }""",
            es.Requests[3].Body!.Split('\n')[0]);
        Assert.Equal(4, es.Requests.Count);
    }

    [Fact]
    public async Task A_reindex_with_failures_leaves_the_alias_on_the_old_index()
    {
        es.Answer(200, "info_9_1.json").Answer(200, "get_alias.json").Answer(200, "create_index.json").Answer(200, "reindex_with_failures.json");

        var failure = await Assert.ThrowsAsync<SearchIndexUnavailableException>(() => index.InitializeAsync(CancellationToken.None));

        Assert.Contains("incomplete", failure.Message);
        Assert.Contains("failures: 1", failure.Message);
        Assert.DoesNotContain(es.Requests, request => request.PathAndQuery == "/_aliases");
    }

    [Fact]
    public async Task Items_still_rejected_after_the_resends_fail_the_batch_as_retryable()
    {
        var overloaded = BulkAnswer(("b", 429, "es_rejected_execution_exception"));
        Started().AnswerText(200, overloaded).AnswerText(200, overloaded).AnswerText(200, overloaded);

        var failure = await Assert.ThrowsAsync<SearchIndexUnavailableException>(() => index.IndexAsync([Trong with { DocumentId = "b" }], KeyedNames.Instance, CancellationToken.None));

        Assert.Contains("429", failure.Message);
        Assert.Equal(2 + 3, es.Requests.Count);
    }

    [Fact]
    public async Task A_whole_bulk_call_answered_429_fails_the_batch_as_retryable_with_the_server_reason()
    {
        Started().Answer(429, "rejected_execution.json");

        var failure = await Assert.ThrowsAsync<SearchIndexUnavailableException>(() => index.IndexAsync([Trong], KeyedNames.Instance, CancellationToken.None));

        Assert.Contains("es_rejected_execution_exception", failure.Message);
    }

    [Fact]
    public async Task A_deleted_index_fails_the_call_and_the_next_call_sets_the_index_up_again()
    {
        Started().Answer(404, "index_not_found.json");
        var plan = new QueryPlan([new QueryWord("Putin", true, [])], [], [], 0, 10);

        var failure = await Assert.ThrowsAsync<SearchIndexUnavailableException>(() => index.SearchAsync(plan, CancellationToken.None));
        Assert.Contains("index_not_found_exception", failure.Message);

        es.Answer(200, "info_9_1.json").Answer(404, "get_alias_missing.json").Answer(200, "create_index.json")
            .AnswerText(200, AliasOn(index.IndexName)).Answer(200, "search.json");
        await index.SearchAsync(plan, CancellationToken.None);
        Assert.Equal($"PUT /{index.IndexName}", Describe(es.Requests[5]));
    }

    [Fact]
    public async Task Get_reads_the_document_through_the_alias_and_a_missing_one_is_null()
    {
        Started().Answer(200, "get_found.json").Answer(404, "get_not_found.json");

        var found = await index.GetAsync("c732f99de72756b9", CancellationToken.None);
        var missing = await index.GetAsync("0000000000000000", CancellationToken.None);

        Assert.Equal("GET /searchsuite-news/_doc/c732f99de72756b9", Describe(es.Requests[2]));
        Assert.Equal(("c732f99de72756b9", "de"), (found?.DocumentId, found?.Language));
        Assert.Null(missing);
    }

    [Fact]
    public async Task A_document_comes_back_from_its_indexed_source_with_every_field_intact()
    {
        var full = Trong with
        {
            OriginLanguage = "en",
            LanguageConfidence = 0.87,
            SourceUrl = "https://example.test/a",
            Outlet = "Dan Tri",
            CitedSources = ["Bloomberg"],
            Removed = [new RemovedText("ad_marker", "[Anzeige_2]", 42, 11)],
            Metadata = new Dictionary<string, string> { ["feed"] = "rss" },
        };
        Started().AnswerText(200, BulkAnswer(("vi-1", 201, null)));
        await index.IndexAsync([full], KeyedNames.Instance, CancellationToken.None);
        var source = es.Requests[2].Body!.Split('\n')[1];
        es.AnswerText(200, $$"""{ "_index": "searchsuite-news-x", "_id": "vi-1", "_version": 1, "found": true, "_source": {{source}} }""");

        var stored = await index.GetAsync("vi-1", CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(
            (full.DocumentId, full.Language, full.LanguageConfidence, full.OriginLanguage, full.Title, full.Text, full.SourceUrl, full.Outlet, full.Fingerprint, full.SubmittedAt),
            (stored.DocumentId, stored.Language, stored.LanguageConfidence, stored.OriginLanguage, stored.Title, stored.Text, stored.SourceUrl, stored.Outlet, stored.Fingerprint, stored.SubmittedAt));
        Assert.Equal(full.CitedSources, stored.CitedSources);
        Assert.Equal(full.RelatedHeadlines, stored.RelatedHeadlines);
        Assert.Equal(full.PersonNames, stored.PersonNames);
        Assert.Equal(full.RelatedPersonNames, stored.RelatedPersonNames);
        Assert.Equal(full.Removed, stored.Removed);
        Assert.Equal(full.Metadata, stored.Metadata);
    }

    /// <summary>Every title/body field and the related headlines, with the schema's boosts, for one query word.</summary>
    internal static string WordClauses(string word) => string.Join(",\n", new (string Field, float Boost)[]
    {
        ("title_de", 2), ("body_de", 1), ("title_en", 2), ("body_en", 1), ("title_vi", 2), ("body_vi", 1),
        ("title_vi_folded", 2), ("body_vi_folded", 1), ("title_std", 2), ("body_std", 1), ("related", 0.2f),
    }.Select(f => $$"""{ "match_phrase": { "{{f.Field}}": { "query": "{{word}}", "boost": {{f.Boost}} } } }"""));

    /// <summary>A _bulk answer in the documented shape: one index item per id, with an error for failed statuses.</summary>
    internal static string BulkAnswer(params (string Id, int Status, string? ErrorType)[] items) => new JsonObject
    {
        ["took"] = 12,
        ["errors"] = items.Any(i => i.ErrorType is not null),
        ["items"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
        {
            ["index"] = i.ErrorType is null
                ? new JsonObject { ["_index"] = "searchsuite-news-x", ["_id"] = i.Id, ["_version"] = 1, ["result"] = "created", ["status"] = i.Status }
                : new JsonObject
                {
                    ["_index"] = "searchsuite-news-x", ["_id"] = i.Id, ["status"] = i.Status,
                    ["error"] = new JsonObject
                    {
                        ["type"] = i.ErrorType,
                        ["reason"] = i.Status == 429 ? "rejected execution of primary operation" : "failed to parse field [ingested_at] of type [date]",
                    },
                },
        })]),
    }.ToJsonString();

    private static string[] BulkIds(string ndjson) =>
        [.. ndjson.TrimEnd('\n').Split('\n').Where((_, i) => i % 2 == 0).Select(line => (string)JsonNode.Parse(line)!["index"]!["_id"]!)];

    private static string Describe(RecordedRequest request) => $"{request.Method.Method} {request.PathAndQuery}";

    private void AssertRequests(string[] expected) =>
        Assert.True(expected.SequenceEqual(es.Requests.Select(Describe)),
            $"Expected:\n{string.Join("\n", expected)}\nSent:\n{string.Join("\n", es.Requests.Select(Describe))}");
}

/// <summary>
/// The news essentials on Elasticsearch: date and outlet filters, date orders and facets as Query DSL, sort and aggregations
/// written from the Elasticsearch 9 reference (range query, sort with "missing", terms and date_histogram aggregations).
/// </summary>
public sealed class ElasticsearchNewsSearchTests
{
    private readonly FakeElasticsearch es = new();
    private readonly ElasticsearchSearchIndex index;

    public ElasticsearchNewsSearchTests() => index = es.Index();

    private FakeElasticsearch Started()
    {
        es.Answer(200, "info_9_1.json");
        es.AnswerText(200, new JsonObject { [index.IndexName] = new JsonObject { ["aliases"] = new JsonObject { ["searchsuite-news"] = new JsonObject() } } }.ToJsonString());
        return es;
    }

    private static QueryPlan Plan(SearchRefinements refinements, bool groupByStory = false) =>
        new([new QueryWord("Putin", true, [])], [], [], 0, 10, groupByStory) { Refinements = refinements };

    private JsonNode LastBody() => JsonNode.Parse(es.Requests[^1].Body!)!;

    [Fact]
    public async Task Dates_are_a_range_filter_gte_after_lt_before_and_outlets_a_terms_filter_on_the_outlet_key()
    {
        Started().Answer(200, "search.json");

        await index.SearchAsync(Plan(new(
            PublishedAfter: new DateTimeOffset(2025, 3, 4, 21, 29, 0, TimeSpan.FromHours(7)),
            PublishedBefore: new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero),
            OutletKeys: ["dan tri", "bloomberg"])), CancellationToken.None);

        JsonAssert.Equivalent("""
            [
              { "terms": { "outlet_key": ["dan tri", "bloomberg"] } },
              { "range": { "published_at": { "gte": "2025-03-04T14:29:00+00:00", "lt": "2025-04-01T00:00:00+00:00", "format": "strict_date_optional_time" } } }
            ]
            """, LastBody()["query"]!["bool"]!["filter"]!.ToJsonString());
    }

    [Theory]
    [InlineData(ResultOrder.Newest, "desc")]
    [InlineData(ResultOrder.Oldest, "asc")]
    public async Task A_date_order_sorts_by_published_at_with_undated_last_then_by_id_and_keeps_scores(ResultOrder order, string direction)
    {
        Started().Answer(200, "search_facets.json");

        var result = await index.SearchAsync(Plan(new(Order: order)), CancellationToken.None);

        var body = LastBody();
        JsonAssert.Equivalent($$"""
            [ { "published_at": { "order": "{{direction}}", "missing": "_last" } }, { "id": { "order": "asc" } } ]
            """, body["sort"]!.ToJsonString());
        Assert.True((bool)body["track_scores"]!);
        var hit = Assert.Single(result.Hits);
        Assert.Equal((1.2f, new DateTimeOffset(2025, 3, 6, 12, 0, 0, TimeSpan.Zero)), (hit.Score, hit.Document.PublishedAt));
    }

    [Fact]
    public async Task Relevance_sends_no_sort()
    {
        Started().Answer(200, "search.json");

        await index.SearchAsync(Plan(SearchRefinements.None), CancellationToken.None);

        Assert.Null(LastBody()["sort"]);
        Assert.Null(LastBody()["aggregations"]);
    }

    [Fact]
    public async Task Facets_are_terms_and_a_monthly_date_histogram_aggregation()
    {
        Started().Answer(200, "search_facets.json");

        await index.SearchAsync(Plan(new(Facets: [FacetField.Language, FacetField.OriginLanguage, FacetField.Outlet, FacetField.PublishedMonth], FacetSize: 5)), CancellationToken.None);

        JsonAssert.Equivalent("""
            {
              "language": { "terms": { "field": "language", "size": 5 } },
              "origin_language": { "terms": { "field": "origin_or_own_language", "size": 5 } },
              "outlet": { "terms": { "field": "outlet", "size": 5 } },
              "published_month": { "date_histogram": { "field": "published_at", "calendar_interval": "month", "format": "yyyy-MM", "min_doc_count": 1 } }
            }
            """, LastBody()["aggregations"]!.ToJsonString());
    }

    [Fact]
    public async Task The_aggregations_come_back_as_facets_sorted_by_count_and_capped()
    {
        Started().Answer(200, "search_facets.json");

        var result = await index.SearchAsync(Plan(new(Facets: [FacetField.PublishedMonth, FacetField.Outlet, FacetField.Language], FacetSize: 1)), CancellationToken.None);

        Assert.Equal([FacetField.PublishedMonth, FacetField.Outlet, FacetField.Language], result.Facets.Select(f => f.Field));
        Assert.Equal([new FacetCount("2025-03", 3)], result.Facets[0].Values);
        Assert.Equal([new FacetCount("Bloomberg", 3)], result.Facets[1].Values);
        Assert.Equal([new FacetCount("en", 4)], result.Facets[2].Values);
    }

    [Fact]
    public async Task A_document_is_indexed_with_its_publication_time_outlet_key_and_origin_facet_value()
    {
        Started().AnswerText(200, ElasticsearchSearchIndexTests.BulkAnswer(("d1", 201, null)));
        var document = new DocumentNormalized
        {
            DocumentId = "d1", Language = "de", Text = "Putin", Outlet = "Dan  Tri", Fingerprint = "f",
            PublishedAt = new DateTimeOffset(2025, 3, 4, 21, 29, 0, TimeSpan.FromHours(7)),
        };
        await index.IndexAsync([document], KeyedNames.Instance, CancellationToken.None);

        var source = JsonNode.Parse(es.Requests.First(r => r.PathAndQuery.Contains("_bulk", StringComparison.Ordinal)).Body!.Split('\n')[1])!;
        Assert.Equal(("2025-03-04T21:29:00+07:00", "dan tri", "de"),
            ((string?)source["published_at"], (string?)source["outlet_key"], (string?)source["origin_or_own_language"]));
    }

    [Fact]
    public async Task Phrases_are_match_phrase_per_field_or_groups_a_bool_should_and_exclusions_must_not()
    {
        Started().Answer(200, "search.json");
        var plan = new QueryPlan([], [], [], 0, 10)
        {
            Phrases = [new QueryPhrase("nuclear talks", [new("nuclear", true, []), new("talks", true, [])]),
                new QueryPhrase("Peskow", [new("Peskow", true, [])], AnyOf: 1), new QueryPhrase("Peskov", [new("Peskov", true, [])], AnyOf: 1)],
            Exclusions = [new QueryPhrase("Saudi Arabia", [new("Saudi", true, []), new("Arabia", true, [])])],
        };

        await index.SearchAsync(plan, CancellationToken.None);

        var query = LastBody()["query"]!["bool"]!;
        JsonAssert.Equivalent($$"""{ "dis_max": { "tie_breaker": 0.1, "queries": [ {{ElasticsearchSearchIndexTests.WordClauses("nuclear talks")}} ] } }""", query["must"]![0]!.ToJsonString());
        JsonAssert.Equivalent($$"""
            { "bool": { "should": [
                { "dis_max": { "tie_breaker": 0.1, "queries": [ {{ElasticsearchSearchIndexTests.WordClauses("Peskow")}} ] } },
                { "dis_max": { "tie_breaker": 0.1, "queries": [ {{ElasticsearchSearchIndexTests.WordClauses("Peskov")}} ] } } ],
              "minimum_should_match": 1 } }
            """, query["must"]![1]!.ToJsonString());
        JsonAssert.Equivalent($$"""
            [ { "exists": { "field": "duplicate_of" } }, { "dis_max": { "tie_breaker": 0.1, "queries": [ {{ElasticsearchSearchIndexTests.WordClauses("Saudi Arabia")}} ] } } ]
            """, query["must_not"]!.ToJsonString());
    }
}
