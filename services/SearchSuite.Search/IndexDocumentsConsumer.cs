using MassTransit;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Stories;
using SearchSuite.ServiceDefaults;

namespace SearchSuite.Search;

/// <summary>
/// Indexes normalized documents: the batches (messages) that arrive together are indexed as one, and batches in flight
/// share one durable commit (see LuceneSearchIndex), because each commit costs as much as indexing hundreds of documents.
/// A redelivered document replaces itself (same id), so redelivery never duplicates. A document the index refuses
/// faults alone into <c>index-document_error</c> with the index's reason, while the rest is indexed.
/// Each document's name keys, forms and story evidence are computed here, once (<see cref="IndexedDocument"/>), for whichever backend.
/// </summary>
public sealed class IndexDocumentsConsumer(ISearchIndex index, StoryAssigner stories, IIndexedNames names, ILogger<IndexDocumentsConsumer> logger, PipelineBacklog? backlog = null)
    : IConsumer<Batch<DocumentsNormalized>>
{
    public async Task Consume(ConsumeContext<Batch<DocumentsNormalized>> context)
    {
        // Every document that arrived, duplicates included: each one entered the backlog.
        var received = context.Message.SelectMany(m => m.Message.Documents).Select(d => d.DocumentId).ToList();
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
            var splitOff = new List<string>();
            foreach (var message in context.Message.Where(m => m.Message.Documents.Count > 1))
                foreach (var document in message.Message.Documents.Where(d => refused.Contains(d.DocumentId)))
                {
                    var ownQueue = await context.GetSendEndpoint(context.ReceiveContext.InputAddress);
                    await ownQueue.Send(new DocumentsNormalized { Documents = [document] }, context.CancellationToken);
                    splitOff.Add(document.DocumentId);
                }
            logger.LogWarning("Indexed {Count} documents; the index refused {Refused}", documents.Count - refused.Count, rejected.Message);
            // The split-off documents leave the backlog when they come back; every other one has left the pipeline:
            // indexed, or about to fault into the error queue.
            backlog?.Leave(Without(received, splitOff));
            var faulting = context.Message
                .Where(m => m.Message.Documents is [var lone] && refused.Contains(lone.DocumentId))
                .ToList();
            if (faulting.Count == 0) return;
            // Mark every other message consumed, so that only these fault (with the index's reason) when the exception leaves the batch.
            foreach (var message in context.Message.Except(faulting))
                await message.NotifyConsumed(message, message.ReceiveContext.ElapsedTime, nameof(IndexDocumentsConsumer));
            throw;
        }
        backlog?.Leave(received);
        logger.LogDebug("Indexed {Count} documents from {Messages} messages", documents.Count, context.Message.Length);
    }

    /// <summary><paramref name="all"/> with one occurrence of each of <paramref name="removed"/> taken out.</summary>
    private static List<string> Without(List<string> all, List<string> removed)
    {
        var left = new List<string>(all);
        foreach (var id in removed) left.Remove(id);
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
