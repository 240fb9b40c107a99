using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.GrpcHosting;
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
    TimeProvider clock,
    AcceptanceJournal? journal = null) : IngestService.IngestServiceBase
{
    public override async Task<IngestReply> Ingest(IngestRequest request, ServerCallContext context)
    {
        var (submission, problem) = Read(request);
        if (problem is not null)
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem.ToString()));

        var accepted = acceptor.Accept(submission);
        var journalled = new List<Task>(1);
        await PublishAsync(new DocumentsSubmitted { Documents = [accepted] }, inFlight: null, journalled, context.CancellationToken);
        // The reply is the promise: it goes out only once the document is durable (the broker confirmed it, or the journal holds it).
        await Task.WhenAll(journalled);
        return new IngestReply { DocumentId = accepted.DocumentId };
    }

    public override async Task<DeleteDocumentReply> DeleteDocument(DeleteDocumentRequest request, ServerCallContext context)
    {
        if (DocumentIds.Problem(request.DocumentId) is { } problem)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"document_id: {problem}"));
        var journalled = new List<Task>(1);
        // Through the pipeline like an ingest, so it cannot overtake the document's own indexing; deleting again succeeds.
        await PublishAsync(new DocumentsSubmitted { Documents = [acceptor.AcceptDeletion(request.DocumentId)] }, inFlight: null, journalled, context.CancellationToken);
        await Task.WhenAll(journalled);
        return new DeleteDocumentReply { DocumentId = request.DocumentId };
    }

    public override async Task<IngestSummary> IngestStream(IAsyncStreamReader<IngestRequest> requestStream, ServerCallContext context)
    {
        var summary = new IngestSummary();
        var batch = new SubmittedBatch(options.Value);
        // Publishing one batch at a time would wait a broker round trip per batch; a bounded window keeps the stream
        // fast without letting a huge upload pile up unconfirmed messages in memory.
        var inFlight = new Queue<Task>();
        var journalled = new List<Task>();
        var index = 0;
        // Completes when the oldest document of the current batch has waited long enough for company.
        var batchDue = Task.CompletedTask;
        while (true)
        {
            var next = requestStream.MoveNext(context.CancellationToken);
            // When the client has nothing more buffered, the batch waits for the next request only until it is due,
            // so a slow trickle of documents is delayed by at most Ingest:PublishBatchWaitMilliseconds.
            if (!next.IsCompleted && batch.Count > 0 && await Task.WhenAny(next, batchDue) != next)
                await PublishAsync(batch.Take(), inFlight, journalled, context.CancellationToken);
            bool more;
            try
            {
                more = await next;
            }
            catch (RpcException malformed) when (malformed.StatusCode == StatusCode.InvalidArgument)
            {
                // A message that is not a valid IngestRequest (the marshaller refused it) ends the stream; the valid
                // documents before it are kept, as if the stream had ended there.
                await FinishAsync(batch, inFlight, journalled, context.CancellationToken);
                throw new RpcException(new Status(StatusCode.InvalidArgument,
                    $"message {index} of the stream: {malformed.Status.Detail}; the {summary.Accepted} valid documents before it were accepted"));
            }
            if (!more) break;
            var request = requestStream.Current;
            var (submission, problem) = Read(request);
            if (problem is not null)
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
                foreach (var message in batch.Add(accepted)) await PublishAsync(message, inFlight, journalled, context.CancellationToken);
                // The wait starts with the oldest document still waiting in the batch.
                if (batch.Count == 1) batchDue = Task.Delay(TimeSpan.FromMilliseconds(options.Value.PublishBatchWaitMilliseconds), clock);
                summary.Accepted++;
                summary.DocumentIds.Add(accepted.DocumentId);
            }
            index++;
        }
        await FinishAsync(batch, inFlight, journalled, context.CancellationToken);
        logger.LogInformation("IngestStream accepted {Accepted} and rejected {Rejected} documents", summary.Accepted, summary.Rejected);
        return summary;
    }

    /// <summary>Publishes the documents still collected and waits until everything the stream accepted is durable.</summary>
    private async Task FinishAsync(SubmittedBatch batch, Queue<Task> inFlight, List<Task> journalled, CancellationToken cancellationToken)
    {
        if (batch.Count > 0) await PublishAsync(batch.Take(), inFlight, journalled, cancellationToken);
        await Task.WhenAll(inFlight);
        await Task.WhenAll(journalled);
    }

    /// <summary>
    /// Hands <paramref name="message"/> on: into the all-in-one's journal first (its write joins <paramref name="journalled"/>),
    /// then onto the bus. With <paramref name="inFlight"/> null the publish is awaited at once.
    /// </summary>
    private async Task PublishAsync(DocumentsSubmitted message, Queue<Task>? inFlight, List<Task> journalled, CancellationToken cancellationToken)
    {
        if (journal is not null) journalled.Add(journal.AppendAsync(message.Documents, cancellationToken));
        var published = bus.Publish(message, cancellationToken);
        if (inFlight is null)
        {
            await published;
            return;
        }
        inFlight.Enqueue(published);
        if (inFlight.Count >= options.Value.MaxInFlightPublishes)
            await inFlight.Dequeue();
    }

    /// <summary>The submission a request stands for, or the first problem with it.</summary>
    private (DocumentSubmission Submission, ValidationProblem? Problem) Read(IngestRequest request)
    {
        if (TimestampProblem(request) is { } problem) return (new DocumentSubmission(), problem);
        var submission = ToSubmission(request);
        return (submission, validator.Validate(submission));
    }

    /// <summary>published_at travels as its metadata key (<see cref="PublicationTime"/>), the one form bulk JSON has too.</summary>
    private static DocumentSubmission ToSubmission(IngestRequest request) => new()
    {
        DocumentId = request.DocumentId,
        Text = request.Text,
        Title = request.Title,
        SourceUrl = request.SourceUrl,
        Language = request.Language,
        Metadata = request.PublishedAt is null
            ? request.Metadata
            : new Dictionary<string, string>(request.Metadata) { [PublicationTime.MetadataKey] = PublicationTime.Format(request.PublishedAt.ToDateTimeOffset()) },
    };

    /// <summary>A Timestamp outside 0001–9999 or with nanos out of range cannot be converted; its field says so.</summary>
    private static ValidationProblem? TimestampProblem(IngestRequest request) =>
        request.PublishedAt is { } published && (published.Nanos is < 0 or > 999_999_999 || published.Seconds < MinTimestampSeconds || published.Seconds > MaxTimestampSeconds)
            ? new ValidationProblem("published_at", "is not a valid timestamp between 0001-01-01 and 9999-12-31")
            : null;

    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxTimestampSeconds = 253_402_300_799;
}
