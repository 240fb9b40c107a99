using System.Text.Json;
using System.Text.Json.Serialization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Serialization;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Stories;

namespace SearchSuite.Search.Elasticsearch;

/// <summary>
/// A document's _source in the index: the fields of <see cref="IndexFields"/> (snake_case through ElasticsearchJson) plus
/// the display copies that GetDocument and hits are rebuilt from, serialized by the client's source serializer (snake_case,
/// see <see cref="ElasticsearchIndexExtensions"/>). The per-language title/body pairs are written but never
/// read back: searches leave them out of _source (<see cref="SearchedOnlyFields"/>).
/// </summary>
public sealed class ElasticsearchDocument : DocumentSource
{
    /// <summary>
    /// The client's source serializer for documents: System.Text.Json with snake_case names (TitleDe → title_de, the
    /// schema's convention) and without nulls, so an unknown origin is absent rather than null.
    /// </summary>
    public static readonly ElasticsearchClientSettings.SourceSerializerFactory SourceSerializer = (_, settings) =>
        new DefaultSourceSerializer(settings, json =>
        {
            json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });

    /// <summary>_source patterns of the copies that exist only to be searched.</summary>
    public static readonly string[] SearchedOnlyFields = ["title_*", "body_*"];

    /// <summary>_source fields of a version as a grouped hit lists it (id, language, origin, outlet, title, duplicate, story).</summary>
    public static readonly string[] SummaryFields = ["id", "language", "origin_language", "outlet", "title", "duplicate_of", "story_id", "ingested_at"];

    /// <summary>The outlet normalised for the outlets filter (<see cref="IndexFields.OutletKeyOf"/>).</summary>
    public string? OutletKey { get; init; }
    /// <summary>
    /// The origin facet's value: the origin, or the document's own language when it has none (as the origin filter reads
    /// it). Written only; a read document's value is recomputed.
    /// </summary>
    public string OriginOrOwnLanguage => OriginLanguage ?? Language;
    public IReadOnlyList<string> NameKeys { get; init; } = [];
    public IReadOnlyList<string> RelatedNameKeys { get; init; } = [];
    /// <summary>The normalised tokens of both name lists, which the name vocabulary is aggregated from.</summary>
    public IReadOnlyList<string> NameForms { get; init; } = [];
    /// <summary>The story evidence terms (<see cref="Stories.StoryEvidence"/>) that candidate lookups query.</summary>
    public IReadOnlyList<string> StoryEvidence { get; init; } = [];

    /// <summary>
    /// The external version every write carries (microseconds of <see cref="IngestedAt"/>, the acceptance time), so the
    /// cluster itself keeps the newest version of an id: an older version or a redelivery that arrives after a newer one,
    /// or after the id's tombstone, is refused with a version conflict instead of overwriting it.
    /// </summary>
    [JsonIgnore]
    public long Version => Math.Max(0, (IngestedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond);

    /// <summary>title_{suffix} and body_{suffix} for each analysis of the document's language (<see cref="IndexFields.SuffixesFor"/>).</summary>
    [JsonExtensionData]
    public Dictionary<string, object>? LanguageFields { get; init; }

    /// <summary>The client's deserializer builds documents this way.</summary>
    public ElasticsearchDocument()
    {
    }

    private ElasticsearchDocument(IndexedDocument indexed) : base(indexed.Document)
    {
        // A tombstone carries no searchable field.
        if (indexed.Deleted) return;
        OutletKey = indexed.OutletKey;
        NameKeys = indexed.NameKeys;
        RelatedNameKeys = indexed.RelatedNameKeys;
        NameForms = indexed.NameForms;
        StoryEvidence = indexed.StoryEvidence.Terms;
        LanguageFields = IndexFields.SuffixesFor(Language)
            .SelectMany(suffix => new[] { ($"title_{suffix}", Title), ($"body_{suffix}", Text) })
            .ToDictionary(field => field.Item1, object (field) => field.Item2);
    }

    public static ElasticsearchDocument From(IndexedDocument indexed) => new(indexed);

    /// <summary>
    /// The document as story assignment compares it: its evidence extracted again from the stored document (a function
    /// of the document alone), so the ranks and weights are those the Lucene backend keeps in its card.
    /// </summary>
    public StoryCandidate ToCandidate()
    {
        var document = ToNormalized();
        return StoryFields.CandidateOf(document, Stories.StoryEvidence.Extract(document));
    }
}
