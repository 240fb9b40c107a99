using System.Security.Cryptography;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;
using Elastic.Transport;
using Elastic.Transport.Extensions;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.Elasticsearch;

/// <summary>
/// Settings and mappings of a SearchSuite index, as the official client's typed create-index request. The fields, their
/// kinds and analysis come from <see cref="IndexFields.All"/>, the table the Lucene backend derives its analyzers from;
/// names, related headlines and the Vietnamese copy without diacritics use the folding analyzer so that "Nguyen" finds "Nguyễn".
/// </summary>
public sealed class ElasticsearchSchema
{
    public const string VietnameseAnalyzer = "vietnamese";
    public const string FoldingAnalyzer = "folding";
    private const string ZeroWidthSpaceCharFilter = "zero_width_space";
    private const string FoldingFilter = "ascii_folding_keep_original";

    public int NumberOfShards { get; init; } = 1;

    /// <summary>0 on a single-node cluster (otherwise the index stays yellow).</summary>
    public int NumberOfReplicas { get; init; } = 1;

    /// <summary>How often new documents become searchable; "-1" disables periodic refresh during a bulk reindex.</summary>
    public string RefreshInterval { get; init; } = "1s";

    /// <summary>The Elasticsearch analyzer of each analysis kind: built-in for German, English and standard, custom for the rest.</summary>
    public static string AnalyzerFor(FieldAnalysis analysis) => analysis switch
    {
        FieldAnalysis.German => "german",
        FieldAnalysis.English => "english",
        FieldAnalysis.Vietnamese => VietnameseAnalyzer,
        FieldAnalysis.Folding => FoldingAnalyzer,
        _ => "standard",
    };

    /// <summary>
    /// The concrete index behind <paramref name="alias"/> for this schema: the alias plus a short hash of the analysis and
    /// mappings as the client serializes them. A schema change yields a new name, which is what triggers the reindex and
    /// alias swap; the dynamic settings (replicas, refresh interval) are left out because changing them needs no new index.
    /// </summary>
    public string IndexNameFor(string alias, Serializer serializer)
    {
        var schema = serializer.SerializeToString(new CreateIndexRequest(alias) { Settings = new IndexSettings { Analysis = Analysis() }, Mappings = Mappings() });
        return $"{alias}-{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(schema)))[..8]}";
    }

    /// <param name="index">The concrete index to create.</param>
    /// <param name="alias">Added atomically with the index when given (first deployment); later swaps use _aliases.</param>
    public CreateIndexRequest ToCreateIndexRequest(string index, string? alias = null) => new(index)
    {
        Settings = new IndexSettings
        {
            NumberOfShards = NumberOfShards,
            NumberOfReplicas = NumberOfReplicas,
            RefreshInterval = RefreshInterval,
            Analysis = Analysis(),
        },
        Mappings = Mappings(),
        Aliases = alias is null ? null : new Dictionary<Name, Alias> { [alias] = new Alias() },
    };

    private static IndexSettingsAnalysis Analysis() => new()
    {
        // NTREX's Vietnamese text has U+200B between words; the standard tokenizer would glue the words together.
        CharFilters = new CharFilters { { ZeroWidthSpaceCharFilter, new PatternReplaceCharFilter { Pattern = "\\u200B", Replacement = " " } } },
        // Keeping the original token lets an exact "nguyễn" still outscore a folded match.
        TokenFilters = new TokenFilters { { FoldingFilter, new AsciiFoldingTokenFilter { PreserveOriginal = true } } },
        Analyzers = new Analyzers
        {
            { VietnameseAnalyzer, CustomAnalyzer("lowercase") },
            { FoldingAnalyzer, CustomAnalyzer("lowercase", FoldingFilter) },
        },
    };

    private static CustomAnalyzer CustomAnalyzer(params string[] filters) => new()
    {
        CharFilter = [ZeroWidthSpaceCharFilter],
        Tokenizer = "standard",
        Filter = filters,
    };

    /// <summary>The mapping of every Elasticsearch field of <see cref="IndexFields.All"/>, in the table's order.</summary>
    private static TypeMapping Mappings()
    {
        var properties = new Properties();
        foreach (var field in IndexFields.In(FieldBackends.Elasticsearch)) properties.Add(field.Name, PropertyOf(field));
        // Unknown fields stay in _source but are not indexed, so a new producer field cannot silently change the mapping.
        return new TypeMapping { Dynamic = DynamicMapping.False, Properties = properties };
    }

    private static IProperty PropertyOf(SchemaField field) => field.Kind switch
    {
        FieldKind.Keyword => new KeywordProperty(),
        FieldKind.Text => new TextProperty { Analyzer = AnalyzerFor(field.Analysis) },
        FieldKind.Date => new DateProperty(),
        // Display copies and bookkeeping: kept in _source, never searched.
        FieldKind.StoredKeyword => new KeywordProperty { Index = false },
        FieldKind.StoredText => new TextProperty { Index = false },
        FieldKind.StoredObject => new ObjectProperty { Enabled = false },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "no Elasticsearch mapping for this kind"),
    };
}
