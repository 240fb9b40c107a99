using MassTransit;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search;

/// <summary>
/// Indexes normalized documents in batches: one durable commit per batch instead of per document.
/// A redelivered document replaces itself (same id), so redelivery never duplicates.
/// </summary>
public sealed class IndexDocumentsConsumer(ISearchIndex index, ILogger<IndexDocumentsConsumer> logger) : IConsumer<Batch<DocumentNormalized>>
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
            throw;
        }
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

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<IndexDocumentsConsumer> consumer, IRegistrationContext context)
    {
        // Enough prefetched messages to fill a batch while the previous one commits.
        endpoint.PrefetchCount = Math.Max(options.BatchSize * 2, 16);
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
            // One writer: concurrent batches would only contend for the index lock.
            .SetConcurrencyLimit(1));
    }
}
