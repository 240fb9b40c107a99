using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace SearchSuite.Elasticsearch.Tests;

public sealed record RecordedRequest(HttpMethod Method, string PathAndQuery, string? Body, string? ContentType, string? Authorization);

/// <summary>An HttpMessageHandler that records each request and answers with queued, documented responses.</summary>
public sealed class FakeElasticsearch : HttpMessageHandler
{
    public static readonly Uri ClusterUri = new("http://es.test:9200/");

    /// <summary>A concrete index name as the alias flow creates them.</summary>
    public const string IndexName = "searchsuite-news-v1";

    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public RecordedRequest SingleRequest => Assert.Single(Requests);

    public FakeElasticsearch Answer(int status, string? documentedFile = null) =>
        documentedFile is null ? AnswerText(status, "", "application/json") : AnswerText(status, Documented.Read(documentedFile), "application/json");

    public FakeElasticsearch AnswerText(int status, string body, string mediaType)
    {
        _answers.Enqueue(_ => Task.FromResult(new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
        }));
        return this;
    }

    public FakeElasticsearch Fail(Exception transportFailure)
    {
        _answers.Enqueue(_ => Task.FromException<HttpResponseMessage>(transportFailure));
        return this;
    }

    /// <summary>Never answers: the attempt ends only through the client's own timeout.</summary>
    public FakeElasticsearch Hang()
    {
        _answers.Enqueue(async cancellationToken =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    public ElasticsearchClient Client(int maxRetries = 2, TimeSpan? requestTimeout = null, string? username = null, string? password = null, string? apiKey = null) =>
        new(new HttpClient(this), new ElasticsearchClientOptions
        {
            Uri = ClusterUri,
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.Zero,
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
            Username = username,
            Password = password,
            ApiKey = apiKey,
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(
            request.Method, request.RequestUri!.PathAndQuery, body,
            request.Content?.Headers.ContentType?.MediaType, request.Headers.Authorization?.ToString()));
        if (!_answers.TryDequeue(out var answer))
            throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}: no answer queued.");
        return await answer(cancellationToken);
    }
}

public static class Documented
{
    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Documented", file));
}

public static class JsonAssert
{
    public static void Equivalent(string expectedJson, string? actualJson)
    {
        Assert.NotNull(actualJson);
        var expected = JsonNode.Parse(expectedJson);
        var actual = JsonNode.Parse(actualJson);
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"JSON differs.\nExpected: {expected?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
    }

    /// <summary>Each NDJSON line compared as JSON; the body must end with a newline, as the bulk API requires.</summary>
    public static void NdjsonEquivalent(string[] expectedLines, string? actualNdjson)
    {
        Assert.NotNull(actualNdjson);
        Assert.True(actualNdjson.EndsWith('\n'), $"NDJSON must end with a newline: {actualNdjson}");
        var actualLines = actualNdjson.TrimEnd('\n').Split('\n');
        Assert.True(expectedLines.Length == actualLines.Length, $"Expected {expectedLines.Length} lines, got {actualLines.Length}:\n{actualNdjson}");
        for (var i = 0; i < expectedLines.Length; i++) Equivalent(expectedLines[i], actualLines[i]);
    }
}
