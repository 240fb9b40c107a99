using System.Text.Json.Serialization;

namespace SearchSuite.Elasticsearch;

/// <summary>GET / — cluster name and version.</summary>
public sealed class InfoResponse : ElasticsearchResponse
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("cluster_name")] public string? ClusterName { get; init; }

    [JsonPropertyName("cluster_uuid")] public string? ClusterUuid { get; init; }

    [JsonPropertyName("version")] public ServerVersion? Version { get; init; }

    [JsonPropertyName("tagline")] public string? Tagline { get; init; }

    [JsonIgnore] public ServerVersionCheck VersionCheck => ServerVersionCheck.Evaluate(Version?.Number, Version?.Distribution);
}

public sealed class ServerVersion
{
    [JsonPropertyName("number")] public string? Number { get; init; }

    /// <summary>Absent on Elasticsearch; "opensearch" on OpenSearch, which answers GET / in the same shape.</summary>
    [JsonPropertyName("distribution")] public string? Distribution { get; init; }

    [JsonPropertyName("build_flavor")] public string? BuildFlavor { get; init; }

    [JsonPropertyName("lucene_version")] public string? LuceneVersion { get; init; }

    [JsonPropertyName("minimum_wire_compatibility_version")] public string? MinimumWireCompatibilityVersion { get; init; }

    [JsonPropertyName("minimum_index_compatibility_version")] public string? MinimumIndexCompatibilityVersion { get; init; }
}
