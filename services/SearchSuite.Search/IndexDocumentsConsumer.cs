using MassTransit;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.ServiceDefaults;

namespace SearchSuite.Search;

/// <summary>
/// Indexes normalized documents in batches: one durable commit per batch (or per group of batches) instead of per document.
/// A redelivered document replaces itself (same id), so redelivery never duplicates.
/// </summary>
public sealed class IndexDocumentsConsumer(ISearchIndex index, ILogger<IndexDocumentsConsumer> logger, PipelineBacklog? backlog = null)
    : IConsumer<Batch<DocumentNormalized>>
{
    public async Task Consume(ConsumeContext<Batch<DocumentNormalized>> context)
    {
        // Within one batch only the newest version of a document matters.
        var documents = context.Message
            .Select(m => m.Message)
            .GroupBy(d => d.DocumentId, StringComparer.Ordinal)
            .Select(g => g.Last())
            .ToList();
        try
        {
            await index.IndexAsync(documents, context.CancellationToken);
        }
        catch (DocumentsRejectedException rejected)
        {
            // The rest of the batch is indexed: mark those messages consumed, so that only the refused ones fault
            // (into index-document_error, with the index's reason) when the exception leaves the batch.
            var refused = rejected.Rejected.Select(r => r.DocumentId).ToHashSet(StringComparer.Ordinal);
            foreach (var message in context.Message.Where(m => !refused.Contains(m.Message.DocumentId)))
                await message.NotifyConsumed(message, message.ReceiveContext.ElapsedTime, nameof(IndexDocumentsConsumer));
            logger.LogWarning("Indexed {Count} documents; the index refused {Refused}", documents.Count - refused.Count, rejected.Message);
            // Every message of the batch has left the pipeline: indexed, or faulted into the error queue.
            backlog?.Leave(context.Message.Length);
            throw;
        }
        backlog?.Leave(context.Message.Length);
        logger.LogDebug("Indexed a batch of {Count} documents", documents.Count);
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
        endpoint.PrefetchCount = Math.Max(options.BatchSize * (ConcurrentBatches + 1), 16);
        // The index unreachable or overloaded: retried with growing intervals, then the batch goes to index-document_error.
        // A refused document would fail the same way again, so it faults at once (see Consume).
        endpoint.UseMessageRetry(r =>
        {
            r.Ignore<DocumentsRejectedException>();
            r.Intervals(200, 1_000, 5_000, 15_000);
        });
        consumer.Options<BatchOptions>(batch => batch
            .SetMessageLimit(options.BatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(options.BatchWaitMilliseconds))
            .SetConcurrencyLimit(ConcurrentBatches));
    }
}
