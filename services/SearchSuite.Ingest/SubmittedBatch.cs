using SearchSuite.Contracts;

namespace SearchSuite.Ingest;

/// <summary>
/// Collects accepted documents into one <see cref="DocumentsSubmitted"/> message, bounded by
/// <see cref="IngestOptions.PublishBatchSize"/> documents and <see cref="IngestOptions.PublishBatchMaxCharacters"/> characters.
/// </summary>
public sealed class SubmittedBatch(IngestOptions options)
{
    private List<DocumentSubmitted> documents = [];
    private long characters;

    public int Count => documents.Count;

    private bool IsFull => documents.Count >= options.PublishBatchSize || characters >= options.PublishBatchMaxCharacters;

    /// <summary>
    /// Adds <paramref name="document"/> and returns the messages it completes, in order (usually none): the batch before
    /// it when it would push that over the character limit, and the batch it fills. A document longer than the limit
    /// travels alone.
    /// </summary>
    public IReadOnlyList<DocumentsSubmitted> Add(DocumentSubmitted document)
    {
        List<DocumentsSubmitted> completed = [];
        var length = document.Text.Length + (document.Title?.Length ?? 0L);
        if (documents.Count > 0 && characters + length > options.PublishBatchMaxCharacters) completed.Add(Take());
        documents.Add(document);
        characters += length;
        if (IsFull) completed.Add(Take());
        return completed;
    }

    /// <summary>The message of the documents added so far; the batch starts empty again.</summary>
    public DocumentsSubmitted Take()
    {
        var message = new DocumentsSubmitted { Documents = documents };
        documents = [];
        characters = 0;
        return message;
    }

    /// <summary>Splits <paramref name="accepted"/> into messages within the limits, in order.</summary>
    public static IEnumerable<DocumentsSubmitted> Split(IEnumerable<DocumentSubmitted> accepted, IngestOptions options)
    {
        var batch = new SubmittedBatch(options);
        foreach (var message in accepted.SelectMany(batch.Add)) yield return message;
        if (batch.Count > 0) yield return batch.Take();
    }
}
