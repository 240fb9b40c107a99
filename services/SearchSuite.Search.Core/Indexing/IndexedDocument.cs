using SearchSuite.Contracts;
using SearchSuite.Search.Stories;

namespace SearchSuite.Search.Indexing;

/// <summary>
/// What a backend indexes of one document, computed once by the indexing step (<see cref="From"/>): the document with its
/// story, the name keys and forms, and the story evidence. Both backends map only this, so neither computes keys (nor
/// registers names) in its mapping code, and both index the same terms for the same document.
/// </summary>
public sealed record IndexedDocument
{
    /// <summary>The normalized document; its <see cref="DocumentNormalized.StoryId"/> is never empty (see <see cref="From"/>).</summary>
    public required DocumentNormalized Document { get; init; }

    /// <summary>Keys of <see cref="DocumentNormalized.PersonNames"/> and of the title's and text's capitalised words (<see cref="IndexFields.NameKeys"/>).</summary>
    public IReadOnlyList<string> NameKeys { get; init; } = [];

    /// <summary>Keys of <see cref="DocumentNormalized.RelatedPersonNames"/> and of the related headlines' capitalised words (<see cref="IndexFields.RelatedNameKeys"/>).</summary>
    public IReadOnlyList<string> RelatedNameKeys { get; init; } = [];

    /// <summary>The normalised tokens of both name lists (<see cref="IndexFields.NameForms"/>), which the name vocabulary follows.</summary>
    public IReadOnlyList<string> NameForms { get; init; } = [];

    /// <summary>The story evidence (<see cref="StoryEvidence.Extract"/>): the terms candidate lookups query, with their order and weights.</summary>
    public DocumentEvidence StoryEvidence { get; init; } = DocumentEvidence.OfTerms([]);

    public string DocumentId => Document.DocumentId;

    public bool Deleted => Document.Deleted;

    /// <summary>The origin filter's and facet's value: a document with no known origin counts as original in its own language.</summary>
    public string OriginOrOwnLanguage => Document.OriginLanguage ?? Document.Language;

    /// <summary>The outlet normalised for the outlets filter (<see cref="IndexFields.OutletKeyOf"/>); null without an outlet.</summary>
    public string? OutletKey => Document.Outlet is { Length: > 0 } outlet ? IndexFields.OutletKeyOf(outlet) : null;

    /// <summary>What story assignment reads of this document once it is indexed.</summary>
    public StoryCandidate Candidate => StoryFields.CandidateOf(Document, StoryEvidence);

    /// <summary>
    /// Registers the document's person names with <paramref name="names"/> (the vocabulary name expansion searches) and
    /// computes what the backends index. A document no story assignment has seen (grouping off, or a backend used on its
    /// own) is the first version of a story named after it, so story_id is never empty once searchable. A tombstone
    /// carries no searchable field.
    /// </summary>
    public static IndexedDocument From(DocumentNormalized document, IIndexedNames names)
    {
        if (document.Deleted) return new IndexedDocument { Document = document };
        var withStory = document.StoryId.Length > 0 ? document : document with { StoryId = document.DocumentId };
        return new IndexedDocument
        {
            Document = withStory,
            NameKeys = KeysOf(withStory.PersonNames, [withStory.Title, withStory.Text], names),
            RelatedNameKeys = KeysOf(withStory.RelatedPersonNames, withStory.RelatedHeadlines, names),
            NameForms = IIndexedNames.FormsOf(withStory.PersonNames.Concat(withStory.RelatedPersonNames)),
            StoryEvidence = Stories.StoryEvidence.Extract(withStory),
        };
    }

    /// <summary>The names' keys and, for the names the extractor missed, the keys of the texts' capitalised words.</summary>
    private static string[] KeysOf(IReadOnlyList<string> personNames, IEnumerable<string> texts, IIndexedNames names) =>
        [.. personNames.SelectMany(names.Register).Concat(texts.SelectMany(names.KeysOfCapitalisedWords)).Distinct(StringComparer.Ordinal)];
}

public static class SearchIndexExtensions
{
    /// <summary>Indexes <paramref name="documents"/> as the indexing step does: each one's <see cref="IndexedDocument"/> computed with <paramref name="names"/>.</summary>
    public static Task IndexAsync(this ISearchIndex index, IReadOnlyList<DocumentNormalized> documents, IIndexedNames names, CancellationToken cancellationToken) =>
        index.IndexAsync([.. documents.Select(d => IndexedDocument.From(d, names))], cancellationToken);
}
