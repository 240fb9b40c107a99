using System.Text.Json.Serialization;

namespace SearchSuite.Elasticsearch;

/// <summary>PUT /{index}.</summary>
public sealed class CreateIndexResponse : ElasticsearchResponse
{
    [JsonPropertyName("acknowledged")] public bool Acknowledged { get; init; }

    [JsonPropertyName("shards_acknowledged")] public bool ShardsAcknowledged { get; init; }

    [JsonPropertyName("index")] public string? Index { get; init; }
}

/// <summary>HEAD /{index}: 200 or 404, both valid answers.</summary>
public sealed class ExistsResponse : ElasticsearchResponse
{
    [JsonIgnore] public bool Exists => IsValidResponse && ApiCallDetails.HttpStatusCode == 200;
}

public sealed class ShardStatistics
{
    [JsonPropertyName("total")] public int Total { get; init; }

    [JsonPropertyName("successful")] public int Successful { get; init; }

    [JsonPropertyName("skipped")] public int Skipped { get; init; }

    [JsonPropertyName("failed")] public int Failed { get; init; }
}

/// <summary>POST /{index}/_refresh.</summary>
public sealed class RefreshResponse : ElasticsearchResponse
{
    [JsonPropertyName("_shards")] public ShardStatistics? Shards { get; init; }
}

/// <summary>POST /{index}/_count.</summary>
public sealed class CountResponse : ElasticsearchResponse
{
    [JsonPropertyName("count")] public long Count { get; init; }

    [JsonPropertyName("_shards")] public ShardStatistics? Shards { get; init; }
}

/// <summary>GET /_alias/{name}: the indices behind an alias; a missing alias is a valid, empty answer.</summary>
public sealed class GetAliasResponse : ElasticsearchResponse
{
    [JsonExtensionData] public Dictionary<string, System.Text.Json.JsonElement> ByIndex { get; init; } = [];

    /// <summary>Index names the alias points to (the top-level keys other than the error fields).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Indices => [.. ByIndex.Keys.Where(key => key is not ("error" or "status")).Order(StringComparer.Ordinal)];

    // A missing alias comes back as 404 with a plain-string "error", unlike real failures which carry an error object.
    [JsonIgnore]
    public override bool IsValidResponse =>
        base.IsValidResponse
        || (ApiCallDetails.HttpStatusCode == 404 && ApiCallDetails.OriginalException is null && ElasticsearchServerError?.Error.Type is null);
}
