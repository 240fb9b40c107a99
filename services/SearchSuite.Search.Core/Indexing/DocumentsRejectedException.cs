namespace SearchSuite.Search.Indexing;

/// <summary>A document the backend refused for good (e.g. a mapping error), with the backend's own reason.</summary>
public sealed record RejectedDocument(string DocumentId, string Reason);

/// <summary>
/// Thrown by <see cref="ISearchIndex.IndexAsync"/> after every other document of the batch was indexed: only the rejected
/// ones failed, and a retry will fail them the same way. The consumer lets them fault into the error queue with this message.
/// </summary>
public sealed class DocumentsRejectedException(IReadOnlyList<RejectedDocument> rejected)
    : Exception($"The index rejected {rejected.Count} document(s): " + string.Join("; ", rejected.Select(r => $"{r.DocumentId}: {r.Reason}")))
{
    public IReadOnlyList<RejectedDocument> Rejected { get; } = rejected;
}

/// <summary>The index could not be reached or refused a whole call; worth retrying later (the message says what happened).</summary>
public sealed class SearchIndexUnavailableException(string message) : Exception(message);
