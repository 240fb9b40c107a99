using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.ServiceDefaults;
using SearchSuite.V1;

namespace SearchSuite.Ingest;

/// <summary>gRPC front door: validates, assigns ids and publishes the accepted documents in <see cref="DocumentsSubmitted"/> batches.</summary>
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
        if (backlog is not null) await backlog.EnterAsync(1, context.CancellationToken);
        await bus.Publish(new DocumentsSubmitted { Documents = [accepted] }, context.CancellationToken);
        return new IngestReply { DocumentId = accepted.DocumentId };
    }

    public override async Task<IngestSummary> IngestStream(IAsyncStreamReader<IngestRequest> requestStream, ServerCallContext context)
    {
        var summary = new IngestSummary();
        var batch = new SubmittedBatch(options.Value);
        // Publishing one batch at a time would wait a broker round trip per batch; a bounded window keeps the stream
        // fast without letting a huge upload pile up unconfirmed messages in memory.
        var inFlight = new Queue<Task>();
        var index = 0;
        // Completes when the oldest document of the current batch has waited long enough for company.
        var batchDue = Task.CompletedTask;
        while (true)
        {
            var next = requestStream.MoveNext(context.CancellationToken);
            // When the client has nothing more buffered, the batch waits for the next request only until it is due,
            // so a slow trickle of documents is delayed by at most Ingest:PublishBatchWaitMilliseconds.
            if (!next.IsCompleted && batch.Count > 0 && await Task.WhenAny(next, batchDue) != next)
                await PublishAsync(batch.Take(), inFlight, context.CancellationToken);
            if (!await next) break;
            var request = requestStream.Current;
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
                foreach (var message in batch.Add(accepted)) await PublishAsync(message, inFlight, context.CancellationToken);
                // The wait starts with the oldest document still waiting in the batch.
                if (batch.Count == 1) batchDue = Task.Delay(options.Value.PublishBatchWaitMilliseconds);
                summary.Accepted++;
                summary.DocumentIds.Add(accepted.DocumentId);
            }
            index++;
        }
        if (batch.Count > 0) await PublishAsync(batch.Take(), inFlight, context.CancellationToken);
        await Task.WhenAll(inFlight);
        logger.LogInformation("IngestStream accepted {Accepted} and rejected {Rejected} documents", summary.Accepted, summary.Rejected);
        return summary;
    }

    private async Task PublishAsync(DocumentsSubmitted message, Queue<Task> inFlight, CancellationToken cancellationToken)
    {
        if (backlog is not null) await backlog.EnterAsync(message.Documents.Count, cancellationToken);
        inFlight.Enqueue(bus.Publish(message, cancellationToken));
        if (inFlight.Count >= options.Value.MaxInFlightPublishes)
            await inFlight.Dequeue();
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
