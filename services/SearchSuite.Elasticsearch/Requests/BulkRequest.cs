using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SearchSuite.Elasticsearch;

/// <summary>When the changes of a write call become visible to search.</summary>
public enum Refresh
{
    /// <summary>At the next periodic refresh (index.refresh_interval); the production setting.</summary>
    False,

    /// <summary>Refresh the affected shards now; costly, for tests and tools only.</summary>
    True,

    /// <summary>Answer only after the next periodic refresh made the changes visible; for tests.</summary>
    WaitFor,
}

internal static class RefreshExtensions
{
    public static string QueryString(this Refresh refresh, char separator = '?') => refresh switch
    {
        Refresh.True => separator + "refresh=true",
        Refresh.WaitFor => separator + "refresh=wait_for",
        _ => "",
    };
}

public abstract record BulkOperation(string Index, string Id)
{
    internal abstract string Action { get; }

    internal virtual void AppendSource(StringBuilder ndjson)
    {
    }
}

/// <summary>Creates or replaces a document; <paramref name="Document"/> is serialized with <see cref="ElasticsearchJson.Options"/>.</summary>
public sealed record BulkIndexOperation(string Index, string Id, object Document) : BulkOperation(Index, Id)
{
    internal override string Action => "index";

    internal override void AppendSource(StringBuilder ndjson) =>
        ndjson.Append(JsonSerializer.Serialize(Document, Document.GetType(), ElasticsearchJson.Options)).Append('\n');
}

public sealed record BulkDeleteOperation(string Index, string Id) : BulkOperation(Index, Id)
{
    internal override string Action => "delete";
}

/// <summary>POST /_bulk. Items of the response are in the order of <see cref="Operations"/>.</summary>
public sealed class BulkRequest(IEnumerable<BulkOperation> operations)
{
    public IReadOnlyList<BulkOperation> Operations { get; } = [.. operations];

    public Refresh Refresh { get; init; } = Refresh.False;

    /// <summary>
    /// ?require_alias=true (7.10+): an item whose target is not an alias fails with index_not_found_exception instead of
    /// auto-creating an index with a dynamic mapping under the alias's name.
    /// </summary>
    public bool RequireAlias { get; init; }

    /// <summary>
    /// A request with only the operations Elasticsearch rejected with 429 (queue full): the ones worth sending again
    /// after a backoff. Items that failed otherwise belong on the caller's error path, never in a blind retry.
    /// </summary>
    public BulkRequest WithOnlyRejectedOperations(BulkResponse response)
    {
        if (response.Items.Count != Operations.Count)
            throw new ArgumentException(
                $"The response has {response.Items.Count} items for {Operations.Count} operations; it does not belong to this request.",
                nameof(response));
        return new BulkRequest(Operations.Where((_, i) => response.Items[i].IsRejected)) { Refresh = Refresh, RequireAlias = RequireAlias };
    }

    internal string PathAndQuery() =>
        "_bulk" + Refresh.QueryString() + (RequireAlias ? (Refresh == Refresh.False ? '?' : '&') + "require_alias=true" : "");

    internal string ToNdjson()
    {
        var ndjson = new StringBuilder();
        foreach (var operation in Operations)
        {
            var header = new JsonObject
            {
                [operation.Action] = new JsonObject { ["_index"] = operation.Index, ["_id"] = operation.Id },
            };
            ndjson.Append(header.ToJsonString()).Append('\n');
            operation.AppendSource(ndjson);
        }
        return ndjson.ToString();
    }
}
