using System.Text.Json;
using System.Text.Json.Nodes;

namespace SearchSuite.Elasticsearch.Tests;

/// <summary>Each call's method, path, query string and body, against the REST reference's request shapes.</summary>
public sealed class RequestTests
{
    private const string SeedId = "c732f99de72756b9";
    private const string SeedTitle = "Putin wird Trump bei den Verhandlungen mit dem Iran helfen, sagt Bloomberg.";

    private sealed record SeedDocument(string Id, string Language, string Title, string TitleDe);

    private static readonly SeedDocument Seed = new(SeedId, "de", SeedTitle, SeedTitle);

    [Fact]
    public async Task Info_is_a_get_of_the_root()
    {
        var es = new FakeElasticsearch().Answer(200, "info_8_15.json");
        await es.Client().InfoAsync();
        AssertRequest(es.SingleRequest, "GET", "/");
    }

    [Fact]
    public async Task Create_index_puts_settings_and_mappings()
    {
        var es = new FakeElasticsearch().Answer(200, "create_index.json");
        var request = new SearchIndexSchema().ToCreateIndexRequest(alias: "searchsuite-news");
        await es.Client().CreateIndexAsync("searchsuite-news-v2", request);

        AssertRequest(es.SingleRequest, "PUT", "/searchsuite-news-v2");
        var body = JsonNode.Parse(es.SingleRequest.Body!)!.AsObject();
        Assert.Equal(["settings", "mappings", "aliases"], body.Select(property => property.Key));
        JsonAssert.Equivalent("""{ "searchsuite-news": {} }""", body["aliases"]!.ToJsonString());
    }

    [Fact]
    public async Task Index_exists_is_a_head_request_without_body()
    {
        var es = new FakeElasticsearch().Answer(200);
        await es.Client().IndexExistsAsync(FakeElasticsearch.IndexName);
        AssertRequest(es.SingleRequest, "HEAD", "/" + FakeElasticsearch.IndexName);
        Assert.Null(es.SingleRequest.Body);
    }

    [Fact]
    public async Task Delete_index_is_a_delete_of_the_index_path()
    {
        var es = new FakeElasticsearch().Answer(200, "acknowledged.json");
        await es.Client().DeleteIndexAsync(FakeElasticsearch.IndexName);
        AssertRequest(es.SingleRequest, "DELETE", "/" + FakeElasticsearch.IndexName);
    }

    [Fact]
    public async Task Get_alias_reads_the_alias_endpoint()
    {
        var es = new FakeElasticsearch().Answer(200, "get_alias.json");
        await es.Client().GetAliasAsync("searchsuite-news");
        AssertRequest(es.SingleRequest, "GET", "/_alias/searchsuite-news");
    }

    [Fact]
    public async Task Alias_swap_removes_the_old_index_and_adds_the_new_in_one_call()
    {
        var es = new FakeElasticsearch().Answer(200, "acknowledged.json");
        await es.Client().UpdateAliasesAsync(UpdateAliasesRequest.Swap("searchsuite-news", "searchsuite-news-v2", ["searchsuite-news-v1"]));

        AssertRequest(es.SingleRequest, "POST", "/_aliases");
        JsonAssert.Equivalent("""
            {
              "actions": [
                { "remove": { "index": "searchsuite-news-v1", "alias": "searchsuite-news" } },
                { "add": { "index": "searchsuite-news-v2", "alias": "searchsuite-news" } }
              ]
            }
            """, es.SingleRequest.Body);
    }

    [Fact]
    public async Task Bulk_sends_ndjson_with_typeless_index_and_delete_actions()
    {
        var es = new FakeElasticsearch().Answer(200, "bulk_success.json");
        var request = new BulkRequest([new BulkIndexOperation(FakeElasticsearch.IndexName, SeedId, Seed), new BulkDeleteOperation(FakeElasticsearch.IndexName, "58703e863629936e")]);
        await es.Client().BulkAsync(request);

        AssertRequest(es.SingleRequest, "POST", "/_bulk");
        Assert.Equal("application/x-ndjson", es.SingleRequest.ContentType);
        JsonAssert.NdjsonEquivalent(
        [
            $$"""{ "index": { "_index": "{{FakeElasticsearch.IndexName}}", "_id": "{{SeedId}}" } }""",
            $$"""{ "id": "{{SeedId}}", "language": "de", "title": "{{SeedTitle}}", "title_de": "{{SeedTitle}}" }""",
            $$"""{ "delete": { "_index": "{{FakeElasticsearch.IndexName}}", "_id": "58703e863629936e" } }""",
        ], es.SingleRequest.Body);
    }

