using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchSuite.Elasticsearch;

/// <summary>The "error" object Elasticsearch returns on failed calls and on failed bulk items.</summary>
public sealed class ErrorCause
{
    [JsonPropertyName("type")] public string? Type { get; init; }

    [JsonPropertyName("reason")] public string? Reason { get; init; }

    [JsonPropertyName("index")] public string? Index { get; init; }

    [JsonPropertyName("root_cause")] public IReadOnlyList<ErrorCause> RootCause { get; init; } = [];

    [JsonPropertyName("caused_by")] public ErrorCause? CausedBy { get; init; }

    public override string ToString() => Type is null ? Reason ?? "" : $"{Type}: {Reason}";
}

/// <summary>A whole-call error body: {"error": {...} or "text", "status": n}.</summary>
public sealed class ElasticsearchServerError
{
    public required int Status { get; init; }

    public required ErrorCause Error { get; init; }

    public override string ToString() => $"{Status} {Error}";

    /// <summary>Reads the error from a response body, or null when the body carries none.</summary>
    internal static ElasticsearchServerError? TryParse(JsonElement root, int httpStatus)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error)) return null;
        var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : httpStatus;
        // Some APIs (e.g. GET _alias for a missing alias) report the error as a plain string.
        var cause = error.ValueKind == JsonValueKind.String
            ? new ErrorCause { Reason = error.GetString() }
            : error.Deserialize<ErrorCause>(ElasticsearchJson.Options) ?? new ErrorCause();
        return new ElasticsearchServerError { Status = status, Error = cause };
    }
}
