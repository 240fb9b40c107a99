using MassTransit;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Stories;

namespace SearchSuite.Search;

/// <summary>
/// Indexes normalized documents: the batches (messages) that arrive together are indexed as one, and batches in flight
/// share one durable commit (see LuceneSearchIndex), because each commit costs as much as indexing hundreds of documents.
/// A redelivered document replaces itself (same id), so redelivery never duplicates. A document the index refuses
/// faults alone into <c>index-document_error</c> with the index's reason, while the rest is indexed.
/// Each document's name keys, forms and story evidence are computed here, once (<see cref="IndexedDocument"/>), for whichever backend.
/// </summary>
public sealed class IndexDocumentsConsumer(ISearchIndex index, StoryAssigner stories, IIndexedNames names, ILogger<IndexDocumentsConsumer> logger)
    : IConsumer<Batch<DocumentsNormalized>>
{
    public async Task Consume(ConsumeContext<Batch<DocumentsNormalized>> context)
    {
        // Within one batch only the newest version of a document matters: newest by acceptance, not by arrival, since
        // normalize works on messages concurrently (a delete may arrive ahead of the document it deletes).
        var newest = context.Message
            .SelectMany(m => m.Message.Documents)
            .GroupBy(d => d.DocumentId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(d => d.SubmittedAt).Last())
            .ToList();
        // Each document gets its story (and a merge may bring older versions to rewrite) before the batch is indexed.
        // A tombstone belongs to no story: its document leaves the story it was in.
        var documents = (await stories.AssignAsync([.. newest.Where(d => !d.Deleted)], context.CancellationToken))
            .Concat(newest.Where(d => d.Deleted))
            .ToList();
        try
        {
            await index.IndexAsync(documents, names, context.CancellationToken);
            stories.DocumentsIndexed(documents);
        }
        catch (DocumentsRejectedException rejected)
        {
            var refused = rejected.Rejected.Select(r => r.DocumentId).ToHashSet(StringComparer.Ordinal);
            stories.DocumentsIndexed(documents.Where(d => !refused.Contains(d.DocumentId)));
            // A refused document that came with others is split off into a message of its own (sent back to this queue),
            // so that it alone faults when it comes back; a message of one refused document faults now (see below).
            var requeued = context.GetOrAddPayload(() => new RequeuedDocuments());
            foreach (var message in context.Message.Where(m => m.Message.Documents.Count > 1))
                foreach (var document in message.Message.Documents.Where(d => refused.Contains(d.DocumentId)))
                {
                    var ownQueue = await context.GetSendEndpoint(context.ReceiveContext.InputAddress);
                    await ownQueue.Send(new DocumentsNormalized { Documents = [document] }, context.CancellationToken);
                    requeued.Add(document.DocumentId);
                }
            logger.LogWarning("Indexed {Count} documents; the index refused {Refused}", documents.Count - refused.Count, rejected.Message);
            var faulting = context.Message
                .Where(m => m.Message.Documents is [var lone] && refused.Contains(lone.DocumentId))
                .ToList();
            if (faulting.Count == 0) return;
            // Mark every other message consumed, so that only these fault (with the index's reason) when the exception leaves the batch.
            foreach (var message in context.Message.Except(faulting))
                await message.NotifyConsumed(message, message.ReceiveContext.ElapsedTime, nameof(IndexDocumentsConsumer));
            throw;
        }
        logger.LogDebug("Indexed {Count} documents from {Messages} messages", documents.Count, context.Message.Length);
    }
}

/// <summary>
/// The documents of a consumed batch that <see cref="IndexDocumentsConsumer"/> sent back to its own queue (one per
/// message) instead of indexing or faulting them, as a payload of the batch's consume context: what has not left the
/// pipeline yet, for a filter around the consumer (the all-in-one's backlog).
/// </summary>
public sealed class RequeuedDocuments
{
    private readonly System.Threading.Lock gate = new();
    private readonly List<string> documentIds = [];

    public void Add(string documentId)
    {
        lock (gate) documentIds.Add(documentId);
    }

    /// <summary><paramref name="received"/> with one occurrence of each requeued id taken out.</summary>
    public List<string> Without(IEnumerable<string> received)
    {
        var left = new List<string>(received);
        lock (gate)
            foreach (var id in documentIds) left.Remove(id);
        return left;
    }
}

public sealed class IndexDocumentsConsumerDefinition : ConsumerDefinition<IndexDocumentsConsumer>
{
    private readonly IndexOptions options;

    public IndexDocumentsConsumerDefinition(IOptions<IndexOptions> options)
    {
        this.options = options.Value;
        EndpointName = "index-document";
    }

    /// <summary>
    /// Batches indexed at once. The batch time limit closes a batch even while the previous one is still committing, so
    /// with a single batch in flight a busy queue was indexed in tiny batches, one commit each. With several in flight
    /// the index writes them while a commit runs and makes them durable together (see LuceneSearchIndex).
    /// Two versions of one document in concurrent batches may land in either order, as redelivered messages may anyway.
    /// </summary>
    public const int ConcurrentBatches = 4;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<IndexDocumentsConsumer> consumer, IRegistrationContext context)
    {
        // Enough prefetched messages to fill every batch in flight and the next one.
        endpoint.PrefetchCount = Math.Max(options.BatchMessageLimit * (ConcurrentBatches + 1), 16);
        // The index unreachable or overloaded: retried with growing intervals, then the batch goes to index-document_error.
        // A refused document would fail the same way again, so it faults at once (see Consume).
        endpoint.UseMessageRetry(r =>
        {
            r.Ignore<DocumentsRejectedException>();
            r.Intervals(200, 1_000, 5_000, 15_000);
        });
        consumer.Options<BatchOptions>(batch => batch
            .SetMessageLimit(options.BatchMessageLimit)
            .SetTimeLimit(TimeSpan.FromMilliseconds(options.BatchWaitMilliseconds))
            .SetConcurrencyLimit(ConcurrentBatches));
    }
}