    [Theory]
    [InlineData(Refresh.False, "/_bulk")]
    [InlineData(Refresh.True, "/_bulk?refresh=true")]
    [InlineData(Refresh.WaitFor, "/_bulk?refresh=wait_for")]
    public async Task Bulk_refresh_option_becomes_the_refresh_parameter(Refresh refresh, string expectedPath)
    {
        var es = new FakeElasticsearch().Answer(200, "bulk_success.json");
        await es.Client().BulkAsync(new BulkRequest([new BulkDeleteOperation(FakeElasticsearch.IndexName, SeedId)]) { Refresh = refresh });
        AssertRequest(es.SingleRequest, "POST", expectedPath);
    }

    [Fact]
    public async Task Index_only_if_absent_uses_op_type_create()
    {
        var es = new FakeElasticsearch().Answer(201, "index_created.json");
        await es.Client().IndexAsync(FakeElasticsearch.IndexName, SeedId, Seed, onlyIfAbsent: true, refresh: Refresh.WaitFor);

        AssertRequest(es.SingleRequest, "PUT", $"/{FakeElasticsearch.IndexName}/_doc/{SeedId}?op_type=create&refresh=wait_for");
        JsonAssert.Equivalent($$"""{ "id": "{{SeedId}}", "language": "de", "title": "{{SeedTitle}}", "title_de": "{{SeedTitle}}" }""", es.SingleRequest.Body);
    }

    [Fact]
    public async Task Typed_search_sends_query_paging_highlight_and_search_after()
    {
        var es = new FakeElasticsearch().Answer(200, "search.json");
        using var previousSort = JsonDocument.Parse("""[1.3862942, "41ede0cf7ea32611"]""");
        var request = new SearchRequest
        {
            Query = new JsonObject { ["multi_match"] = new JsonObject { ["query"] = "Witkoff", ["fields"] = new JsonArray("title_de^2", "body_de", "names") } },
            Size = 10,
            Sort = new JsonArray("_score", new JsonObject { ["id"] = "asc" }),
            SearchAfter = [.. previousSort.RootElement.EnumerateArray()],
            Highlight = new JsonObject { ["fields"] = new JsonObject { ["body_de"] = new JsonObject() } },
            TrackTotalHits = true,
        };
        await es.Client().SearchAsync<JsonObject>(FakeElasticsearch.IndexName, request);

        AssertRequest(es.SingleRequest, "POST", $"/{FakeElasticsearch.IndexName}/_search");
        JsonAssert.Equivalent("""
            {
              "query": { "multi_match": { "query": "Witkoff", "fields": ["title_de^2", "body_de", "names"] } },
              "size": 10,
              "sort": ["_score", { "id": "asc" }],
              "search_after": [1.3862942, "41ede0cf7ea32611"],
              "highlight": { "fields": { "body_de": {} } },
              "track_total_hits": true
            }
            """, es.SingleRequest.Body);
    }

    [Fact]
    public async Task Raw_search_body_is_sent_unchanged()
    {
        var es = new FakeElasticsearch().Answer(200, "search.json");
        const string body = """{ "query": { "term": { "name_keys": "witkoff" } }, "size": 0 }""";
        await es.Client().SearchAsync<JsonObject>("searchsuite-news-v1,searchsuite-news-v2", JsonNode.Parse(body)!.AsObject());

        AssertRequest(es.SingleRequest, "POST", "/searchsuite-news-v1,searchsuite-news-v2/_search");
        JsonAssert.Equivalent(body, es.SingleRequest.Body);
    }

