using MassTransit;
using SearchSuite.Contracts;
using SearchSuite.Text;

namespace SearchSuite.Normalize;

/// <summary>
/// Cleans, identifies and attributes each document of a submitted batch, then hands the batch to search as one message.
/// A document that fails is split off into a batch of its own (sent back to this queue), so it alone is retried and
/// faults into <c>normalize-document_error</c> with its reason while the rest of its batch flows on.
/// </summary>
public sealed class NormalizeDocumentConsumer(DocumentNormalizer normalizer, ILogger<NormalizeDocumentConsumer> logger) : IConsumer<DocumentsSubmitted>
{
    public async Task Consume(ConsumeContext<DocumentsSubmitted> context)
    {
        var submitted = context.Message.Documents;
        // A lone document faults as itself: the endpoint's retry policy applies, then the error queue.
        if (submitted.Count == 1)
        {
            await context.Publish(new DocumentsNormalized { Documents = [Normalize(normalizer, submitted[0])] }, context.CancellationToken);
            return;
        }
        var normalized = new List<DocumentNormalized>(submitted.Count);
        foreach (var document in submitted)
        {
            try
            {
                normalized.Add(Normalize(normalizer, document));
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "Normalizing {DocumentId} failed; it is retried on its own", document.DocumentId);
                var ownQueue = await context.GetSendEndpoint(context.ReceiveContext.InputAddress);
                await ownQueue.Send(new DocumentsSubmitted { Documents = [document] }, context.CancellationToken);
            }
        }
        if (normalized.Count > 0)
            await context.Publish(new DocumentsNormalized { Documents = normalized }, context.CancellationToken);
    }

    public static DocumentNormalized Normalize(DocumentNormalizer normalizer, DocumentSubmitted submitted)
    {
        if (submitted.Deleted) return DocumentNormalized.Tombstone(submitted.DocumentId, submitted.SubmittedAt);
        var clean = normalizer.Normalize(new RawDocument(submitted.Text, submitted.Title, submitted.SourceUrl, submitted.Language, submitted.Metadata));
        return new DocumentNormalized
        {
            DocumentId = submitted.DocumentId,
            Language = clean.Language,
            LanguageConfidence = clean.LanguageConfidence,
            OriginLanguage = clean.OriginLanguage,
            Title = clean.Title,
            Text = clean.Body,
            SourceUrl = clean.SourceUrl,
            Outlet = clean.Outlet,
            CitedSources = clean.CitedSources,
            RelatedHeadlines = clean.RelatedHeadlines,
            Removed = clean.Removed.Select(r => new RemovedText(RemovedKindNames.Of(r.Kind), r.Text, r.Start, r.Length)).ToList(),
            PersonNames = clean.PersonNames,
            RelatedPersonNames = clean.RelatedPersonNames,
            Fingerprint = clean.Fingerprint,
            Metadata = submitted.Metadata,
            SubmittedAt = submitted.SubmittedAt,
            PublishedAt = submitted.PublishedAt ?? clean.PublishedAt,
        };
    }
}

public sealed class NormalizeDocumentConsumerDefinition : ConsumerDefinition<NormalizeDocumentConsumer>
{
    public NormalizeDocumentConsumerDefinition()
    {
        EndpointName = "normalize-document";
        // A batch takes tens of milliseconds of CPU and then waits for the broker to confirm its publish: two per core
        // keep the cores busy through that round trip.
        ConcurrentMessageLimit = 2 * Environment.ProcessorCount;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<NormalizeDocumentConsumer> consumer, IRegistrationContext context)
    {
        // Batches of up to Ingest:PublishBatchSize documents: a few per consumer are enough to never wait for the broker.
        endpoint.PrefetchCount = 4 * Environment.ProcessorCount;
        endpoint.UseMessageRetry(r => r.Intervals(100, 1_000, 5_000));
        endpoint.UseInMemoryOutbox(context);
    }
}
