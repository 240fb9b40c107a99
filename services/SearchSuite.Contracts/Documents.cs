using System.Text.Json.Serialization;

namespace SearchSuite.Contracts;

/// <summary>A document as a client submits it: raw text plus optional hints.</summary>
/// <remarks>This is also the JSON shape non-.NET systems publish in <see cref="SubmitDocuments"/>.</remarks>
// Other systems publish this as plain JSON: a property it does not have (say document_id for documentId) is refused,
// never dropped silently.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DocumentSubmission
{
    public string? DocumentId { get; init; }
    public string Text { get; init; } = "";
    public string? Title { get; init; }
    public string? SourceUrl { get; init; }
    public string? Language { get; init; }
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>Command: ingest a batch of documents. Consumed by ingest from the <c>submit-documents</c> queue.</summary>
/// <remarks>Accepted as MassTransit's envelope or as plain JSON: <c>{"documents":[{"text":"…"}]}</c>.</remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubmitDocuments
{
    public IReadOnlyList<DocumentSubmission> Documents { get; init; } = [];
    /// <summary>Ids of documents to delete, after this message's documents (JSON <c>"deleteDocumentIds"</c>).</summary>
    public IReadOnlyList<string> DeleteDocumentIds { get; init; } = [];
}

/// <summary>A valid document ingest accepted under a final, deterministic id; travels in <see cref="DocumentsSubmitted"/>.</summary>
public sealed record DocumentSubmitted
{
    public required string DocumentId { get; init; }
    public required string Text { get; init; }
    public string? Title { get; init; }
    public string? SourceUrl { get; init; }
    public string? Language { get; init; }
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset SubmittedAt { get; init; }
    /// <summary>The client's publication time (<see cref="PublicationTime.MetadataKey"/>); null when it stated none.</summary>
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>
    /// A deletion, not a document (no text): it travels the document's own path, so it never overtakes the document's
    /// indexing, and search keeps it as a tombstone that wins over every older version (<see cref="SubmittedAt"/>).
    /// </summary>
    public bool Deleted { get; init; }

    /// <summary>Metadata keys that override a field of their own (<see cref="WithMetadataOverrides"/>).</summary>
    public const string TitleKey = "title", SourceUrlKey = "source_url", LanguageKey = "language";

    /// <summary>
    /// The document with its metadata overrides applied to the fields they override: a non-blank "title", "source_url"
    /// or "language" key wins over the field. Ingest applies it once, so normalize reads each override from one place,
    /// the field. Idempotent; the keys stay in <see cref="Metadata"/> as the client sent them.
    /// </summary>
    public DocumentSubmitted WithMetadataOverrides() => this with
    {
        Title = Override(TitleKey) ?? Title,
        SourceUrl = Override(SourceUrlKey) ?? SourceUrl,
        Language = Override(LanguageKey) ?? Language,
    };

    /// <summary>What a metadata key says when it overrides or supplies a field: its value trimmed, or null when absent or blank.</summary>
    public static string? MetadataValue(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private string? Override(string key) => MetadataValue(Metadata, key);
}

/// <summary>A piece of boilerplate that normalize removed, kept so nothing is lost.</summary>
/// <param name="Start">Where it began in the submitted text after Unicode hygiene (the offsets normalize works in).</param>
/// <param name="Length">Its length there; 0 in a message from before the offsets were carried (a removed piece is never empty).</param>
public sealed record RemovedText(string Kind, string Text, int Start = 0, int Length = 0);

/// <summary>A clean, attributed document ready to index; travels in <see cref="DocumentsNormalized"/>.</summary>
public sealed record DocumentNormalized
{
    public required string DocumentId { get; init; }
    public required string Language { get; init; }
    /// <summary>
    /// How sure language identification was of <see cref="Language"/>, in [0, 1]: 1 when the client stated the language;
    /// null on a tombstone and in a message from before it was carried.
    /// </summary>
    public double? LanguageConfidence { get; init; }
    public string? OriginLanguage { get; init; }
    public string Title { get; init; } = "";
    public required string Text { get; init; }
    public string? SourceUrl { get; init; }
    public string? Outlet { get; init; }
    public IReadOnlyList<string> CitedSources { get; init; } = [];
    public IReadOnlyList<string> RelatedHeadlines { get; init; } = [];
    public IReadOnlyList<RemovedText> Removed { get; init; } = [];
    public IReadOnlyList<string> PersonNames { get; init; } = [];
    public IReadOnlyList<string> RelatedPersonNames { get; init; } = [];
    public string Fingerprint { get; init; } = "";
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    /// <summary>When ingest accepted this version (kept beside <see cref="PublishedAt"/>; it orders versions of one id).</summary>
    public DateTimeOffset SubmittedAt { get; init; }
    /// <summary>When the article was published: the client's <see cref="PublicationTime.MetadataKey"/>, else a date line in the text; never guessed.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The story this document is a version of; set by search when it indexes the document (empty before).</summary>
    public string StoryId { get; init; } = "";
    /// <summary>The id of the earlier document with the same content, when this one is a (near-)duplicate of it.</summary>
    public string? DuplicateOf { get; init; }
    /// <summary>Stories that were merged into <see cref="StoryId"/> when this document bridged them (the merge record).</summary>
    public IReadOnlyList<string> MergedStoryIds { get; init; } = [];
    /// <summary>A tombstone (<see cref="DocumentSubmitted.Deleted"/>): the document is gone, and older versions stay gone.</summary>
    public bool Deleted { get; init; }

    /// <summary>The tombstone of a deletion accepted at <paramref name="deletedAt"/>.</summary>
    public static DocumentNormalized Tombstone(string documentId, DateTimeOffset deletedAt) =>
        new() { DocumentId = documentId, Language = "und", Text = "", SubmittedAt = deletedAt, Deleted = true };
}

/// <summary>
/// Event: ingest accepted these documents. Documents travel between the services in batches, because a broker message
/// per document costs more CPU (envelope, routing, confirm, acknowledgement) than normalizing the document. Ingest bounds
/// a batch by count and characters (<c>Ingest:PublishBatchSize</c>, <c>Ingest:PublishBatchMaxCharacters</c>).
/// </summary>
public sealed record DocumentsSubmitted
{
    public IReadOnlyList<DocumentSubmitted> Documents { get; init; } = [];
}

/// <summary>Event: normalize cleaned a <see cref="DocumentsSubmitted"/> batch; the same documents, in one message.</summary>
public sealed record DocumentsNormalized
{
    public IReadOnlyList<DocumentNormalized> Documents { get; init; } = [];
}
