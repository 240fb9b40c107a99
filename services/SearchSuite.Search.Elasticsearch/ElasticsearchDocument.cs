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
public sealed class ElasticsearchDocument
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

    public required string Id { get; init; }
    public required string Language { get; init; }
    /// <summary>Absent when unknown; the origin filter then counts the document as original in its own language.</summary>
    public string? OriginLanguage { get; init; }
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
    public string? SourceUrl { get; init; }
    public string? Outlet { get; init; }
    public IReadOnlyList<string> CitedSources { get; init; } = [];
    public string Fingerprint { get; init; } = "";
    public DateTimeOffset IngestedAt { get; init; }
    /// <summary>Absent on an undated document, which then sorts last and never passes a date filter.</summary>
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>The outlet normalised for the outlets filter (<see cref="IndexFields.OutletKeyOf"/>).</summary>
    public string? OutletKey { get; init; }
    /// <summary>
    /// The origin facet's value: the origin, or the document's own language when it has none (as the origin filter reads
    /// it). Written only; a read document's value is recomputed.
    /// </summary>
    public string OriginOrOwnLanguage => OriginLanguage ?? Language;
    /// <summary>True on a deleted document's tombstone (no searchable field, not found by GetDocument); absent otherwise.</summary>
    public bool? Tombstone { get; init; }
    /// <summary>Related-article headlines (searchable at <see cref="IndexFields.RelatedBoost"/>).</summary>
    public IReadOnlyList<string> Related { get; init; } = [];
    public IReadOnlyList<string> Names { get; init; } = [];
    public IReadOnlyList<string> RelatedNames { get; init; } = [];
    public IReadOnlyList<string> NameKeys { get; init; } = [];
    public IReadOnlyList<string> RelatedNameKeys { get; init; } = [];
    /// <summary>The normalised tokens of both name lists, which the name vocabulary is aggregated from.</summary>
    public IReadOnlyList<string> NameForms { get; init; } = [];
    public IReadOnlyList<RemovedText> Removed { get; init; } = [];
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    public string StoryId { get; init; } = "";
    public string? DuplicateOf { get; init; }
    public IReadOnlyList<string> MergedStoryIds { get; init; } = [];
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

    /// <summary>Registers each person name with <paramref name="names"/> and indexes the keys it returns, as the Lucene backend does.</summary>
    public static ElasticsearchDocument From(DocumentNormalized document, IIndexedNames names) => document.Deleted
        ? new ElasticsearchDocument { Id = document.DocumentId, Language = document.Language, IngestedAt = document.SubmittedAt, Tombstone = true }
        : FromWithStory(StoryFields.WithStory(document), names);

    private static ElasticsearchDocument FromWithStory(DocumentNormalized document, IIndexedNames names) => new()
    {
        Id = document.DocumentId,
        Language = document.Language,
        OriginLanguage = document.OriginLanguage,
        Title = document.Title,
        Text = document.Text,
        SourceUrl = document.SourceUrl,
        Outlet = document.Outlet,
        CitedSources = document.CitedSources,
        Fingerprint = document.Fingerprint,
        IngestedAt = document.SubmittedAt,
        PublishedAt = document.PublishedAt,
        OutletKey = document.Outlet is { Length: > 0 } outlet ? IndexFields.OutletKeyOf(outlet) : null,
        Related = document.RelatedHeadlines,
        Names = document.PersonNames,
        RelatedNames = document.RelatedPersonNames,
        NameKeys = KeysOf(document.PersonNames, [document.Title, document.Text], names),
        RelatedNameKeys = KeysOf(document.RelatedPersonNames, document.RelatedHeadlines, names),
        NameForms = IIndexedNames.FormsOf(document.PersonNames.Concat(document.RelatedPersonNames)),
        Removed = document.Removed,
        Metadata = document.Metadata,
        StoryId = document.StoryId,
        DuplicateOf = document.DuplicateOf,
        MergedStoryIds = document.MergedStoryIds,
        StoryEvidence = Stories.StoryEvidence.Extract(document).Terms,
        LanguageFields = IndexFields.SuffixesFor(document.Language)
            .SelectMany(suffix => new[] { ($"title_{suffix}", document.Title), ($"body_{suffix}", document.Text) })
            .ToDictionary(field => field.Item1, object (field) => field.Item2),
    };

    public DocumentNormalized ToNormalized() => new()
    {
        DocumentId = Id,
        Language = Language,
        OriginLanguage = OriginLanguage,
        Title = Title,
        Text = Text,
        SourceUrl = SourceUrl,
        Outlet = Outlet,
        CitedSources = CitedSources,
        Fingerprint = Fingerprint,
        SubmittedAt = IngestedAt,
        PublishedAt = PublishedAt,
        RelatedHeadlines = Related,
        PersonNames = Names,
        RelatedPersonNames = RelatedNames,
        Removed = Removed,
        Metadata = Metadata,
        StoryId = StoryId,
        DuplicateOf = DuplicateOf,
        MergedStoryIds = MergedStoryIds,
        Deleted = Tombstone == true,
    };

    /// <summary>
    /// The document as story assignment compares it: its evidence extracted again from the stored document (a function
    /// of the document alone), so the ranks and weights are those the Lucene backend keeps in its card.
    /// </summary>
    public StoryCandidate ToCandidate()
    {
        var document = ToNormalized();
        return StoryFields.CandidateOf(document, Stories.StoryEvidence.Extract(document));
    }

    /// <summary>The names' keys and, for the names the extractor missed, the keys of the texts' capitalised words.</summary>
    private static string[] KeysOf(IReadOnlyList<string> personNames, IEnumerable<string> texts, IIndexedNames names) =>
        [.. personNames.SelectMany(names.Register).Concat(texts.SelectMany(names.KeysOfCapitalisedWords)).Distinct(StringComparer.Ordinal)];
}
