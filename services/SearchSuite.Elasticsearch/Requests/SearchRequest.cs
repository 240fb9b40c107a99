using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SearchSuite.Elasticsearch;

/// <summary>
/// The body of POST /{index}/_search. Query, sort and highlight stay Query DSL JSON; the typed part is what
/// every search sets (paging, search_after, total tracking) and what 7.x and 8.x both accept.
/// </summary>
public sealed class SearchRequest
{
    [JsonPropertyName("query")] public JsonObject? Query { get; init; }

    [JsonPropertyName("from")] public int? From { get; init; }

    [JsonPropertyName("size")] public int? Size { get; init; }

    [JsonPropertyName("sort")] public JsonArray? Sort { get; init; }

    /// <summary>The <see cref="Hit{TDocument}.Sort"/> values of the last hit of the previous page.</summary>
    [JsonPropertyName("search_after")] public IReadOnlyList<JsonElement>? SearchAfter { get; init; }

    [JsonPropertyName("highlight")] public JsonObject? Highlight { get; init; }

    /// <summary>false, or an array of field names to return.</summary>
    [JsonPropertyName("_source")] public JsonNode? Source { get; init; }

    [JsonPropertyName("track_total_hits")] public bool? TrackTotalHits { get; init; }

    [JsonPropertyName("min_score")] public double? MinScore { get; init; }

    /// <summary>Field collapsing: one hit per value of a keyword field, optionally with inner_hits (7.x and 8.x).</summary>
    [JsonPropertyName("collapse")] public JsonObject? Collapse { get; init; }

    [JsonPropertyName("aggs")] public JsonObject? Aggregations { get; init; }

    internal string ToJson() => JsonSerializer.Serialize(this, ElasticsearchJson.Options);
}

/// <summary>POST /_reindex: copy documents into a new index before an alias swap.</summary>
public sealed class ReindexRequest
{
    public required string SourceIndex { get; init; }

    public required string DestinationIndex { get; init; }

    /// <summary>Restricts the copied documents; null copies all.</summary>
    public JsonObject? Query { get; init; }

    public Refresh Refresh { get; init; } = Refresh.False;

    internal string ToJson()
    {
        var source = new JsonObject { ["index"] = SourceIndex };
        if (Query is not null) source["query"] = Query.DeepClone();
        return new JsonObject { ["source"] = source, ["dest"] = new JsonObject { ["index"] = DestinationIndex } }.ToJsonString();
    }
}

/// <summary>POST /_aliases: all actions are applied atomically, so readers never see the alias missing or doubled.</summary>
public sealed class UpdateAliasesRequest
{
    private readonly JsonArray _actions = [];

    public UpdateAliasesRequest Add(string index, string alias) => With("add", index, alias);

    public UpdateAliasesRequest Remove(string index, string alias) => With("remove", index, alias);

    /// <summary>Points <paramref name="alias"/> at <paramref name="newIndex"/> only, in one atomic step.</summary>
    public static UpdateAliasesRequest Swap(string alias, string newIndex, IEnumerable<string> oldIndices)
    {
        var request = new UpdateAliasesRequest();
        foreach (var old in oldIndices.Where(old => old != newIndex)) request.Remove(old, alias);
        return request.Add(newIndex, alias);
    }

    internal string ToJson() => new JsonObject { ["actions"] = _actions.DeepClone() }.ToJsonString();

    private UpdateAliasesRequest With(string action, string index, string alias)
    {
        _actions.Add(new JsonObject { [action] = new JsonObject { ["index"] = index, ["alias"] = alias } });
        return this;
    }
}

/// <summary>PUT /{index} body; see <see cref="SearchIndexSchema"/>.</summary>
public sealed class CreateIndexRequest
{
    [JsonPropertyName("settings")] public JsonObject? Settings { get; init; }

    [JsonPropertyName("mappings")] public JsonObject? Mappings { get; init; }

    [JsonPropertyName("aliases")] public JsonObject? Aliases { get; init; }

    internal string ToJson() => JsonSerializer.Serialize(this, ElasticsearchJson.Options);
}
