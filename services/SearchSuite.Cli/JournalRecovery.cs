using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Ingest;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Cli;

/// <summary>
/// The all-in-one's start and stop around its journal. At start (after the bus, before gRPC listens) it replays what
/// was journalled and is not yet in the index: each id once, in its newest journalled version, skipping documents the
/// index already holds at that version or newer. At stop (before the bus) it waits for the documents in the pipeline to
/// be indexed, so a graceful shutdown leaves nothing to replay.
/// </summary>
public sealed class JournalRecovery(
    AcceptanceJournal journal, ISearchIndex index, IBus bus, PipelineBacklog backlog,
    IOptions<IngestOptions> ingestOptions, ILogger<JournalRecovery> logger) : IHostedService
{
    /// <summary>Longest a graceful stop waits for the pipeline; a document still in it then is replayed at the next start.</summary>
    // Well inside the host's 60 s shutdown timeout, and long enough for a loaded machine to index a full in-memory backlog.
    public static readonly TimeSpan MaxDrain = TimeSpan.FromSeconds(45);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var recovered = journal.Recovered;
        if (recovered.Count == 0) return;
        List<DocumentSubmitted> replay = [];
        List<string> settled = [];
        foreach (var versions in recovered.GroupBy(d => d.DocumentId, StringComparer.Ordinal))
        {
            var newest = versions.Last();
            // The older journalled versions are superseded by the newest one.
            settled.AddRange(versions.SkipLast(1).Select(d => d.DocumentId));
            var indexed = await index.GetAsync(newest.DocumentId, cancellationToken);
            if (indexed is not null && indexed.SubmittedAt >= newest.SubmittedAt) settled.Add(newest.DocumentId);
            else replay.Add(newest);
        }
        journal.Settle(settled);
        // Through the bus's publish filter, so the replay waits for room in the backlog like ingest does.
        foreach (var message in SubmittedBatch.Split(replay, ingestOptions.Value))
            await bus.Publish(message, cancellationToken);
        journal.ForgetRecovered();
        // A warning, so that it shows without --verbose: the last stop was not clean, and the operator should know.
        logger.LogWarning("Replayed {Replayed} journalled documents that were not indexed yet ({Indexed} were): the last stop was not clean", replay.Count, settled.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(MaxDrain);
        try
        {
            await backlog.DrainAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Stopping with {Pending} documents not indexed yet; the journal keeps them for the next start", backlog.Pending);
        }
    }
}
