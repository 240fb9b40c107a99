using System.Text;
using System.Text.Json.Serialization;

namespace SearchSuite.Elasticsearch;

/// <summary>POST /_bulk. Invalid when the call failed or any item failed; see <see cref="ItemsWithErrors"/>.</summary>
public sealed class BulkResponse : ElasticsearchResponse
{
    private const int MaxItemsInDebugInformation = 10;

    [JsonPropertyName("took")] public long Took { get; init; }

    [JsonPropertyName("errors")] public bool Errors { get; init; }

    // Each item is {"<action>": {...}}; flattened into Items with the action name kept.
    [JsonPropertyName("items"), JsonInclude]
    internal List<Dictionary<string, BulkResponseItem>> RawItems { get; init; } = [];

    [JsonIgnore]
    public IReadOnlyList<BulkResponseItem> Items => field ??= [.. RawItems.Select(raw => raw.Single().Value.WithOperation(raw.Single().Key))];

    [JsonIgnore] public IReadOnlyList<BulkResponseItem> ItemsWithErrors => [.. Items.Where(item => !item.IsValid)];

    /// <summary>Items rejected because the cluster was overloaded (429); retry them, see <see cref="BulkRequest.WithOnlyRejectedOperations"/>.</summary>
    [JsonIgnore] public IReadOnlyList<BulkResponseItem> RejectedItems => [.. Items.Where(item => item.IsRejected)];

    /// <summary>Items that failed for a reason a retry will not fix (mapping errors, version conflicts).</summary>
    [JsonIgnore] public IReadOnlyList<BulkResponseItem> PermanentlyFailedItems => [.. Items.Where(item => !item.IsValid && !item.IsRejected)];

    [JsonIgnore] public override bool IsValidResponse => base.IsValidResponse && !Errors && ItemsWithErrors.Count == 0;

    private protected override void AppendDetails(StringBuilder text)
    {
        var failed = ItemsWithErrors;
        foreach (var item in failed.Take(MaxItemsInDebugInformation))
            text.Append("\n# Failed item: ").Append(item);
        if (failed.Count > MaxItemsInDebugInformation)
            text.Append("\n# … and ").Append(failed.Count - MaxItemsInDebugInformation).Append(" more failed items");
    }
}

public sealed class BulkResponseItem
{
    [JsonIgnore] public string Operation { get; private init; } = "";

    [JsonPropertyName("_index")] public string? Index { get; init; }

    [JsonPropertyName("_id")] public string? Id { get; init; }

    [JsonPropertyName("_version")] public long? Version { get; init; }

    [JsonPropertyName("result")] public string? Result { get; init; }

    [JsonPropertyName("status")] public int Status { get; init; }

    [JsonPropertyName("error")] public ErrorCause? Error { get; init; }

    /// <summary>Deleting a missing document answers 404 "not_found" without an error: the goal state holds.</summary>
    [JsonIgnore]
    public bool IsValid => Error is null && (Status is >= 200 and < 300 || (Operation == "delete" && Status == 404));

    [JsonIgnore] public bool IsRejected => Status == 429;

    public override string ToString() => $"{Operation} [{Index}/{Id}] {Status} {Error?.ToString() ?? Result}";

    internal BulkResponseItem WithOperation(string operation) => new()
    {
        Operation = operation, Index = Index, Id = Id, Version = Version, Result = Result, Status = Status, Error = Error,
    };
}
