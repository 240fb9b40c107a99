using SearchSuite.Contracts;
using SearchSuite.Search.Querying;

namespace SearchSuite.Search.Indexing;

/// <summary>
/// A search backend (embedded Lucene or Elasticsearch). Both take the same <see cref="QueryPlan"/>, so a query
/// means the same thing whichever backend answers it.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Adds or replaces documents by id (idempotent), durably, and makes them searchable.</summary>
    Task IndexAsync(IReadOnlyList<DocumentNormalized> documents, CancellationToken cancellationToken);

    Task<IndexSearchResult> SearchAsync(QueryPlan plan, CancellationToken cancellationToken);

    /// <summary>The document as last indexed, or null while it is not yet searchable.</summary>
    Task<DocumentNormalized?> GetAsync(string documentId, CancellationToken cancellationToken);
}

public sealed record IndexHit(DocumentNormalized Document, float Score);

public sealed record IndexSearchResult(long TotalHits, IReadOnlyList<IndexHit> Hits);
