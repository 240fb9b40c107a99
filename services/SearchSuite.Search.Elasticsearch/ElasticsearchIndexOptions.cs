using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace SearchSuite.Search.Elasticsearch;

/// <summary>When an indexed batch becomes searchable; see docs/elasticsearch.md, "Refresh semantics".</summary>
public enum IndexRefresh
{
    /// <summary>IndexAsync returns once the batch is searchable (?refresh=wait_for), as the Lucene backend does.</summary>
    WaitFor,

    /// <summary>IndexAsync returns once the batch is durable; it becomes searchable within the refresh interval (throughput).</summary>
    Interval,
}

/// <summary>The Elasticsearch backend (Index:Backend=elasticsearch): section "Elasticsearch" plus ConnectionStrings:Elasticsearch.</summary>
public sealed class ElasticsearchIndexOptions
{
    public const string SectionName = "Elasticsearch";
    public const string ConnectionStringName = "Elasticsearch";

    /// <summary>From ConnectionStrings:Elasticsearch, e.g. http://127.0.0.1:9200, or several nodes separated by commas.</summary>
    public string? Url { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The "encoded" value of an API key; used instead of Username/Password when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Prepended to the alias and index names, so several deployments can share one cluster.</summary>
    [RegularExpression("^[a-z0-9][a-z0-9_.-]*$|^$", ErrorMessage = "Elasticsearch:IndexPrefix must be lower case letters, digits, '-', '_' or '.'.")]
    public string IndexPrefix { get; set; } = "searchsuite-";

    /// <summary>The alias readers and writers use ({IndexPrefix}{Alias}); the concrete index adds a schema hash.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9_.-]*$", ErrorMessage = "Elasticsearch:Alias must be lower case letters, digits, '-', '_' or '.'.")]
    public string Alias { get; set; } = "news";

    /// <summary>Replicas of a new index: 0 on a single node (the compose stack), at least 1 on a real cluster.</summary>
    [Range(0, 10)]
    public int NumberOfReplicas { get; set; } = 1;

    public IndexRefresh Refresh { get; set; } = IndexRefresh.WaitFor;

    /// <summary>Most documents in one _bulk request; a consumer batch larger than this is sent in several.</summary>
    [Range(1, 10_000)]
    public int BulkSize { get; set; } = 500;

    /// <summary>How often items the cluster rejected with 429 (queue full) are sent again, with a doubling delay, before the batch fails.</summary>
    [Range(0, 20)]
    public int RejectedItemRetries { get; set; } = 5;

    [Range(0, 60_000)]
    public int RejectedItemRetryDelayMilliseconds { get; set; } = 500;

    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How many other nodes a call may fail over to when a node is unreachable or answers 502/503/504 (Elastic.Transport's
    /// MaximumRetries). With a single node a failed call is not repeated: the message retry (indexing) or the caller (search) retries.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    public string AliasName => IndexPrefix + Alias;

    /// <summary>The nodes of ConnectionStrings:Elasticsearch (validated by <see cref="ElasticsearchIndexOptionsValidator"/>).</summary>
    public IReadOnlyList<Uri> Nodes => [.. (Url ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(node => new Uri(node))];

    /// <summary>
    /// The client settings: one node or a static pool of several, authentication, the per-attempt timeout and fail-over.
    /// <paramref name="requestInvoker"/> replaces the HTTP layer in tests.
    /// </summary>
    public ElasticsearchClientSettings ToClientSettings(IRequestInvoker? requestInvoker = null)
    {
        NodePool pool = Nodes.Count == 1 ? new SingleNodePool(Nodes[0]) : new StaticNodePool(Nodes, randomize: false);
        var settings = new ElasticsearchClientSettings(pool, requestInvoker ?? new HttpRequestInvoker(), ElasticsearchDocument.SourceSerializer)
            .RequestTimeout(TimeSpan.FromSeconds(RequestTimeoutSeconds))
            .MaximumRetries(MaxRetries)
            // No HEAD / ping before a node's first call: the call itself marks a node dead and fails over.
            .DisablePing()
            // Invalid responses carry the request and response bodies in DebugInformation, which the failures quote.
            .DisableDirectStreaming();
        if (!string.IsNullOrEmpty(ApiKey)) settings.Authentication(new ApiKey(ApiKey));
        else if (!string.IsNullOrEmpty(Username)) settings.Authentication(new BasicAuthentication(Username, Password!));
        return settings;
    }
}

/// <summary>Checks the connection settings (registered only when Elasticsearch is the configured backend).</summary>
public sealed class ElasticsearchIndexOptionsValidator : IValidateOptions<ElasticsearchIndexOptions>
{
    public ValidateOptionsResult Validate(string? name, ElasticsearchIndexOptions options)
    {
        var failures = new List<string>();
        var nodes = (options.Url ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (nodes.Length == 0 || !nodes.All(node => Uri.TryCreate(node, UriKind.Absolute, out var uri) && uri.Scheme is ("http" or "https")))
            failures.Add($"ConnectionStrings:{ElasticsearchIndexOptions.ConnectionStringName} must be an http:// or https:// URI such as http://127.0.0.1:9200 (or several, comma-separated) when Index:Backend is Elasticsearch, not '{options.Url}'.");
        else if (nodes.Any(node => new Uri(node).UserInfo.Length > 0))
            failures.Add($"ConnectionStrings:{ElasticsearchIndexOptions.ConnectionStringName} must not carry credentials; set Elasticsearch:Username and Elasticsearch:Password or Elasticsearch:ApiKey.");
        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
            failures.Add("Elasticsearch:Username and Elasticsearch:Password must be set together.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
