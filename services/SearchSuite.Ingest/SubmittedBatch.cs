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

    public bool IsFull => documents.Count >= options.PublishBatchSize || characters >= options.PublishBatchMaxCharacters;

    /// <summary>True when <paramref name="document"/> would push a non-empty batch over its character limit.</summary>
    public bool WouldOverflow(DocumentSubmitted document) =>
        documents.Count > 0 && characters + Length(document) > options.PublishBatchMaxCharacters;

    public void Add(DocumentSubmitted document)
    {
        documents.Add(document);
        characters += Length(document);
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
        foreach (var document in accepted)
        {
            if (batch.WouldOverflow(document)) yield return batch.Take();
            batch.Add(document);
            if (batch.IsFull) yield return batch.Take();
        }
        if (batch.Count > 0) yield return batch.Take();
    }

    private static long Length(DocumentSubmitted document) => document.Text.Length + (document.Title?.Length ?? 0);
}
