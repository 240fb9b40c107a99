using System.Text.Json.Nodes;

namespace SearchSuite.Elasticsearch.Tests;

/// <summary>Parsers against documented response bodies, errors included.</summary>
public sealed class ResponseParsingTests
{

    [Fact]
    public async Task Info_reads_cluster_name_version_and_tagline()
    {
        var info = await new FakeElasticsearch().Answer(200, "info_8_15.json").Client().InfoAsync();

        Assert.True(info.IsValidResponse, info.DebugInformation);
        Assert.Equal("searchsuite", info.ClusterName);
        Assert.Equal("8.15.3", info.Version?.Number);
        Assert.Equal("You Know, for Search", info.Tagline);
        Assert.True(info.VersionCheck.IsSupported, info.VersionCheck.Message);
    }

    [Fact]
    public async Task Info_from_7_10_is_supported()
    {
        var info = await new FakeElasticsearch().Answer(200, "info_7_10.json").Client().InfoAsync();
        Assert.True(info.VersionCheck.IsSupported, info.VersionCheck.Message);
    }

    [Fact]
    public async Task Create_index_reads_acknowledgement()
    {
        var created = await new FakeElasticsearch().Answer(200, "create_index.json").Client()
            .CreateIndexAsync("searchsuite-news-v2", new SearchIndexSchema().ToCreateIndexRequest());

        Assert.True(created.IsValidResponse, created.DebugInformation);
        Assert.True(created.Acknowledged && created.ShardsAcknowledged);
        Assert.Equal("searchsuite-news-v2", created.Index);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(404, false)]
    public async Task Index_exists_answers_both_ways_as_valid_responses(int status, bool exists)
    {
        var response = await new FakeElasticsearch().Answer(status).Client().IndexExistsAsync(FakeElasticsearch.IndexName);
        Assert.True(response.IsValidResponse, response.DebugInformation);
        Assert.Equal(exists, response.Exists);
    }

    [Fact]
    public async Task Get_alias_lists_the_indices_behind_the_alias()
    {
        var response = await new FakeElasticsearch().Answer(200, "get_alias.json").Client().GetAliasAsync("searchsuite-news");
        Assert.True(response.IsValidResponse, response.DebugInformation);
        Assert.Equal(["searchsuite-news-v1"], response.Indices);
    }

    [Fact]
    public async Task Missing_alias_is_a_valid_empty_answer()
    {
        var response = await new FakeElasticsearch().Answer(404, "get_alias_missing.json").Client().GetAliasAsync("searchsuite-news");
        Assert.True(response.IsValidResponse, response.DebugInformation);
        Assert.Empty(response.Indices);
        Assert.Equal("alias [searchsuite-news] missing", response.ElasticsearchServerError?.Error.Reason);
    }

    [Fact]
    public async Task Search_reads_hits_with_source_highlight_and_sort_values()
    {
        var response = await new FakeElasticsearch().Answer(200, "search.json").Client()
            .SearchAsync<JsonObject>(FakeElasticsearch.IndexName, new SearchRequest());

        Assert.True(response.IsValidResponse, response.DebugInformation);
        Assert.Equal(new TotalHits(20, "eq"), response.HitsMetadata.Total);
        var hit = Assert.Single(response.Hits);
        Assert.Equal("41ede0cf7ea32611", hit.Id);
        Assert.Equal(1.3862942, hit.Score);
        Assert.Equal("en", (string?)hit.Source?["language"]);
        Assert.Contains("<em>Trump</em>", Assert.Single(hit.Highlight!["body_en"]));
        Assert.Equal("[1.3862942,\"41ede0cf7ea32611\"]", JsonValueText(hit.Sort));
    }

    [Fact]
    public async Task Search_sources_bind_to_snake_case_document_types()
    {
        var response = await new FakeElasticsearch().Answer(200, "search.json").Client().SearchAsync<NewsHit>(FakeElasticsearch.IndexName, new SearchRequest());
        var source = Assert.Single(response.Hits).Source!;
        Assert.Equal("Putin Agrees to Help Trump Broker Nuclear Talks With Iran: Bloomberg Exclusive", source.TitleEn);
        Assert.Equal(["putin", "trump"], source.NameKeys);
    }

    [Fact]
    public async Task Search_total_as_a_bare_number_is_read_as_exact()
    {
        var response = await new FakeElasticsearch().Answer(200, "search_total_as_int.json").Client()
            .SearchAsync<JsonObject>(FakeElasticsearch.IndexName, new SearchRequest());

        Assert.True(response.IsValidResponse, response.DebugInformation);
        Assert.Equal(1, response.Total);
        Assert.True(response.HitsMetadata.Total!.IsExact);
        Assert.Equal("c732f99de72756b9", Assert.Single(response.Hits).Id);
    }

