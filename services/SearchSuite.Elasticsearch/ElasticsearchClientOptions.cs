namespace SearchSuite.Elasticsearch;

/// <summary>Connection settings; bind from configuration (ConnectionStrings:Elasticsearch, Elasticsearch:*).</summary>
public sealed class ElasticsearchClientOptions
{
    public required Uri Uri { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>The base64 "id:api_key" value Elasticsearch returns as "encoded"; takes precedence over basic auth.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Prepended to every logical index or alias name so several deployments can share one cluster.</summary>
    public string IndexPrefix { get; init; } = "";

    /// <summary>Timeout of one HTTP attempt; a timed-out attempt counts as a transient transport failure.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for 429, 5xx and transport failures.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay; doubles per retry, with jitter so that many clients do not retry in lockstep.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public string IndexName(string logicalName) => IndexPrefix + logicalName;
}
