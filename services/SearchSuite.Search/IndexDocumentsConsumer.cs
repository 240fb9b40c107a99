using MassTransit;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.ServiceDefaults;

namespace SearchSuite.Search;

/// <summary>
/// Indexes normalized documents a batch (one message) at a time; batches consumed concurrently share one durable commit
/// (see LuceneSearchIndex). A redelivered document replaces itself (same id), so redelivery never duplicates.
/// A document the index refuses is split off into a batch of its own (sent back to this queue), which then faults alone
/// into <c>index-document_error</c> with the index's reason while the rest of its batch is indexed.
/// </summary>
public sealed class IndexDocumentsConsumer(ISearchIndex index, ILogger<IndexDocumentsConsumer> logger, PipelineBacklog? backlog = null)
    : IConsumer<DocumentsNormalized>
{
    public async Task Consume(ConsumeContext<DocumentsNormalized> context)
    {
        // Within one batch only the newest version of a document matters.
        var documents = context.Message.Documents
            .GroupBy(d => d.DocumentId, StringComparer.Ordinal)
            .Select(g => g.Last())
            .ToList();
        try
        {
            await index.IndexAsync(documents, context.CancellationToken);
        }
        catch (DocumentsRejectedException rejected) when (context.Message.Documents.Count > 1)
        {
            var refused = rejected.Rejected.Select(r => r.DocumentId).ToHashSet(StringComparer.Ordinal);
            var splitOff = documents.Where(d => refused.Contains(d.DocumentId)).ToList();
            var ownQueue = await context.GetSendEndpoint(context.ReceiveContext.InputAddress);
            foreach (var document in splitOff)
                await ownQueue.Send(new DocumentsNormalized { Documents = [document] }, context.CancellationToken);
            logger.LogWarning("Indexed {Count} documents; the index refused {Refused}; each is retried on its own", documents.Count - splitOff.Count, rejected.Message);
            // The refused documents travel on in their own messages, which leave the backlog themselves.
            backlog?.Leave(context.Message.Documents.Count - splitOff.Count);
            return;
        }
        catch (DocumentsRejectedException)
        {
            // A lone refused document faults into the error queue (no retry: it would fail the same way) and leaves the pipeline.
            backlog?.Leave(1);
            throw;
        }
        backlog?.Leave(context.Message.Documents.Count);
        logger.LogDebug("Indexed a batch of {Count} documents", documents.Count);
    }
}

public sealed class IndexDocumentsConsumerDefinition : ConsumerDefinition<IndexDocumentsConsumer>
{
    /// <summary>
    /// Batches indexed at once. The index writes them while a commit runs and makes them durable together, so under load
    /// one commit covers many batches (and a lone document still commits at once, without waiting to fill a batch).
    /// Two versions of one document in concurrent batches may land in either order, as redelivered messages may anyway.
    /// </summary>
    public const int ConcurrentBatches = 16;

    public IndexDocumentsConsumerDefinition()
    {
        EndpointName = "index-document";
        ConcurrentMessageLimit = ConcurrentBatches;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<IndexDocumentsConsumer> consumer, IRegistrationContext context)
    {
        // Enough prefetched batches to fill every slot again as soon as a commit returns.
        endpoint.PrefetchCount = 2 * ConcurrentBatches;
        // The index unreachable or overloaded: retried with growing intervals, then the batch goes to index-document_error.
        // A refused document would fail the same way again, so it faults at once (see Consume).
        endpoint.UseMessageRetry(r =>
        {
            r.Ignore<DocumentsRejectedException>();
            r.Intervals(200, 1_000, 5_000, 15_000);
        });
    }
}