    [Fact]
    public async Task Search_sorted_by_field_has_no_score_a_lower_bound_total_and_sort_values_for_the_next_page()
    {
        var es = new FakeElasticsearch().Answer(200, "search_after_page.json").Answer(200, "search.json");
        var client = es.Client();
        var page = await client.SearchAsync<JsonObject>(FakeElasticsearch.IndexName, new SearchRequest { Size = 1 });

        Assert.Equal(new TotalHits(10000, "gte"), page.HitsMetadata.Total);
        Assert.Null(page.HitsMetadata.MaxScore);
        var last = Assert.Single(page.Hits);
        Assert.Null(last.Score);
        await client.SearchAsync<JsonObject>(FakeElasticsearch.IndexName, new SearchRequest { Size = 1, SearchAfter = last.Sort });
        Assert.Equal("[1740355200000,\"58703e863629936e\"]", JsonNode.Parse(es.Requests[1].Body!)!["search_after"]!.ToJsonString());
    }

    [Fact]
    public async Task Get_reads_a_found_document()
    {
        var response = await new FakeElasticsearch().Answer(200, "get_found.json").Client().GetAsync<NewsHit>(FakeElasticsearch.IndexName, "c732f99de72756b9");
        Assert.True(response.IsValidResponse && response.Found, response.DebugInformation);
        Assert.Equal("de", response.Source?.Language);
    }

    [Fact]
    public async Task Get_of_a_missing_document_is_valid_and_not_found()
    {
        var response = await new FakeElasticsearch().Answer(404, "get_not_found.json").Client().GetAsync<NewsHit>(FakeElasticsearch.IndexName, "0000000000000000");
        Assert.True(response.IsValidResponse, response.DebugInformation);
        Assert.False(response.Found);
        Assert.Null(response.Source);
    }

    [Fact]
    public async Task Get_from_a_missing_index_is_an_index_not_found_error()
    {
        var response = await new FakeElasticsearch().Answer(404, "index_not_found.json").Client().GetAsync<NewsHit>(FakeElasticsearch.IndexName, "c732f99de72756b9");
        AssertServerError(response, 404, "index_not_found_exception");
        Assert.Equal("searchsuite-news", response.ElasticsearchServerError!.Error.Index);
    }

    [Fact]
    public async Task Search_on_a_missing_index_is_invalid_with_root_cause()
    {
        var response = await new FakeElasticsearch().Answer(404, "index_not_found.json").Client().SearchAsync<JsonObject>("searchsuite-news", new SearchRequest());

        AssertServerError(response, 404, "index_not_found_exception");
        var rootCause = Assert.Single(response.ElasticsearchServerError!.Error.RootCause);
        Assert.Equal("no such index [searchsuite-news]", rootCause.Reason);
        Assert.Contains("# RootCause: index_not_found_exception: no such index [searchsuite-news]", response.DebugInformation);
        Assert.Empty(response.Hits);
    }

    [Fact]
    public async Task Create_of_an_existing_document_is_a_version_conflict()
    {
        var response = await new FakeElasticsearch().Answer(409, "version_conflict.json").Client()
            .IndexAsync(FakeElasticsearch.IndexName, "c732f99de72756b9", new JsonObject { ["id"] = "c732f99de72756b9" }, onlyIfAbsent: true);

        AssertServerError(response, 409, "version_conflict_engine_exception");
        Assert.Contains("document already exists", response.ElasticsearchServerError!.Error.Reason);
    }

    [Fact]
    public async Task Bulk_without_item_errors_is_valid_and_deleting_a_missing_document_is_fine()
    {
        var response = await new FakeElasticsearch().Answer(200, "bulk_success.json").Client()
            .BulkAsync(new BulkRequest([new BulkIndexOperation(FakeElasticsearch.IndexName, "c732f99de72756b9", new { id = "c732f99de72756b9" }), new BulkDeleteOperation(FakeElasticsearch.IndexName, "58703e863629936e")]));

        Assert.True(response.IsValidResponse, response.DebugInformation);
        Assert.Equal(["index", "delete"], response.Items.Select(item => item.Operation));
        Assert.Equal([201, 404], response.Items.Select(item => item.Status));
        Assert.Equal("not_found", response.Items[1].Result);
        Assert.Empty(response.ItemsWithErrors);
    }

