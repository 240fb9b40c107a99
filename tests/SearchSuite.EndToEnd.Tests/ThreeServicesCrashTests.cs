using Grpc.Core;
using Grpc.Net.Client;
using SearchSuite.Testing;
using SearchSuite.V1;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>
/// The promise of the three services over RabbitMQ, on real processes and a broker of the test's own: every document
/// ingest acknowledged survives kill -9 of search, normalize and ingest in turn and a broker restart; each is
/// searchable once, and nothing is left in any queue, error queues included.
/// </summary>
[Collection(TimedProcessesCollection.Name)]
public sealed class ThreeServicesCrashTests
{
    private const int DocumentsPerStep = 400;

    [Fact]
    public async Task Acknowledged_documents_survive_kill_9_of_each_service_and_a_broker_restart_and_are_searchable_once()
    {
        await using var broker = await PrivateRabbitMqNode.StartAsync("crash");
        await using var stack = await ThreeServiceProcesses.StartAsync("crash", broker: broker.ConnectionString);
        var accepted = new List<string>();
        string Account() => $"----- broker {broker.NodeName} -----\n{broker.Log}\n{stack.Logs}";

        accepted.AddRange(await IngestAsync(stack, "search-killed", Account));
        await stack.Search.KillAbruptlyAsync();
        await stack.RelaunchAsync(stack.Search);

        accepted.AddRange(await IngestAsync(stack, "normalize-killed", Account));
        await stack.Normalize.KillAbruptlyAsync();
        await stack.RelaunchAsync(stack.Normalize);

        accepted.AddRange(await IngestAsync(stack, "ingest-killed", Account));
        await stack.Ingest.KillAbruptlyAsync();
        await broker.RestartAsync();
        await stack.RelaunchAsync(stack.Ingest);

        // Normalize and search reconnect to the restarted broker by themselves.
        accepted.AddRange(await IngestAsync(stack, "after-broker-restart", Account));

        using var channel = GrpcChannel.ForAddress(stack.Search.Address);
        var search = new SearchService.SearchServiceClient(channel);
        var request = new SearchRequest { Query = "Stadtrat", PageSize = 1 };
        long found = 0;
        await Poll.UntilAsync(async () =>
        {
            found = (await search.SearchAsync(request)).TotalHits;
            return found >= accepted.Count;
        }, () => $"{found} of {accepted.Count} acknowledged documents are searchable.\n{Account()}", TimeSpan.FromSeconds(180));
        Assert.True(found == accepted.Count, $"{found} hits for {accepted.Count} acknowledged documents: each must be searchable once.\n{Account()}");
        foreach (var id in accepted.Where((_, i) => i % 50 == 0))
            Assert.Equal(id, (await search.GetDocumentAsync(new GetDocumentRequest { DocumentId = id })).DocumentId);

        var depths = await broker.QueueDepthsAsync();
        var left = depths.Where(q => q.Value > 0).ToList();
        Assert.True(left.Count == 0, $"messages left in queues: {string.Join(", ", left.Select(q => $"{q.Key}={q.Value}"))}\n{Account()}");
        Assert.Contains(depths.Keys, name => name.Contains("index", StringComparison.Ordinal));
    }

    /// <summary>
    /// One IngestStream of distinct German texts, retried (bounded) while ingest is still reconnecting; the ids it acknowledged.
    /// Ids are deterministic, so a retried stream re-sends the same documents harmlessly.
    /// </summary>
    private static async Task<IReadOnlyList<string>> IngestAsync(ThreeServiceProcesses stack, string step, Func<string> account)
    {
        var documents = Enumerable.Range(0, DocumentsPerStep).Select(i => new IngestRequest
        {
            DocumentId = $"{step}-{i:D4}",
            Text = $"Der Stadtrat von Musterstadt hat im Schritt {step} über den Antrag {i} beraten. " +
                   $"Die Entscheidung über {i * 7 % 1000} Euro falle im Frühjahr, sagte die Bürgermeisterin.",
            Language = "de",
        }).ToList();
        var summary = await Poll.UntilAsync(async () =>
        {
            using var channel = GrpcChannel.ForAddress(stack.Ingest.Address);
            using var call = new IngestService.IngestServiceClient(channel).IngestStream(deadline: DateTime.UtcNow.AddSeconds(60));
            foreach (var document in documents) await call.RequestStream.WriteAsync(document);
            await call.RequestStream.CompleteAsync();
            var reply = await call.ResponseAsync;
            return reply.Accepted == documents.Count ? reply : throw new RpcException(new Status(StatusCode.Unavailable, $"accepted {reply.Accepted}: {reply}"));
        }, () => $"ingest did not accept the '{step}' documents.\n{account()}", TimeSpan.FromSeconds(120));
        return [.. documents.Select(d => d.DocumentId)];
    }
}