    [Fact]
    public async Task Get_document_escapes_the_id()
    {
        var es = new FakeElasticsearch().Answer(200, "get_found.json");
        await es.Client().GetAsync<JsonObject>(FakeElasticsearch.IndexName, "feed/item 7");
        AssertRequest(es.SingleRequest, "GET", $"/{FakeElasticsearch.IndexName}/_doc/feed%2Fitem%207");
    }

    [Fact]
    public async Task Refresh_posts_to_the_refresh_endpoint()
    {
        var es = new FakeElasticsearch().Answer(200, "refresh.json");
        await es.Client().RefreshAsync(FakeElasticsearch.IndexName);
        AssertRequest(es.SingleRequest, "POST", $"/{FakeElasticsearch.IndexName}/_refresh");
    }

    [Fact]
    public async Task Count_without_query_counts_all_documents()
    {
        var es = new FakeElasticsearch().Answer(200, "count.json");
        await es.Client().CountAsync(FakeElasticsearch.IndexName);
        AssertRequest(es.SingleRequest, "POST", $"/{FakeElasticsearch.IndexName}/_count");
        JsonAssert.Equivalent("""{ "query": { "match_all": {} } }""", es.SingleRequest.Body);
    }

    [Fact]
    public async Task Delete_by_query_proceeds_on_conflicts()
    {
        var es = new FakeElasticsearch().Answer(200, "delete_by_query.json");
        await es.Client().DeleteByQueryAsync(FakeElasticsearch.IndexName, new JsonObject { ["term"] = new JsonObject { ["outlet"] = "dantri.com.vn" } }, Refresh.True);
        AssertRequest(es.SingleRequest, "POST", $"/{FakeElasticsearch.IndexName}/_delete_by_query?conflicts=proceed&refresh=true");
        JsonAssert.Equivalent("""{ "query": { "term": { "outlet": "dantri.com.vn" } } }""", es.SingleRequest.Body);
    }

    [Fact]
    public async Task Reindex_copies_source_into_dest()
    {
        var es = new FakeElasticsearch().Answer(200, "reindex.json");
        await es.Client().ReindexAsync(new ReindexRequest { SourceIndex = "searchsuite-news-v1", DestinationIndex = "searchsuite-news-v2" });
        AssertRequest(es.SingleRequest, "POST", "/_reindex");
        JsonAssert.Equivalent("""{ "source": { "index": "searchsuite-news-v1" }, "dest": { "index": "searchsuite-news-v2" } }""", es.SingleRequest.Body);
    }

    [Fact]
    public async Task Basic_credentials_are_sent_as_authorization_header()
    {
        var es = new FakeElasticsearch().Answer(200, "info_8_15.json");
        await es.Client(username: "elastic", password: "changeme").InfoAsync();
        Assert.Equal("Basic ZWxhc3RpYzpjaGFuZ2VtZQ==", es.SingleRequest.Authorization);
    }

    [Fact]
    public async Task Api_key_takes_precedence_over_basic_credentials()
    {
        var es = new FakeElasticsearch().Answer(200, "info_8_15.json");
        await es.Client(username: "elastic", password: "changeme", apiKey: "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==").InfoAsync();
        Assert.Equal("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", es.SingleRequest.Authorization);
    }

    [Fact]
    public async Task Cluster_uri_with_a_path_prefix_is_kept()
    {
        var handler = new FakeElasticsearch().Answer(200, "refresh.json");
        var client = new ElasticsearchClient(new HttpClient(handler), new ElasticsearchClientOptions { Uri = new Uri("https://proxy.test/es") });
        await client.RefreshAsync(FakeElasticsearch.IndexName);
        AssertRequest(handler.SingleRequest, "POST", $"/es/{FakeElasticsearch.IndexName}/_refresh");
    }

    private static void AssertRequest(RecordedRequest request, string method, string pathAndQuery)
    {
        Assert.True(request.Method.Method == method && request.PathAndQuery == pathAndQuery,
            $"Expected {method} {pathAndQuery}, sent {request.Method} {request.PathAndQuery}");
    }
}
