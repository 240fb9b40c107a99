using SearchSuite.Contracts;

namespace SearchSuite.Search.Indexing;

/// <summary>
/// The copy of a document that a backend stores and rebuilds <see cref="DocumentNormalized"/> from: a search-owned
/// record, not the message contract, so renaming a contract property changes no stored document. One mapping each way
/// for both backends: Elasticsearch's _source extends it with the fields it only searches, Lucene's stored source
/// with its schema version.
/// </summary>
public class DocumentSource
{
    public DocumentSource()
    {
    }

    protected DocumentSource(DocumentNormalized document)
    {
        Id = document.DocumentId;
        Language = document.Language;
        LanguageConfidence = document.LanguageConfidence;
        OriginLanguage = document.OriginLanguage;
        Title = document.Title;
        Text = document.Text;
        SourceUrl = document.SourceUrl;
        Outlet = document.Outlet;
        CitedSources = document.CitedSources;
        Fingerprint = document.Fingerprint;
        IngestedAt = document.SubmittedAt;
        PublishedAt = document.PublishedAt;
        Related = document.RelatedHeadlines;
        Names = document.PersonNames;
        RelatedNames = document.RelatedPersonNames;
        Removed = [.. document.Removed.Select(r => new RemovedSource(r.Kind, r.Text, r.Start, r.Length))];
        Metadata = document.Metadata;
        StoryId = document.StoryId;
        DuplicateOf = document.DuplicateOf;
        MergedStoryIds = document.MergedStoryIds;
        Tombstone = document.Deleted ? true : null;
    }

    // Not required: a Lucene source of version 0 (the contract's shape) has neither, and is told apart after parsing.
    public string Id { get; init; } = "";
    public string Language { get; init; } = "";
    /// <summary>How sure language identification was; absent when unknown (a tombstone, or stored before it was carried).</summary>
    public double? LanguageConfidence { get; init; }
    /// <summary>Absent when unknown; the origin filter then counts the document as original in its own language.</summary>
    public string? OriginLanguage { get; init; }
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
    public string? SourceUrl { get; init; }
    public string? Outlet { get; init; }
    public IReadOnlyList<string> CitedSources { get; init; } = [];
    public string Fingerprint { get; init; } = "";
    /// <summary>When ingest accepted this version (<see cref="DocumentNormalized.SubmittedAt"/>).</summary>
    public DateTimeOffset IngestedAt { get; init; }
    /// <summary>Absent on an undated document, which then sorts last and never passes a date filter.</summary>
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>Related-article headlines (searchable at <see cref="IndexFields.RelatedBoost"/>).</summary>
    public IReadOnlyList<string> Related { get; init; } = [];
    public IReadOnlyList<string> Names { get; init; } = [];
    public IReadOnlyList<string> RelatedNames { get; init; } = [];
    public IReadOnlyList<RemovedSource> Removed { get; init; } = [];
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    public string StoryId { get; init; } = "";
    public string? DuplicateOf { get; init; }
    public IReadOnlyList<string> MergedStoryIds { get; init; } = [];
    /// <summary>True on a deleted document's tombstone (no searchable field, not found by GetDocument); absent otherwise.</summary>
    public bool? Tombstone { get; init; }

    public DocumentNormalized ToNormalized() => new()
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
        Fingerprint = Fingerprint,
        SubmittedAt = IngestedAt,
        PublishedAt = PublishedAt,
        RelatedHeadlines = Related,
        PersonNames = Names,
        RelatedPersonNames = RelatedNames,
        Removed = [.. Removed.Select(r => new RemovedText(r.Kind, r.Text, r.Start, r.Length))],
        Metadata = Metadata,
        StoryId = StoryId,
        DuplicateOf = DuplicateOf,
        MergedStoryIds = MergedStoryIds,
        Deleted = Tombstone == true,
    };
}

/// <summary>A piece of boilerplate normalize removed, as <see cref="DocumentSource"/> keeps it (offsets 0 when stored before they were carried).</summary>
public sealed record RemovedSource(string Kind, string Text, int Start = 0, int Length = 0);
