using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.ServiceDefaults;
using SearchSuite.V1;

namespace SearchSuite.Ingest;

/// <summary>gRPC front door: validates, assigns ids and publishes <see cref="DocumentSubmitted"/>.</summary>
[RequiresApiKey]
public sealed class IngestGrpcService(
    SubmissionValidator validator,
    DocumentAcceptor acceptor,
    IPublishEndpoint bus,
    IOptions<IngestOptions> options,
    ILogger<IngestGrpcService> logger,
    PipelineBacklog? backlog = null) : IngestService.IngestServiceBase
{
    public override async Task<IngestReply> Ingest(IngestRequest request, ServerCallContext context)
    {
        var submission = ToSubmission(request);
        if (validator.Validate(submission) is { } problem)
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem.ToString()));

        var accepted = acceptor.Accept(submission);
        if (backlog is not null) await backlog.EnterAsync(context.CancellationToken);
        await bus.Publish(accepted, context.CancellationToken);
        return new IngestReply { DocumentId = accepted.DocumentId };
    }

    public override async Task<IngestSummary> IngestStream(IAsyncStreamReader<IngestRequest> requestStream, ServerCallContext context)
    {
        var summary = new IngestSummary();
        // Publishing one at a time would wait a broker round trip per document; a bounded window keeps
        // the stream fast without letting a huge upload pile up unconfirmed messages in memory.
        var inFlight = new Queue<Task>();
        var index = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var submission = ToSubmission(request);
            if (validator.Validate(submission) is { } problem)
            {
                summary.Rejected++;
                summary.Rejections.Add(new IngestRejection
                {
                    Index = index, DocumentId = request.DocumentId, Field = problem.Field, Reason = problem.Message,
                });
            }
            else
            {
                var accepted = acceptor.Accept(submission);
                if (backlog is not null) await backlog.EnterAsync(context.CancellationToken);
                inFlight.Enqueue(bus.Publish(accepted, context.CancellationToken));
                summary.Accepted++;
                summary.DocumentIds.Add(accepted.DocumentId);
                if (inFlight.Count >= options.Value.MaxInFlightPublishes)
                    await inFlight.Dequeue();
            }
            index++;
        }
        await Task.WhenAll(inFlight);
        logger.LogInformation("IngestStream accepted {Accepted} and rejected {Rejected} documents", summary.Accepted, summary.Rejected);
        return summary;
    }

    private static DocumentSubmission ToSubmission(IngestRequest request) => new()
    {
        DocumentId = request.DocumentId,
        Text = request.Text,
        Title = request.Title,
        SourceUrl = request.SourceUrl,
        Language = request.Language,
        Metadata = request.Metadata,
    };
}
