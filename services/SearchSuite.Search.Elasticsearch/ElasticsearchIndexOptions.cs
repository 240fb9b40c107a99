using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SearchSuite.Elasticsearch;

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

    /// <summary>From ConnectionStrings:Elasticsearch, e.g. http://127.0.0.1:9200.</summary>
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

    /// <summary>Retries of a whole call answered 429/5xx or lost on the wire.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    public string AliasName => IndexPrefix + Alias;

    public ElasticsearchClientOptions ToClientOptions() => new()
    {
        Uri = new Uri(Url!),
        Username = Username,
        Password = Password,
        ApiKey = ApiKey,
        IndexPrefix = IndexPrefix,
        RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
        MaxRetries = MaxRetries,
    };
}

/// <summary>Checks the connection settings only when Elasticsearch is the configured backend.</summary>
public sealed class ElasticsearchIndexOptionsValidator(IOptions<IndexOptions> index) : IValidateOptions<ElasticsearchIndexOptions>
{
    public ValidateOptionsResult Validate(string? name, ElasticsearchIndexOptions options)
    {
        if (index.Value.Backend != IndexBackend.Elasticsearch) return ValidateOptionsResult.Skip;
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            failures.Add($"ConnectionStrings:{ElasticsearchIndexOptions.ConnectionStringName} must be an http:// or https:// URI such as http://127.0.0.1:9200 when Index:Backend is Elasticsearch, not '{options.Url}'.");
        else if (uri.UserInfo.Length > 0)
            failures.Add($"ConnectionStrings:{ElasticsearchIndexOptions.ConnectionStringName} must not carry credentials; set Elasticsearch:Username and Elasticsearch:Password or Elasticsearch:ApiKey.");
        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
            failures.Add("Elasticsearch:Username and Elasticsearch:Password must be set together.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
