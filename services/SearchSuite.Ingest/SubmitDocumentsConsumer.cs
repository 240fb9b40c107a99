using MassTransit;
using MassTransit.Middleware;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;

namespace SearchSuite.Ingest;

/// <summary>A bulk message that cannot be accepted as a whole; it goes to the error queue with this reason.</summary>
public sealed class InvalidSubmissionException(string message) : Exception(message);

/// <summary>
/// Bulk ingest from other systems. A batch is accepted or refused as a whole, so a refused message in the
/// <c>_error</c> queue can be fixed and re-sent without duplicating the half that had already gone through.
/// </summary>
public sealed class SubmitDocumentsConsumer(
    SubmissionValidator validator, DocumentAcceptor acceptor, IOptions<IngestOptions> options, ILogger<SubmitDocumentsConsumer> logger)
    : IConsumer<SubmitDocuments>
{
    public async Task Consume(ConsumeContext<SubmitDocuments> context)
    {
        var documents = context.Message.Documents;
        if (documents is null || documents.Count == 0)
            throw new InvalidSubmissionException("documents: must contain at least one document");

        var problems = documents
            .Select((document, i) => document is null
                ? $"documents[{i}]: must not be null"
                : validator.Validate(document) is { } problem ? $"documents[{i}].{problem}" : null)
            .OfType<string>()
            .ToList();
        if (problems.Count > 0)
            throw new InvalidSubmissionException($"{problems.Count} of {documents.Count} documents are invalid: {string.Join("; ", problems.Take(20))}");

        await context.PublishBatch(SubmittedBatch.Split(documents.Select(acceptor.Accept), options.Value), context.CancellationToken);
        logger.LogInformation("Accepted a bulk message of {Count} documents", documents.Count);
    }
}

public sealed class SubmitDocumentsConsumerDefinition : ConsumerDefinition<SubmitDocumentsConsumer>
{
    /// <summary>The queue other systems publish bulk messages to.</summary>
    public const string QueueName = "submit-documents";

    public SubmitDocumentsConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<SubmitDocumentsConsumer> consumer, IRegistrationContext context)
    {
        // Non-.NET publishers send plain JSON ({"documents":[…]}) without MassTransit's envelope; the envelope still works.
        endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
        endpoint.ConfigureError(error =>
        {
            error.UseFilter(new SubmitDocumentsShapeFilter());
            error.UseFilter(new GenerateFaultFilter());
            error.UseFilter(new ErrorTransportFilter());
        });
        endpoint.UseMessageRetry(r =>
        {
            r.Ignore<InvalidSubmissionException>();
            r.Ignore<System.Text.Json.JsonException>();
            r.Intervals(200, 1_000, 5_000);
        });
        // Publish only once the whole batch has been consumed, so a retry never leaves half a batch behind.
        endpoint.UseInMemoryOutbox(context);
    }
}
