using SearchSuite.Contracts;
using SearchSuite.Text.Attribution;
using SearchSuite.Text.Boilerplate;
using SearchSuite.Text.Names;
using SearchSuite.Text.Pipeline;

namespace SearchSuite.Text;

/// <summary>
/// Raw article → NormalizedDocument, like a Lucene analyzer: Unicode hygiene, then boilerplate
/// steps in a fixed order over the lines, then the fields derived from the clean text.
/// Stateless and thread-safe: share one instance.
/// </summary>
public sealed class DocumentNormalizer
{
    private static readonly char[] ListSeparator = [','];

    // Order matters: the tail listings go before the title step, so an episode title that repeats
    // is not mistaken for the article's headline; the dateline is read from what remains first.
    private readonly IDraftStep[] _steps =
    [
        new SourceLineExtractor(),
        new PublicationDateExtractor(),
        MarkerLineRemover.PrivacyNotices(),
        new PodcastListingRemover(),
        new RelatedArticlesRemover(),
        MarkerLineRemover.AdMarkers(),
        MarkerLineRemover.CommentCounters(),
        new TitleExtractor(),
        new DatelineExtractor(),
    ];

    public NormalizedDocument Normalize(RawDocument raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var metadata = raw.Metadata ?? new Dictionary<string, string>();
        var draft = new DocumentDraft(UnicodeHygiene.Apply(raw.Text), raw.Title);
        foreach (var step in _steps) step.Apply(draft);

        var title = draft.Title ?? "";
        var body = draft.Body();
        var sourceUrl = raw.SourceUrl ?? draft.SourceUrl;
        var knownOutlet = KnownOutlets.FromUrl(sourceUrl) ?? KnownOutlets.FromName(draft.DatelineOutlet) ?? KnownOutlets.FromHeadlineSuffix(title);
        var outlet = DocumentSubmitted.MetadataValue(metadata, "outlet") ?? knownOutlet?.Name ?? draft.DatelineOutlet;
        var language = DetectLanguage(raw, title, body);
        var personNames = PersonNameExtractor.Extract([title, body]);

        return new NormalizedDocument(
            Title: title,
            Body: body,
            Language: language.Language,
            LanguageConfidence: language.Confidence,
            OriginLanguage: DocumentSubmitted.MetadataValue(metadata, "origin_language") ?? OriginLanguage.Infer(knownOutlet, sourceUrl),
            SourceUrl: sourceUrl,
            Outlet: outlet,
            CitedSources: DocumentSubmitted.MetadataValue(metadata, "cited_sources") is { } cited
                ? [.. cited.Split(ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
                : CitedSourceExtractor.Extract(title + "\n" + body),
            RelatedHeadlines: [.. draft.RelatedHeadlines],
            Removed: draft.Removed(),
            PersonNames: personNames,
            RelatedPersonNames: PersonNameExtractor.Extract(draft.RelatedHeadlines, personNames),
            Fingerprint: ContentFingerprint.Compute(body),
            PublishedAt: draft.PublishedAt);
    }

    private static LanguageGuess DetectLanguage(RawDocument raw, string title, string body) =>
        string.IsNullOrWhiteSpace(raw.LanguageHint) ? LanguageIdentifier.Identify(title + "\n" + body) : new LanguageGuess(raw.LanguageHint.Trim(), 1.0);
}