    [Fact]
    public async Task Bulk_partial_failure_separates_rejected_items_from_permanent_failures()
    {
        var request = new BulkRequest(
        [
            new BulkIndexOperation(FakeElasticsearch.IndexName, "c732f99de72756b9", new { id = "c732f99de72756b9" }),
            new BulkIndexOperation(FakeElasticsearch.IndexName, "58703e863629936e", new { id = "58703e863629936e" }),
            new BulkIndexOperation(FakeElasticsearch.IndexName, "41ede0cf7ea32611", new { id = "41ede0cf7ea32611", ingested_at = "yesterday" }),
            new BulkDeleteOperation(FakeElasticsearch.IndexName, "0000000000000000"),
            new BulkIndexOperation(FakeElasticsearch.IndexName, "1111111111111111", new { id = "1111111111111111" }),
        ]) { Refresh = Refresh.WaitFor };
        var es = new FakeElasticsearch().Answer(200, "bulk_partial_failure.json");
        var response = await es.Client().BulkAsync(request);

        Assert.False(response.IsValidResponse, "errors:true must make the bulk response invalid");
        Assert.True(response.Errors);
        Assert.Single(es.Requests);
        Assert.Equal(["58703e863629936e", "41ede0cf7ea32611", "1111111111111111"], response.ItemsWithErrors.Select(item => item.Id));
        var rejected = Assert.Single(response.RejectedItems);
        Assert.Equal("es_rejected_execution_exception", rejected.Error?.Type);
        Assert.Equal(["document_parsing_exception", "version_conflict_engine_exception"], response.PermanentlyFailedItems.Select(item => item.Error?.Type));
        Assert.Equal("illegal_argument_exception", response.PermanentlyFailedItems[0].Error?.CausedBy?.Type);
        Assert.Contains("# Failed item: index [searchsuite-news-v1/58703e863629936e] 429 es_rejected_execution_exception", response.DebugInformation);

        var retry = request.WithOnlyRejectedOperations(response);
        Assert.Equal(["58703e863629936e"], retry.Operations.Select(operation => operation.Id));
        Assert.Equal(Refresh.WaitFor, retry.Refresh);
    }

    [Fact]
    public void Bulk_retry_refuses_a_response_of_another_request()
    {
        var response = System.Text.Json.JsonSerializer.Deserialize<BulkResponse>(Documented.Read("bulk_success.json"), ElasticsearchJson.Options)!;
        var request = new BulkRequest([new BulkDeleteOperation(FakeElasticsearch.IndexName, "c732f99de72756b9")]);
        Assert.Throws<ArgumentException>(() => request.WithOnlyRejectedOperations(response));
    }

    [Fact]
    public async Task Refresh_and_count_read_their_figures()
    {
        var client = new FakeElasticsearch().Answer(200, "refresh.json").Answer(200, "count.json").Client();
        var refresh = await client.RefreshAsync(FakeElasticsearch.IndexName);
        var count = await client.CountAsync(FakeElasticsearch.IndexName);

        Assert.True(refresh.IsValidResponse && count.IsValidResponse, refresh.DebugInformation + "\n" + count.DebugInformation);
        Assert.Equal(2, refresh.Shards?.Total);
        Assert.Equal(3, count.Count);
    }

    [Fact]
    public async Task Reindex_reads_counts()
    {
        var response = await new FakeElasticsearch().Answer(200, "reindex.json").Client()
            .ReindexAsync(new ReindexRequest { SourceIndex = "searchsuite-news-v1", DestinationIndex = "searchsuite-news-v2" });
        Assert.True(response.IsValidResponse, response.DebugInformation);
        Assert.Equal((123, 123), (response.Total, response.Created));
    }

    [Fact]
    public async Task Reindex_with_failed_documents_is_invalid_so_the_alias_is_not_swapped()
    {
        var response = await new FakeElasticsearch().Answer(200, "reindex_with_failures.json").Client()
            .ReindexAsync(new ReindexRequest { SourceIndex = "searchsuite-news-v1", DestinationIndex = "searchsuite-news-v2" });
        Assert.False(response.IsValidResponse, "a reindex with failures must not look valid");
        var failure = Assert.Single(response.Failures);
        Assert.Equal(("41ede0cf7ea32611", 400, "document_parsing_exception"), (failure.Id, failure.Status, failure.Cause?.Type));
    }

    [Fact]
    public async Task Delete_by_query_reads_deleted_count()
    {
        var response = await new FakeElasticsearch().Answer(200, "delete_by_query.json").Client()
            .DeleteByQueryAsync(FakeElasticsearch.IndexName, new JsonObject { ["match_all"] = new JsonObject() });
        Assert.True(response.IsValidResponse, response.DebugInformation);
        Assert.Equal(2, response.Deleted);
    }

    internal static void AssertServerError(ElasticsearchResponse response, int status, string type)
    {
        Assert.False(response.IsValidResponse, $"Expected an invalid response: {response.DebugInformation}");
        Assert.Equal(status, response.ApiCallDetails.HttpStatusCode);
        Assert.Equal(status, response.ElasticsearchServerError?.Status);
        Assert.Equal(type, response.ElasticsearchServerError?.Error.Type);
        Assert.Null(response.ApiCallDetails.OriginalException);
    }

    private static string JsonValueText(IReadOnlyList<System.Text.Json.JsonElement>? values) =>
        "[" + string.Join(',', values?.Select(value => value.GetRawText()) ?? []) + "]";

    private sealed record NewsHit(string Id, string Language, string? TitleEn, IReadOnlyList<string>? NameKeys);
}
