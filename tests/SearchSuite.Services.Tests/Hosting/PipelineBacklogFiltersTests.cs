using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SearchSuite.Cli;
using SearchSuite.Search;
using SearchSuite.Services.Tests.Grpc;
using SearchSuite.Services.Tests.Grpc.Unit;
using SearchSuite.Testing;
using SearchSuite.V1;
using Xunit.Abstractions;

namespace SearchSuite.Services.Tests.Hosting;

/// <summary>The all-in-one's backlog as bus filters: ingest's publish waits for room, the indexer's batch frees it.</summary>
public sealed class PipelineBacklogFiltersTests(ITestOutputHelper output) : IDisposable
{
    // A filter that fails inside the bus shows only as an error log (a message retried, then faulted).
    private readonly VerifyNoErrorsScope logs = new(output);

    public void Dispose() => logs.Dispose();

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_ingest_waits_for_room_in_the_backlog_and_its_document_leaves_it_once_indexed()
    {
        await using var server = await InProcessServer.StartAsync(logs: logs);
        var backlog = server.Services.GetRequiredService<PipelineBacklog>();
        var left = new ConcurrentQueue<string>();
        backlog.Left += ids => { foreach (var id in ids) left.Enqueue(id); };
        string[] placeholders = [.. Enumerable.Range(0, backlog.Capacity).Select(i => $"placeholder-{i}")];
        await backlog.EnterAsync(placeholders.Length, CancellationToken.None).WaitAsync(Bound);

        var call = server.Ingest().IngestAsync(new IngestRequest { DocumentId = "backlog-1", Text = "Peskow sagte am Montag in Moskau." }).ResponseAsync;
        // Without the publish filter the reply comes in milliseconds; with it, not before room is made (or MaxWait, 10 s, passes).
        var first = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.NotSame(call, first);

        backlog.Leave(placeholders);
        Assert.Equal("backlog-1", (await call.WaitAsync(Bound)).DocumentId);
        await server.WaitUntilSearchableAsync("backlog-1");
        await Poll.UntilAsync(() => Task.FromResult(left.Contains("backlog-1") && backlog.Pending == 0),
            () => $"the indexed document did not leave the backlog: {backlog.Pending} pending, left: {string.Join(", ", left.Where(id => !id.StartsWith("placeholder-")))}");
    }

    [Fact]
    public async Task A_streamed_upload_of_several_batches_leaves_the_backlog_empty_once_all_is_indexed()
    {
        await using var server = await InProcessServer.StartAsync(logs: logs);
        var backlog = server.Services.GetRequiredService<PipelineBacklog>();
        string[] ids = [.. Enumerable.Range(0, 250).Select(i => $"stream-{i:D3}")];

        using (var call = server.Ingest().IngestStream())
        {
            foreach (var id in ids)
                await call.RequestStream.WriteAsync(new IngestRequest { DocumentId = id, Text = $"Kremlsprecher Peskow sagte am Montag in Moskau, Bericht {id}." });
            await call.RequestStream.CompleteAsync();
            Assert.Equal(ids.Length, (await call.ResponseAsync.WaitAsync(Bound)).Accepted);
        }

        foreach (var id in ids) await server.WaitUntilSearchableAsync(id);
        // Every place taken is given back: a leak would shrink the backlog until ingest waits out MaxWait on every batch.
        await Poll.UntilAsync(() => Task.FromResult(backlog.Pending == 0), () => $"{backlog.Pending} places still taken after all {ids.Length} documents were indexed");
    }

    [Fact]
    public void The_documents_sent_back_to_the_queue_stay_in_the_backlog_once_each()
    {
        var requeued = new RequeuedDocuments();
        requeued.Add("b");

        Assert.Equal(["a", "b", "c"], requeued.Without(["a", "b", "b", "c"]));
    }
}
