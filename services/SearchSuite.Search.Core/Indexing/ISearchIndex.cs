using SearchSuite.Contracts;
using SearchSuite.Search.Querying;
using SearchSuite.Search.Stories;

namespace SearchSuite.Search.Indexing;

/// <summary>
/// A search backend (embedded Lucene or Elasticsearch). Both take the same <see cref="QueryPlan"/>, so a query
/// means the same thing whichever backend answers it.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Adds or replaces documents by id (idempotent), durably, and makes them searchable.</summary>
    Task IndexAsync(IReadOnlyList<IndexedDocument> documents, CancellationToken cancellationToken);

    /// <summary>
    /// The distinct <see cref="IndexFields.NameForms"/> of the live documents: the name vocabulary follows it, so every
    /// replica on the same index expands the same names, and a replaced document's names leave the vocabulary.
    /// </summary>
    Task<IReadOnlyCollection<string>> ReadNameFormsAsync(CancellationToken cancellationToken);

    Task<IndexSearchResult> SearchAsync(QueryPlan plan, CancellationToken cancellationToken);

    /// <summary>The document as last indexed, or null while it is not yet searchable.</summary>
    Task<DocumentNormalized?> GetAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>
    /// For each query (one per document of an indexing batch, answered in order): the indexed documents that share the most
    /// evidence with it, best first, through bounded lookups of the evidence terms (never a scan). Documents of the same
    /// fingerprint always come first. One call per batch, so that a batch's lookups share their term seeks and cards.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<StoryCandidate>>> FindStoryCandidatesAsync(IReadOnlyList<StoryCandidateQuery> queries, CancellationToken cancellationToken);

    /// <summary>Every version of a story (at most <paramref name="limit"/>), oldest first; empty for an unknown story.</summary>
    Task<IReadOnlyList<DocumentNormalized>> GetStoryAsync(string storyId, int limit, CancellationToken cancellationToken);
}

/// <param name="Versions">With <see cref="QueryPlan.GroupByStory"/>: the story's other versions (at most <see cref="QueryPlan.MaxVersions"/>).</param>
public sealed record IndexHit(DocumentNormalized Document, float Score, IReadOnlyList<DocumentNormalized>? Versions = null);

/// <param name="TotalStories">The number of distinct stories among the matches (counted with <see cref="QueryPlan.GroupByStory"/>; otherwise 0).</param>
/// <remarks><see cref="Facets"/>: the plan's facets, in the order asked, counted over every match.</remarks>
public sealed record IndexSearchResult(long TotalHits, IReadOnlyList<IndexHit> Hits, long TotalStories = 0)
{
    public IReadOnlyList<FacetCounts> Facets { get; init; } = [];
}
