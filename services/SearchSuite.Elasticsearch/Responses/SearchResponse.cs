using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchSuite.Elasticsearch;

/// <summary>POST /{index}/_search.</summary>
public sealed class SearchResponse<TDocument> : ElasticsearchResponse
{
    [JsonPropertyName("took")] public long Took { get; init; }

    [JsonPropertyName("timed_out")] public bool TimedOut { get; init; }

    /// <summary>Failed shards make the result partial, not invalid; check Failed here when completeness matters.</summary>
    [JsonPropertyName("_shards")] public ShardStatistics? Shards { get; init; }

    [JsonPropertyName("hits")] public HitsMetadata<TDocument> HitsMetadata { get; init; } = new();

    [JsonIgnore] public IReadOnlyList<Hit<TDocument>> Hits => HitsMetadata.Hits;

    /// <summary>The aggregation results by name, as Elasticsearch returns them.</summary>
    [JsonPropertyName("aggregations")] public IReadOnlyDictionary<string, JsonElement>? Aggregations { get; init; }

    [JsonIgnore] public long Total => HitsMetadata.Total?.Value ?? 0;
}

public sealed class HitsMetadata<TDocument>
{
    [JsonPropertyName("total")] public TotalHits? Total { get; init; }

    [JsonPropertyName("max_score")] public double? MaxScore { get; init; }

    [JsonPropertyName("hits")] public IReadOnlyList<Hit<TDocument>> Hits { get; init; } = [];
}

/// <summary>{"value": n, "relation": "eq"|"gte"}; a bare number (7.x with rest_total_hits_as_int, or 6.x) reads as exact.</summary>
[JsonConverter(typeof(TotalHitsConverter))]
public sealed record TotalHits(long Value, string Relation)
{
    [JsonIgnore] public bool IsExact => Relation == "eq";
}

internal sealed class TotalHitsConverter : JsonConverter<TotalHits>
{
    public override TotalHits Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return new TotalHits(reader.GetInt64(), "eq");
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var value = root.TryGetProperty("value", out var v) ? v.GetInt64() : 0;
        var relation = root.TryGetProperty("relation", out var r) ? r.GetString() ?? "eq" : "eq";
        return new TotalHits(value, relation);
    }

    public override void Write(Utf8JsonWriter writer, TotalHits value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("value", value.Value);
        writer.WriteString("relation", value.Relation);
        writer.WriteEndObject();
    }
}

public sealed class Hit<TDocument>
{
    [JsonPropertyName("_index")] public string? Index { get; init; }

    [JsonPropertyName("_id")] public string? Id { get; init; }

    /// <summary>null when sorting by something other than _score.</summary>
    [JsonPropertyName("_score")] public double? Score { get; init; }

    [JsonPropertyName("_source")] public TDocument? Source { get; init; }

    [JsonPropertyName("highlight")] public IReadOnlyDictionary<string, IReadOnlyList<string>>? Highlight { get; init; }

    /// <summary>Sort values; pass the last hit's as <see cref="SearchRequest.SearchAfter"/> for the next page.</summary>
    [JsonPropertyName("sort")] public IReadOnlyList<JsonElement>? Sort { get; init; }

    /// <summary>With a collapse's inner_hits: each named inner result, whose "hits" has the same shape as the search's.</summary>
    [JsonPropertyName("inner_hits")] public IReadOnlyDictionary<string, InnerHits<TDocument>>? InnerHits { get; init; }
}

public sealed class InnerHits<TDocument>
{
    [JsonPropertyName("hits")] public HitsMetadata<TDocument> Hits { get; init; } = new();
}

/// <summary>GET /{index}/_doc/{id}: a missing document is a valid answer with Found false.</summary>
public sealed class GetResponse<TDocument> : ElasticsearchResponse
{
    [JsonPropertyName("_index")] public string? Index { get; init; }

    [JsonPropertyName("_id")] public string? Id { get; init; }

    [JsonPropertyName("_version")] public long? Version { get; init; }

    [JsonPropertyName("found")] public bool Found { get; init; }

    [JsonPropertyName("_source")] public TDocument? Source { get; init; }
}

/// <summary>PUT /{index}/_doc/{id}.</summary>
public sealed class IndexResponse : ElasticsearchResponse
{
    [JsonPropertyName("_index")] public string? Index { get; init; }

    [JsonPropertyName("_id")] public string? Id { get; init; }

    [JsonPropertyName("_version")] public long Version { get; init; }

    [JsonPropertyName("result")] public string? Result { get; init; }
}

/// <summary>Shared by _reindex and _delete_by_query. Invalid when any document failed, so an alias is not swapped onto a partial copy.</summary>
public abstract class ByQueryResponse : ElasticsearchResponse
{
    [JsonPropertyName("took")] public long Took { get; init; }

    [JsonPropertyName("timed_out")] public bool TimedOut { get; init; }

    [JsonPropertyName("total")] public long Total { get; init; }

    [JsonPropertyName("created")] public long Created { get; init; }

    [JsonPropertyName("updated")] public long Updated { get; init; }

    [JsonPropertyName("deleted")] public long Deleted { get; init; }

    [JsonPropertyName("version_conflicts")] public long VersionConflicts { get; init; }

    [JsonPropertyName("failures")] public IReadOnlyList<ByQueryFailure> Failures { get; init; } = [];

    [JsonIgnore] public override bool IsValidResponse => base.IsValidResponse && Failures.Count == 0 && !TimedOut;
}

public sealed class ByQueryFailure
{
    [JsonPropertyName("index")] public string? Index { get; init; }

    [JsonPropertyName("id")] public string? Id { get; init; }

    [JsonPropertyName("status")] public int Status { get; init; }

    [JsonPropertyName("cause")] public ErrorCause? Cause { get; init; }
}

public sealed class ReindexResponse : ByQueryResponse;

public sealed class DeleteByQueryResponse : ByQueryResponse;
