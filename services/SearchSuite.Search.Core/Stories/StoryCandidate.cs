using SearchSuite.Contracts;

namespace SearchSuite.Search.Stories;

/// <summary>
/// An indexed document as story assignment sees it: its story, whether it duplicates another, its content fingerprint and
/// its evidence terms (<see cref="StoryEvidence"/>). Backends return these without reading the whole stored document.
/// </summary>
public sealed record StoryCandidate(string DocumentId, string StoryId, string? DuplicateOf, string Fingerprint, DocumentEvidence Evidence, DateTimeOffset? PublishedAt);

/// <summary>
/// A bounded candidate lookup: documents that share the most (weighted) evidence terms or the fingerprint. Backends skip
/// terms so common that their postings would grow with the index (<see cref="MaxTermDocumentFrequency"/>), so the cost per
/// document stays flat.
/// </summary>
public sealed record StoryCandidateQuery(DocumentEvidence Evidence, string Fingerprint, int Limit)
{
    /// <summary>Most evidence terms one lookup uses.</summary>
    public const int MaxTerms = 64;
    /// <summary>A term in more documents than this says little about which story a document belongs to and is left out of the lookup.</summary>
    public const int MaxTermDocumentFrequency = 500;

    /// <summary>
    /// The evidence terms a lookup uses: the <see cref="MaxTerms"/> of most weight (by kind; ties in term order). Chosen
    /// once, since a batch lookup reads them twice per document (its postings, then its scores).
    /// </summary>
    public IReadOnlyList<string> LookupTerms { get; } = [.. Evidence.Terms.OrderByDescending(e => StoryEvidence.WeightOf(StoryEvidence.KindOf(e))).Take(MaxTerms)];
}

/// <summary>The rules every backend applies to story fields.</summary>
public static class StoryFields
{
    public static StoryCandidate CandidateOf(DocumentNormalized document, DocumentEvidence evidence) =>
        new(document.DocumentId, document.StoryId, document.DuplicateOf, document.Fingerprint, evidence, StoryEvidence.PublishedAt(document));
}
