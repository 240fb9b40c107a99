using System.Text.Json;
using SearchSuite.Contracts;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// What the Lucene index stores as a document's source (<see cref="IndexFields.Source"/>): a search-owned, versioned
/// record, so that renaming or reshaping a message contract (<see cref="DocumentNormalized"/>) never makes an existing
/// index unreadable. A change to this shape bumps <see cref="CurrentSchemaVersion"/> and keeps reading the versions before it.
/// Version 0 is the shape stored before this record existed: the contract itself, serialized with the web defaults.
/// </summary>
public sealed record StoredDocument
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>Absent (0) in a version-0 source.</summary>
    public int SchemaVersion { get; init; }
    public string Id { get; init; } = "";
    public string Language { get; init; } = "";
    public double? LanguageConfidence { get; init; }
    public string? OriginLanguage { get; init; }
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
    public string? SourceUrl { get; init; }
    public string? Outlet { get; init; }
    public IReadOnlyList<string> CitedSources { get; init; } = [];
    public IReadOnlyList<string> RelatedHeadlines { get; init; } = [];
    public IReadOnlyList<StoredRemovedText> Removed { get; init; } = [];
    public IReadOnlyList<string> PersonNames { get; init; } = [];
    public IReadOnlyList<string> RelatedPersonNames { get; init; } = [];
    public string Fingerprint { get; init; } = "";
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset IngestedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string StoryId { get; init; } = "";
    public string? DuplicateOf { get; init; }
    public IReadOnlyList<string> MergedStoryIds { get; init; } = [];
    public bool Deleted { get; init; }

    /// <summary>The source to store for <paramref name="document"/>, in the current version.</summary>
    public static string Write(DocumentNormalized document) => JsonSerializer.Serialize(new StoredDocument
    {
        SchemaVersion = CurrentSchemaVersion,
        Id = document.DocumentId,
        Language = document.Language,
        LanguageConfidence = document.LanguageConfidence,
        OriginLanguage = document.OriginLanguage,
        Title = document.Title,
        Text = document.Text,
        SourceUrl = document.SourceUrl,
        Outlet = document.Outlet,
        CitedSources = document.CitedSources,
        RelatedHeadlines = document.RelatedHeadlines,
        Removed = [.. document.Removed.Select(r => new StoredRemovedText(r.Kind, r.Text, r.Start, r.Length))],
        PersonNames = document.PersonNames,
        RelatedPersonNames = document.RelatedPersonNames,
        Fingerprint = document.Fingerprint,
        Metadata = document.Metadata,
        IngestedAt = document.SubmittedAt,
        PublishedAt = document.PublishedAt,
        StoryId = document.StoryId,
        DuplicateOf = document.DuplicateOf,
        MergedStoryIds = document.MergedStoryIds,
        Deleted = document.Deleted,
    }, JsonSerializerOptions.Web);

    /// <summary>The document a stored source of any version up to <see cref="CurrentSchemaVersion"/> holds.</summary>
    public static DocumentNormalized Read(string source)
    {
        var stored = JsonSerializer.Deserialize<StoredDocument>(source, JsonSerializerOptions.Web)
                     ?? throw new InvalidDataException("A stored document has an empty source.");
        return stored.SchemaVersion switch
        {
            // One parse more, only for documents indexed before the versioned source; they are replaced as they are re-indexed.
            0 => JsonSerializer.Deserialize<DocumentNormalized>(source, JsonSerializerOptions.Web)
                 ?? throw new InvalidDataException("A stored version-0 document has an empty source."),
            CurrentSchemaVersion => stored.ToDocument(),
            var version => throw new InvalidDataException(
                $"A stored document has source schema version {version}; this build reads up to {CurrentSchemaVersion}. Was the index written by a newer SearchSuite?"),
        };
    }

    private DocumentNormalized ToDocument() => new()
    {
        DocumentId = Id,
        Language = Language,
        LanguageConfidence = LanguageConfidence,
        OriginLanguage = OriginLanguage,
        Title = Title,
        Text = Text,
        SourceUrl = SourceUrl,
        Outlet = Outlet,
        CitedSources = CitedSources,
        RelatedHeadlines = RelatedHeadlines,
        Removed = [.. Removed.Select(r => new RemovedText(r.Kind, r.Text, r.Start, r.Length))],
        PersonNames = PersonNames,
        RelatedPersonNames = RelatedPersonNames,
        Fingerprint = Fingerprint,
        Metadata = Metadata,
        SubmittedAt = IngestedAt,
        PublishedAt = PublishedAt,
        StoryId = StoryId,
        DuplicateOf = DuplicateOf,
        MergedStoryIds = MergedStoryIds,
        Deleted = Deleted,
    };
}

/// <summary>A piece of boilerplate normalize removed, as <see cref="StoredDocument"/> keeps it.</summary>
public sealed record StoredRemovedText(string Kind, string Text, int Start, int Length);
