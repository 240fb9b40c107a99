using System.Diagnostics;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.Elasticsearch.Tests;

/// <summary>
/// The client settings the backend builds from its options (ElasticsearchIndexOptions.ToClientSettings): headers,
/// authentication, fail-over between nodes and the per-attempt timeout, as the official client applies them on the wire.
/// </summary>
public sealed class ClientSettingsTests
{
    private readonly FakeElasticsearch es = new();

    [Fact]
    public async Task Requests_ask_for_the_9_x_compatible_API_with_basic_authentication()
    {
        es.Answer(200, "info_9_1.json").Answer(404, "get_alias_missing.json");
        var index = es.Index(FakeElasticsearch.Options(username: "elastic", password: "s3cret"));

        await Assert.ThrowsAnyAsync<Exception>(() => index.InitializeAsync(CancellationToken.None));

        var info = es.Requests[0];
        Assert.Contains("compatible-with=9", info.Accept);
        Assert.Equal("Basic " + Convert.ToBase64String("elastic:s3cret"u8.ToArray()), info.Authorization);
    }

    [Fact]
    public async Task An_api_key_is_sent_instead_of_basic_authentication()
    {
        es.Answer(200, "info_9_1.json").Answer(404, "get_alias_missing.json");
        var index = es.Index(FakeElasticsearch.Options(username: "elastic", password: "s3cret", apiKey: "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="));

        await Assert.ThrowsAnyAsync<Exception>(() => index.InitializeAsync(CancellationToken.None));

        Assert.Equal("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", es.Requests[0].Authorization);
    }

    [Fact]
    public async Task A_node_answering_503_fails_over_to_the_next_node_of_the_pool()
    {
        var index = es.Index(FakeElasticsearch.Options(url: "http://es1.test:9200,http://es2.test:9200", maxRetries: 1));
        es.Answer(503, "master_not_discovered.json").Answer(200, "info_9_1.json").AnswerText(200, $$"""{ "{{index.IndexName}}": { "aliases": { "searchsuite-news": {} } } }""");

        await index.InitializeAsync(CancellationToken.None);

        Assert.Equal(["es1.test", "es2.test"], es.Requests.Take(2).Select(r => r.Host));
    }

    [Fact]
    public async Task A_single_node_answering_503_fails_the_call_with_the_server_error_and_no_retry()
    {
        es.Answer(503, "master_not_discovered.json");
        var index = es.Index(FakeElasticsearch.Options(maxRetries: 3));

        var failure = await Assert.ThrowsAsync<SearchIndexUnavailableException>(() => index.InitializeAsync(CancellationToken.None));

        Assert.Contains("master_not_discovered_exception", failure.Message);
        Assert.Single(es.Requests);
    }

    [Fact]
    public async Task A_node_that_never_answers_fails_the_call_after_the_request_timeout()
    {
        es.Hang();
        var index = es.Index(FakeElasticsearch.Options(requestTimeoutSeconds: 1));
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<SearchIndexUnavailableException>(() => index.InitializeAsync(CancellationToken.None));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
        Assert.Contains("http://es.test:9200/", failure.Message);
    }
}
