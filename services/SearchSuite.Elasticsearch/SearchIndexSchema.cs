using System.Text.Json.Nodes;

namespace SearchSuite.Elasticsearch;

/// <summary>
/// Settings and mappings of a SearchSuite index. The field names are shared with the Lucene backend (SearchSuite.Search
/// IndexFields) and must not drift; SearchIndexSchemaTests pins the full set.
/// Per-language text goes to the field pair of its analyzer (<see cref="FieldsFor"/>); names, related headlines and the
/// Vietnamese copy without diacritics use the folding analyzer so that "Nguyen" finds "Nguyễn".
/// </summary>
public sealed class SearchIndexSchema
{
    public const string VietnameseAnalyzer = "vietnamese";
    public const string FoldingAnalyzer = "folding";
    private const string ZeroWidthSpaceCharFilter = "zero_width_space";
    private const string FoldingFilter = "ascii_folding_keep_original";

    /// <summary>Field suffixes with their analyzers; "std" takes every language without its own pair.</summary>
    private static readonly (string Suffix, string Analyzer)[] LanguageFields =
    [
        ("de", "german"),
        ("en", "english"),
        ("vi", VietnameseAnalyzer),
        ("vi_folded", FoldingAnalyzer),
        ("std", "standard"),
    ];

    private static readonly string[] KeywordFields =
    [
        "id", "language", "origin_language", "outlet", "cited_sources", "fingerprint",
        "name_keys", "related_name_keys", "story_id", "duplicate_of", "story_evidence",
    ];

    private static readonly string[] FoldedTextFields = ["related", "names", "related_names"];

    public int NumberOfShards { get; init; } = 1;

    /// <summary>0 on a single-node cluster (otherwise the index stays yellow).</summary>
    public int NumberOfReplicas { get; init; } = 1;

    /// <summary>How often new documents become searchable; "-1" disables periodic refresh during a bulk reindex.</summary>
    public string RefreshInterval { get; init; } = "1s";

    /// <summary>The title/body field pair for a language: de, en and vi have their own; the rest share the standard pair.</summary>
    public static (string Title, string Body) FieldsFor(string language)
    {
        var suffix = language is "de" or "en" or "vi" ? language : "std";
        return ($"title_{suffix}", $"body_{suffix}");
    }

    /// <summary>The Vietnamese copy without diacritics, indexed next to title_vi/body_vi.</summary>
    public static (string Title, string Body) VietnameseFoldedFields => ("title_vi_folded", "body_vi_folded");

    /// <summary>
    /// The concrete index behind <paramref name="alias"/> for this schema: the alias plus a short hash of the analysis and
    /// mappings. A schema change yields a new name, which is what triggers the reindex and alias swap; the dynamic settings
    /// (replicas, refresh interval) are left out of the hash because changing them needs no new index.
    /// </summary>
    public string IndexNameFor(string alias)
    {
        var schema = new JsonObject { ["analysis"] = Settings()["analysis"]!.DeepClone(), ["mappings"] = Mappings() }.ToJsonString();
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(schema));
        return $"{alias}-{Convert.ToHexStringLower(hash)[..8]}";
    }

    /// <param name="alias">Added atomically with the index when given (first deployment); later swaps use UpdateAliases.</param>
    public CreateIndexRequest ToCreateIndexRequest(string? alias = null) => new()
    {
        Settings = Settings(),
        Mappings = Mappings(),
        Aliases = alias is null ? null : new JsonObject { [alias] = new JsonObject() },
    };

    private JsonObject Settings() => new()
    {
        ["number_of_shards"] = NumberOfShards,
        ["number_of_replicas"] = NumberOfReplicas,
        ["refresh_interval"] = RefreshInterval,
        ["analysis"] = new JsonObject
        {
            // NTREX's Vietnamese text has U+200B between words; the standard tokenizer would glue the words together.
            ["char_filter"] = new JsonObject
            {
                [ZeroWidthSpaceCharFilter] = new JsonObject { ["type"] = "pattern_replace", ["pattern"] = "\\u200B", ["replacement"] = " " },
            },
            ["filter"] = new JsonObject
            {
                // Keeping the original token lets an exact "nguyễn" still outscore a folded match.
                [FoldingFilter] = new JsonObject { ["type"] = "asciifolding", ["preserve_original"] = true },
            },
            ["analyzer"] = new JsonObject
            {
                [VietnameseAnalyzer] = CustomAnalyzer("lowercase"),
                [FoldingAnalyzer] = CustomAnalyzer("lowercase", FoldingFilter),
            },
        },
    };

    private static JsonObject CustomAnalyzer(params string[] filters) => new()
    {
        ["type"] = "custom",
        ["char_filter"] = new JsonArray(ZeroWidthSpaceCharFilter),
        ["tokenizer"] = "standard",
        ["filter"] = new JsonArray([.. filters.Select(filter => (JsonNode)filter)]),
    };

    private static JsonObject Mappings()
    {
        var properties = new JsonObject();
        foreach (var field in KeywordFields) properties[field] = new JsonObject { ["type"] = "keyword" };
        properties["source_url"] = new JsonObject { ["type"] = "keyword", ["index"] = false };
        properties["ingested_at"] = new JsonObject { ["type"] = "date" };
        // Display copies: kept in _source, never searched (the per-language fields are).
        properties["title"] = new JsonObject { ["type"] = "text", ["index"] = false };
        properties["text"] = new JsonObject { ["type"] = "text", ["index"] = false };
        foreach (var (suffix, analyzer) in LanguageFields)
        {
            properties[$"title_{suffix}"] = TextField(analyzer);
            properties[$"body_{suffix}"] = TextField(analyzer);
        }
        foreach (var field in FoldedTextFields) properties[field] = TextField(FoldingAnalyzer);
        properties["removed"] = new JsonObject { ["type"] = "object", ["enabled"] = false };
        properties["metadata"] = new JsonObject { ["type"] = "object", ["enabled"] = false };
        // Unknown fields stay in _source but are not indexed, so a new producer field cannot silently change the mapping.
        return new JsonObject { ["dynamic"] = false, ["properties"] = properties };
    }

    private static JsonObject TextField(string analyzer) => new() { ["type"] = "text", ["analyzer"] = analyzer };
}
