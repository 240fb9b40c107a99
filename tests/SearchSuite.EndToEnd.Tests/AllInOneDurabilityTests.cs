using Grpc.Core;
using Grpc.Net.Client;
using SearchSuite.Testing;
using SearchSuite.V1;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>
/// The all-in-one's promise, on the real <c>searchsuite serve</c> process: a document IngestStream accepted survives
/// kill -9 and is searchable after a restart on the same data folder; SIGTERM drains and commits, so nothing is left to
/// replay; a second server on the same folder refuses to start.
/// </summary>
[Collection(TimedProcessesCollection.Name)]
public sealed class AllInOneDurabilityTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("searchsuite-e2e-durability-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Fact]
    public async Task Every_document_an_IngestStream_accepted_is_searchable_after_kill_9_and_a_restart()
    {
        const int count = 3_000;
        var port = ServiceProcess.FreePort();
        IngestSummary summary;
        string firstLog;
        await using (var first = await StartServeAsync(port))
        {
            summary = await IngestAsync(first.Address, Documents("crash", count));
            Assert.True(summary.Accepted == count, $"accepted {summary.Accepted} of {count}: {summary}\n{first.Output}");
            // At once: most of the accepted documents are still in the in-memory pipeline.
            await first.KillAbruptlyAsync();
            firstLog = first.Output;
        }

        await using var second = await StartServeAsync(port);
        var missing = await WaitUntilSearchableAsync(second.Address, summary.DocumentIds, TimeSpan.FromSeconds(180));
        Assert.True(missing.Count == 0,
            $"{missing.Count} of {count} accepted documents were not searchable after kill -9 and a restart (e.g. {string.Join(", ", missing.Take(5))}).\n" +
            $"----- before the kill -----\n{firstLog}\n----- after the restart -----\n{second.Output}");
        Assert.Contains("Replayed", second.Output);
    }

    [Fact]
    public async Task SIGTERM_drains_and_commits_so_a_restart_has_nothing_to_replay_and_nothing_twice()
    {
        const int count = 1_000;
        var port = ServiceProcess.FreePort();
        IngestSummary summary;
        await using (var first = await StartServeAsync(port))
        {
            summary = await IngestAsync(first.Address, Documents("term", count));
            var exitCode = await first.TerminateAsync(TimeSpan.FromSeconds(60));
            Assert.True(exitCode == 0, $"serve exited with {exitCode} on SIGTERM:\n{first.Output}");
            Assert.DoesNotContain("not indexed yet", first.Output);
        }
        Assert.Empty(Directory.GetFiles(Path.Combine(data, "journal"), "*.journal"));

        await using var second = await StartServeAsync(port);
        // Everything is in the index at once: nothing was left in the journal to replay.
        Assert.Empty(await WaitUntilSearchableAsync(second.Address, summary.DocumentIds, TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain("Replayed", second.Output);
        using var channel = GrpcChannel.ForAddress(second.Address);
        var all = await new SearchService.SearchServiceClient(channel).SearchAsync(new SearchRequest { Query = "Stadtrat" });
        Assert.True(all.TotalHits == count, $"{all.TotalHits} documents match, {count} were accepted (each once):\n{second.Output}");
    }

    [Fact]
    public async Task A_second_server_on_the_same_folder_refuses_to_start_naming_the_folder_and_the_holder()
    {
        await using var first = await StartServeAsync(ServiceProcess.FreePort());
        var secondPort = ServiceProcess.FreePort();
        await using var second = ServiceProcess.Start("serve-2", RepoPaths.ServiceAssembly("SearchSuite.Cli", "searchsuite"),
            ["serve", "--port", secondPort.ToString(), "--data", data], new Dictionary<string, string>(), secondPort);

        var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exitCode != 0, $"the second server started on a folder in use:\n{second.Output}");
        // The index or the journal folder, whichever the second server tried first.
        Assert.Matches($"{System.Text.RegularExpressions.Regex.Escape(data)}/(index|journal) .*is in use", second.Output);
        Assert.Contains($"PID {first.ProcessId}", second.Output);
        Assert.False(first.HasExited, first.Output);
    }

    private async Task<ServiceProcess> StartServeAsync(int port)
    {
        var serve = ServiceProcess.Start("serve", RepoPaths.ServiceAssembly("SearchSuite.Cli", "searchsuite"),
            ["serve", "--port", port.ToString(), "--data", data], new Dictionary<string, string>(), port);
        await serve.WaitUntilReadyAsync(http2: true);
        return serve;
    }

    /// <summary>Distinct short German news texts, each with a "Stadtrat" to count them by.</summary>
    private static IEnumerable<IngestRequest> Documents(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => new IngestRequest
        {
            DocumentId = $"{prefix}-{i:D5}",
            Text = $"Der Stadtrat von Musterstadt hat am Montag über den Antrag {i} beraten. " +
                   $"Bürgermeisterin Anna Beispiel sagte, die Entscheidung {i * 7 % 1000} falle im Frühjahr.",
            Language = "de",
        });

    private static async Task<IngestSummary> IngestAsync(string address, IEnumerable<IngestRequest> documents)
    {
        using var channel = GrpcChannel.ForAddress(address);
        using var call = new IngestService.IngestServiceClient(channel).IngestStream(deadline: DateTime.UtcNow.AddMinutes(3));
        foreach (var document in documents) await call.RequestStream.WriteAsync(document);
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>Polls GetDocument (bounded) until every id is found; the ids still missing at the end.</summary>
    private static async Task<IReadOnlyList<string>> WaitUntilSearchableAsync(string address, IEnumerable<string> ids, TimeSpan timeout)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var search = new SearchService.SearchServiceClient(channel);
        var missing = ids.ToList();
        try
        {
            await Poll.UntilAsync(async () =>
            {
                var stillMissing = new List<string>();
                foreach (var id in missing)
                {
                    try
                    {
                        await search.GetDocumentAsync(new GetDocumentRequest { DocumentId = id });
                    }
                    catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
                    {
                        stillMissing.Add(id);
                    }
                }
                missing = stillMissing;
                return missing.Count == 0;
            }, () => $"{missing.Count} documents not searchable", timeout);
        }
        catch (TimeoutException)
        {
            // The caller reports which.
        }
        return missing;
    }
}
