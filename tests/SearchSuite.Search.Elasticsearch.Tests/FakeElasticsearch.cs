using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using SearchSuite.Search.Elasticsearch;

namespace SearchSuite.Search.Elasticsearch.Tests;

public sealed record RecordedRequest(System.Net.Http.HttpMethod Method, string Host, string PathAndQuery, string? Body, string? ContentType, string? Authorization, string? Accept);

/// <summary>
/// The HTTP layer under the official client: Elastic.Transport's HttpRequestInvoker sends through this handler, which records
/// each request and answers with queued, documented responses (with the X-Elastic-Product header a real node sends, unless
/// told otherwise). Everything above the socket, the client's serialization, headers, retries and response parsing, is real.
/// </summary>
public sealed class FakeElasticsearch : HttpMessageHandler
{
    public static readonly Uri ClusterUri = new("http://es.test:9200/");

    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public RecordedRequest SingleRequest => Assert.Single(Requests);

    public FakeElasticsearch Answer(int status, string? documentedFile = null) =>
        AnswerText(status, documentedFile is null ? "" : Documented.Read(documentedFile));

    /// <param name="mediaType">By default the type the request accepts, as Elasticsearch answers (compatible-with=9 for
    /// most calls, plain application/json for _bulk).</param>
    /// <param name="elasticProduct">False answers as OpenSearch or a proxy would: without X-Elastic-Product.</param>
    public FakeElasticsearch AnswerText(int status, string body, string? mediaType = null, bool elasticProduct = true)
    {
        _answers.Enqueue((request, _) =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8) };
            response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType ?? request.Headers.Accept.First().ToString());
            if (elasticProduct) response.Headers.Add("X-Elastic-Product", "Elasticsearch");
            return Task.FromResult(response);
        });
        return this;
    }

    public FakeElasticsearch Fail(Exception transportFailure)
    {
        _answers.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(transportFailure));
        return this;
    }

    /// <summary>Never answers: the attempt ends only through the client's own timeout.</summary>
    public FakeElasticsearch Hang()
    {
        _answers.Enqueue(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    /// <summary>The backend's options as a test sets them: this fake's address unless <paramref name="url"/> names others.</summary>
    public static ElasticsearchIndexOptions Options(string? url = null, int maxRetries = 0, int requestTimeoutSeconds = 30, string? username = null, string? password = null, string? apiKey = null) => new()
    {
        Url = url ?? ClusterUri.ToString(),
        MaxRetries = maxRetries,
        RequestTimeoutSeconds = requestTimeoutSeconds,
        Username = username,
        Password = password,
        ApiKey = apiKey,
        NumberOfReplicas = 0,
        RejectedItemRetries = 2,
        RejectedItemRetryDelayMilliseconds = 0,
    };

    /// <summary>The official client with the backend's own settings, sending through this handler.</summary>
    public ElasticsearchClient Client(ElasticsearchIndexOptions options) =>
        new(options.ToClientSettings(new HttpRequestInvoker((_, _) => this)));

    public ElasticsearchSearchIndex Index(ElasticsearchIndexOptions? options = null)
    {
        options ??= Options();
        return new ElasticsearchSearchIndex(Client(options), Microsoft.Extensions.Options.Options.Create(options),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ElasticsearchSearchIndex>.Instance);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await BodyOf(request.Content, cancellationToken);
        Requests.Add(new RecordedRequest(
            request.Method, request.RequestUri!.Host, request.RequestUri.PathAndQuery, body,
            request.Content?.Headers.ContentType?.MediaType, request.Headers.Authorization?.ToString(), request.Headers.Accept.ToString()));
        if (!_answers.TryDequeue(out var answer))
            throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}: no answer queued.");
        return await answer(request, cancellationToken);
    }

    /// <summary>The client compresses request bodies (gzip, Content-Encoding header); the recorded body is the JSON itself.</summary>
    private static async Task<string> BodyOf(HttpContent content, CancellationToken cancellationToken)
    {
        if (!content.Headers.ContentEncoding.Contains("gzip")) return await content.ReadAsStringAsync(cancellationToken);
        await using var gzip = new System.IO.Compression.GZipStream(await content.ReadAsStreamAsync(cancellationToken), System.IO.Compression.CompressionMode.Decompress);
        return await new StreamReader(gzip, Encoding.UTF8).ReadToEndAsync(cancellationToken);
    }
}

/// <summary>Gives each person name the key of its lower-cased last word, so tests can see the keys land in the index.</summary>
public sealed class KeyedNames : SearchSuite.Search.Indexing.IIndexedNames
{
    public static readonly KeyedNames Instance = new();

    public IReadOnlyList<string> Register(string personName) => [personName.Split(' ')[^1].ToLowerInvariant()];

    public string? KeyOf(string token) => token.ToLowerInvariant();
}

public static class Documented
{
    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Documented", file));
}

public static class JsonAssert
{
    /// <summary>
    /// Compares as Elasticsearch reads JSON: property order does not matter, and a one-element array equals its lone value
    /// (the client writes ["lowercase"] as "lowercase", a one-clause "filter" as the clause itself).
    /// </summary>
    public static void Equivalent(string expectedJson, string? actualJson)
    {
        Assert.NotNull(actualJson);
        var expected = Unwrapped(JsonNode.Parse(expectedJson));
        var actual = Unwrapped(JsonNode.Parse(actualJson));
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"JSON differs.\nExpected: {expected?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
    }

    private static JsonNode? Unwrapped(JsonNode? node) => node switch
    {
        JsonArray { Count: 1 } single => Unwrapped(single[0]?.DeepClone()),
        JsonArray array => new JsonArray([.. array.Select(item => Unwrapped(item?.DeepClone()))]),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Unwrapped(p.Value?.DeepClone())))),
        _ => node?.DeepClone(),
    };

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
