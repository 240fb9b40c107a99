using MassTransit;
using SearchSuite.Contracts;
using SearchSuite.Text;

namespace SearchSuite.Normalize;

/// <summary>Cleans, identifies and attributes each submitted document, then hands it to search.</summary>
public sealed class NormalizeDocumentConsumer(DocumentNormalizer normalizer) : IConsumer<DocumentSubmitted>
{
    public Task Consume(ConsumeContext<DocumentSubmitted> context) =>
        context.Publish(Normalize(normalizer, context.Message), context.CancellationToken);

    public static DocumentNormalized Normalize(DocumentNormalizer normalizer, DocumentSubmitted submitted)
    {
        var clean = normalizer.Normalize(new RawDocument(submitted.Text, submitted.Title, submitted.SourceUrl, submitted.Language, submitted.Metadata));
        return new DocumentNormalized
        {
            DocumentId = submitted.DocumentId,
            Language = clean.Language,
            OriginLanguage = clean.OriginLanguage,
            Title = clean.Title,
            Text = clean.Body,
            SourceUrl = clean.SourceUrl,
            Outlet = clean.Outlet,
            CitedSources = clean.CitedSources,
            RelatedHeadlines = clean.RelatedHeadlines,
            Removed = clean.Removed.Select(r => new RemovedText(RemovedKindNames.Of(r.Kind), r.Text)).ToList(),
            PersonNames = clean.PersonNames,
            RelatedPersonNames = clean.RelatedPersonNames,
            Fingerprint = clean.Fingerprint,
            Metadata = submitted.Metadata,
            SubmittedAt = submitted.SubmittedAt,
        };
    }
}

public sealed class NormalizeDocumentConsumerDefinition : ConsumerDefinition<NormalizeDocumentConsumer>
{
    public NormalizeDocumentConsumerDefinition()
    {
        EndpointName = "normalize-document";
        // Normalizing takes a fraction of a millisecond, but each message then waits for the broker to confirm its
        // publish: with one message per core the cores sat idle on that round trip. Several per core keep them busy.
        ConcurrentMessageLimit = 8 * Environment.ProcessorCount;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<NormalizeDocumentConsumer> consumer, IRegistrationContext context)
    {
        endpoint.PrefetchCount = 256;
        endpoint.UseMessageRetry(r => r.Intervals(100, 1_000, 5_000));
        endpoint.UseInMemoryOutbox(context);
    }
}
