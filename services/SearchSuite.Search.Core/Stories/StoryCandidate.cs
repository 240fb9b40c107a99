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
    public IReadOnlyList<string> LookupTerms { get; } = MostWeighty(Evidence.Terms);

    /// <summary>
    /// The stable order by descending kind weight, cut at <see cref="MaxTerms"/>: one pass over the terms per distinct
    /// weight (the kinds have four), where LINQ's ordering allocated keys, a map and a buffer per document.
    /// </summary>
    private static string[] MostWeighty(IReadOnlyList<string> terms)
    {
        var chosen = new string[Math.Min(terms.Count, MaxTerms)];
        var count = 0;
        var below = float.PositiveInfinity;
        while (count < chosen.Length)
        {
            // The next lower weight among the terms, then those of its terms, in term order.
            var weight = float.NegativeInfinity;
            foreach (var term in terms)
                if (StoryEvidence.WeightOf(StoryEvidence.KindOf(term)) is var w && w < below && w > weight) weight = w;
            for (var i = 0; i < terms.Count && count < chosen.Length; i++)
                if (StoryEvidence.WeightOf(StoryEvidence.KindOf(terms[i])) == weight) chosen[count++] = terms[i];
            below = weight;
        }
        return chosen;
    }
}

/// <summary>The rules every backend applies to story fields.</summary>
public static class StoryFields
{
    public static StoryCandidate CandidateOf(DocumentNormalized document, DocumentEvidence evidence) =>
        new(document.DocumentId, document.StoryId, document.DuplicateOf, document.Fingerprint, evidence, StoryEvidence.PublishedAt(document));
}
