using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchSuite.Elasticsearch;

/// <summary>The one serializer setting used for requests, responses and documents.</summary>
public static class ElasticsearchJson
{
    /// <summary>
    /// Wire types name their properties explicitly; document types without attributes get snake_case
    /// (TitleDe → title_de), which is SearchSuite's index schema convention.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
