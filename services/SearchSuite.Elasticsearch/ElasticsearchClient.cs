using System.Text.Json.Nodes;
using SearchSuite.Elasticsearch.Transport;

namespace SearchSuite.Elasticsearch;

/// <summary>
/// Elasticsearch REST client for 7.10+ and 8.x. Register one instance as a singleton (it holds no per-call state).
/// No call throws for server or transport failures: check IsValidResponse on the result.
/// Index names are used as given; apply <see cref="ElasticsearchClientOptions.IndexName"/> for the prefix.
/// </summary>
public sealed class ElasticsearchClient(HttpClient http, ElasticsearchClientOptions options)
{
    private const int NotFound = 404;
    private const string NdjsonContentType = "application/x-ndjson";

    private readonly ElasticsearchTransport _transport = new(http, options);

    public ElasticsearchClientOptions Options { get; } = options;

    public Task<InfoResponse> InfoAsync(CancellationToken cancellationToken = default) =>
        _transport.RequestAsync<InfoResponse>(new(HttpMethod.Get, ""), cancellationToken);

    public Task<CreateIndexResponse> CreateIndexAsync(string index, CreateIndexRequest request, CancellationToken cancellationToken = default) =>
        _transport.RequestAsync<CreateIndexResponse>(new(HttpMethod.Put, Escape(index), request.ToJson()), cancellationToken);

    public Task<ExistsResponse> IndexExistsAsync(string index, CancellationToken cancellationToken = default) =>
        _transport.RequestAsync<ExistsResponse>(new(HttpMethod.Head, Escape(index)), cancellationToken, NotFound);

    public Task<AcknowledgedResponse> DeleteIndexAsync(string index, CancellationToken cancellationToken = default) =>
        _transport.RequestAsync<AcknowledgedResponse>(new(HttpMethod.Delete, Escape(index)), cancellationToken);

    public Task<GetAliasResponse> GetAliasAsync(string alias, CancellationToken cancellationToken = default) =>
        _transport.RequestAsync<GetAliasResponse>(new(HttpMethod.Get, "_alias/" + Escape(alias)), cancellationToken);

    public Task<AcknowledgedResponse> UpdateAliasesAsync(UpdateAliasesRequest request, CancellationToken cancellationToken = default) =>
        _transport.RequestAsync<AcknowledgedResponse>(new(HttpMethod.Post, "_aliases", request.ToJson()), cancellationToken);

    /// <summary>
    /// Whole-call 429/5xx are retried (no item was applied). Item failures are not: read
    /// <see cref="BulkResponse.RejectedItems"/> and resend <see cref="BulkRequest.WithOnlyRejectedOperations"/>.
    /// </summary>
    public Task<BulkResponse> BulkAsync(BulkRequest request, CancellationToken cancellationToken = default) =>
        _transport.RequestAsync<BulkResponse>(
            new(HttpMethod.Post, request.PathAndQuery(), request.ToNdjson(), NdjsonContentType), cancellationToken);

    /// <summary>Creates or replaces one document; with <paramref name="onlyIfAbsent"/> an existing id answers 409.</summary>
    public Task<IndexResponse> IndexAsync<TDocument>(
        string index, string id, TDocument document, bool onlyIfAbsent = false, Refresh refresh = Refresh.False,
        CancellationToken cancellationToken = default)
        where TDocument : notnull
    {
        var path = $"{Escape(index)}/_doc/{Escape(id)}" + (onlyIfAbsent ? "?op_type=create" + refresh.QueryString('&') : refresh.QueryString());
        var body = System.Text.Json.JsonSerializer.Serialize(document, ElasticsearchJson.Options);
        return _transport.RequestAsync<IndexResponse>(new(HttpMethod.Put, path, body), cancellationToken);
    }

    public Task<GetResponse<TDocument>> GetAsync<TDocument>(string index, string id, CancellationToken cancellationToken = default) =>
        _transport.RequestAsync<GetResponse<TDocument>>(new(HttpMethod.Get, $"{Escape(index)}/_doc/{Escape(id)}"), cancellationToken, NotFound);

    public Task<SearchResponse<TDocument>> SearchAsync<TDocument>(string index, SearchRequest request, CancellationToken cancellationToken = default) =>
        SearchAsync<TDocument>(index, request.ToJson(), cancellationToken);

    /// <summary>For Query DSL the typed request does not cover; the body is sent as is.</summary>
    public Task<SearchResponse<TDocument>> SearchAsync<TDocument>(string index, JsonObject body, CancellationToken cancellationToken = default) =>
        SearchAsync<TDocument>(index, body.ToJsonString(), cancellationToken);

    public Task<RefreshResponse> RefreshAsync(string index, CancellationToken cancellationToken = default) =>
        _transport.RequestAsync<RefreshResponse>(new(HttpMethod.Post, Escape(index) + "/_refresh"), cancellationToken);

    /// <summary>Counts documents matching <paramref name="query"/> (Query DSL), or all documents when null.</summary>
    public Task<CountResponse> CountAsync(string index, JsonObject? query = null, CancellationToken cancellationToken = default) =>
        _transport.RequestAsync<CountResponse>(new(HttpMethod.Post, Escape(index) + "/_count", QueryBody(query ?? MatchAll())), cancellationToken);

    /// <summary>Version conflicts (documents changed meanwhile) are counted, not failures: the next run catches them.</summary>
    public Task<DeleteByQueryResponse> DeleteByQueryAsync(
        string index, JsonObject query, Refresh refresh = Refresh.False, CancellationToken cancellationToken = default) =>
        _transport.RequestAsync<DeleteByQueryResponse>(
            new(HttpMethod.Post, Escape(index) + "/_delete_by_query?conflicts=proceed" + refresh.QueryString('&'), QueryBody(query)),
            cancellationToken);

    /// <summary>Synchronous reindex (waits for completion); give the client a RequestTimeout long enough for the index size.</summary>
    public Task<ReindexResponse> ReindexAsync(ReindexRequest request, CancellationToken cancellationToken = default) =>
        _transport.RequestAsync<ReindexResponse>(new(HttpMethod.Post, "_reindex" + request.Refresh.QueryString(), request.ToJson()), cancellationToken);

    private Task<SearchResponse<TDocument>> SearchAsync<TDocument>(string index, string body, CancellationToken cancellationToken) =>
        _transport.RequestAsync<SearchResponse<TDocument>>(new(HttpMethod.Post, Escape(index) + "/_search", body), cancellationToken);

    private static string QueryBody(JsonObject query) => new JsonObject { ["query"] = query.DeepClone() }.ToJsonString();

    private static JsonObject MatchAll() => new() { ["match_all"] = new JsonObject() };

    // Index names may be comma lists or wildcards, which Elasticsearch reads from the path as is.
    private static string Escape(string pathSegment) =>
        string.Join(',', pathSegment.Split(',').Select(part => Uri.EscapeDataString(part).Replace("%2A", "*")));
}
