using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace SearchSuite.Elasticsearch.Tests;

/// <summary>Whole-call 429/5xx and transport failures: retried, then reported on the response, never thrown.</summary>
public sealed class RetryAndTransportTests
{

    [Fact]
    public async Task Whole_request_429_is_retried_and_then_succeeds()
    {
        var es = new FakeElasticsearch().Answer(429, "rejected_execution.json").Answer(429, "rejected_execution.json").Answer(200, "bulk_success.json");
        var response = await es.Client(maxRetries: 2).BulkAsync(new BulkRequest([new BulkDeleteOperation(FakeElasticsearch.IndexName, "58703e863629936e")]));

        Assert.True(response.IsValidResponse, response.DebugInformation);
        Assert.Equal(3, response.ApiCallDetails.Attempts);
        Assert.Equal(3, es.Requests.Count);
        Assert.All(es.Requests, request => Assert.Equal(es.Requests[0].Body, request.Body));
    }

    [Fact]
    public async Task Whole_request_429_exhausting_the_retries_is_reported_not_thrown()
    {
        var es = new FakeElasticsearch().Answer(429, "rejected_execution.json").Answer(429, "rejected_execution.json").Answer(429, "rejected_execution.json");
        var response = await es.Client(maxRetries: 2).BulkAsync(new BulkRequest([new BulkDeleteOperation(FakeElasticsearch.IndexName, "58703e863629936e")]));

        ResponseParsingTests.AssertServerError(response, 429, "es_rejected_execution_exception");
        Assert.Equal(3, response.ApiCallDetails.Attempts);
        Assert.Contains("after 3 attempt(s)", response.DebugInformation);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_and_reported_with_its_error()
    {
        var es = new FakeElasticsearch().Answer(503, "master_not_discovered.json").Answer(503, "master_not_discovered.json");
        var response = await es.Client(maxRetries: 1).SearchAsync<JsonObject>(FakeElasticsearch.IndexName, new SearchRequest());

        ResponseParsingTests.AssertServerError(response, 503, "master_not_discovered_exception");
        Assert.Equal(2, es.Requests.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var es = new FakeElasticsearch().Answer(409, "version_conflict.json");
        var response = await es.Client(maxRetries: 3).IndexAsync(FakeElasticsearch.IndexName, "c732f99de72756b9", new JsonObject(), onlyIfAbsent: true);

        ResponseParsingTests.AssertServerError(response, 409, "version_conflict_engine_exception");
        Assert.Single(es.Requests);
    }

    [Fact]
    public async Task Bulk_item_rejections_do_not_retry_the_whole_request()
    {
        var es = new FakeElasticsearch().Answer(200, "bulk_partial_failure.json");
        var request = new BulkRequest(Enumerable.Range(0, 5).Select(i => new BulkDeleteOperation(FakeElasticsearch.IndexName, $"doc-{i}")));
        var response = await es.Client(maxRetries: 3).BulkAsync(request);

        Assert.Single(es.Requests);
        Assert.Single(response.RejectedItems);
    }

    [Fact]
    public async Task Transient_transport_failure_is_retried()
    {
        var es = new FakeElasticsearch().Fail(new HttpRequestException("Connection reset by peer")).Answer(200, "info_8_15.json");
        var response = await es.Client(maxRetries: 1).InfoAsync();

        Assert.True(response.IsValidResponse, response.DebugInformation);
        Assert.Equal(2, response.ApiCallDetails.Attempts);
    }

    [Fact]
    public async Task Attempt_timeout_is_a_transport_failure_on_the_response()
    {
        var es = new FakeElasticsearch().Hang();
        var response = await es.Client(maxRetries: 0, requestTimeout: TimeSpan.FromMilliseconds(20)).InfoAsync();

        Assert.False(response.IsValidResponse);
        Assert.IsType<TimeoutException>(response.ApiCallDetails.OriginalException);
        Assert.Null(response.ApiCallDetails.HttpStatusCode);
    }

    [Fact]
    public async Task Caller_cancellation_still_throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var es = new FakeElasticsearch().Hang();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => es.Client().InfoAsync(cancelled.Token));
    }

    [Fact]
    public async Task Connection_refused_gives_an_invalid_response_without_throwing()
    {
        var closedPort = FreeLocalPort();
        var client = new ElasticsearchClient(new HttpClient(), new ElasticsearchClientOptions
        {
            Uri = new Uri($"http://127.0.0.1:{closedPort}"),
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.Zero,
        });

        var response = await client.BulkAsync(new BulkRequest([new BulkDeleteOperation(FakeElasticsearch.IndexName, "c732f99de72756b9")]));

        Assert.False(response.IsValidResponse, response.DebugInformation);
        Assert.IsType<HttpRequestException>(response.ApiCallDetails.OriginalException);
        Assert.Equal(2, response.ApiCallDetails.Attempts);
        Assert.Null(response.ApiCallDetails.HttpStatusCode);
        Assert.Empty(response.Items);
        Assert.Contains("# OriginalException: HttpRequestException", response.DebugInformation);
    }

    [Fact]
    public async Task Non_json_body_from_a_proxy_is_reported_not_thrown()
    {
        const string nginxPage = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>";
        var es = new FakeElasticsearch().AnswerText(502, nginxPage, "text/html");
        var response = await es.Client(maxRetries: 0).InfoAsync();

        Assert.False(response.IsValidResponse);
        Assert.Equal(502, response.ApiCallDetails.HttpStatusCode);
        Assert.IsType<System.Text.Json.JsonException>(response.ApiCallDetails.OriginalException, exactMatch: false);
        Assert.Contains("502 Bad Gateway", response.DebugInformation);
    }

    private static int FreeLocalPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
