namespace SearchSuite.Text;

/// <summary>An article as it arrives from ingest: text plus whatever the source already knows.</summary>
/// <param name="Title">The client's title (or its "title" metadata key, applied at ingest): wins over the headline line.</param>
/// <param name="SourceUrl">The client's source URL (or "source_url"): wins over a source line in the text.</param>
/// <param name="LanguageHint">The client's language (or "language"): wins over identification.</param>
/// <param name="Metadata">Overrides the derived fields that have no field of their own; keys: outlet, origin_language, cited_sources (comma-separated).</param>
public sealed record RawDocument(
    string Text,
    string? Title = null,
    string? SourceUrl = null,
    string? LanguageHint = null,
    IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>The clean article and everything learned about it.</summary>
/// <param name="Body">The article text word for word, paragraphs joined by '\n', boilerplate removed.</param>
/// <param name="Language">ISO 639-1 code, or "und" when detection is unsure.</param>
/// <param name="RelatedHeadlines">Headlines of linked articles: searchable, but with low weight.</param>
/// <param name="Removed">Everything taken out of the hygiene-normalized text, in text order.</param>
/// <param name="PersonNames">Person-name mentions in title and body, in order of first appearance.</param>
/// <param name="RelatedPersonNames">Person-name mentions found only in related headlines.</param>
/// <param name="Fingerprint">ContentFingerprint of the body.</param>
/// <param name="PublishedAt">The publication time a date line in the text states (never guessed); null without one.</param>
public sealed record NormalizedDocument(
    string Title,
    string Body,
    string Language,
    double LanguageConfidence,
    string? OriginLanguage,
    string? SourceUrl,
    string? Outlet,
    IReadOnlyList<string> CitedSources,
    IReadOnlyList<string> RelatedHeadlines,
    IReadOnlyList<RemovedSpan> Removed,
    IReadOnlyList<string> PersonNames,
    IReadOnlyList<string> RelatedPersonNames,
    string Fingerprint,
    DateTimeOffset? PublishedAt = null);

/// <summary>A piece of the input that is not part of the body.</summary>
/// <param name="Start">Offset into the hygiene-normalized input (UnicodeHygiene.Apply of RawDocument.Text).</param>
public sealed record RemovedSpan(RemovedKind Kind, int Start, int Length, string Text);

public enum RemovedKind
{
    /// <summary>The headline line, moved to NormalizedDocument.Title.</summary>
    Title,
    /// <summary>A later line repeating the headline.</summary>
    RepeatedTitle,
    /// <summary>"(Dan Tri) –" before the first sentence; the outlet goes to NormalizedDocument.Outlet.</summary>
    Dateline,
    /// <summary>"Quelle: URL"; the URL goes to NormalizedDocument.SourceUrl.</summary>
    SourceLine,
    /// <summary>"Lesen Sie auch" and its headlines (which also go to RelatedHeadlines).</summary>
    RelatedArticles,
    AdMarker,
    CommentCounter,
    PrivacyNotice,
    /// <summary>Episode count, episode titles, teasers and durations after a podcast article.</summary>
    PodcastListing,
    /// <summary>Category headers and slug links of a directory ("Populärt inom …", "rss-dagen-med-di").</summary>
    DirectoryLinks,
    /// <summary>"Stand: 04.03.2025 17:32 Uhr", "Published 4 March 2025"; the date goes to NormalizedDocument.PublishedAt.</summary>
    PublicationDate,
}

/// <summary>A detected language with a confidence in [0, 1].</summary>
public readonly record struct LanguageGuess(string Language, double Confidence)
{
    public const string Undetermined = SearchSuite.Contracts.IsoLanguage.Undetermined;
}
