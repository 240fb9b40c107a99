using Grpc.Net.Client;
using SearchSuite.Testing;
using SearchSuite.V1;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>
/// Two real search processes on one shared backend state (the writer and a read-only replica of its Lucene index, on one
/// RabbitMQ vhost) answer alike: the replica, which indexed nothing, expands names from the index itself, and a
/// `names add` on one reaches the other through NameVariantsChanged, long before its periodic refresh.
/// </summary>
public sealed class SharedNameStateTests
{
    private static readonly string[] Queries = ["Peskow", "Peskov", "Witkoff", "Putin Iran", "Lenin", "Uljanow"];
    /// <summary>Far beyond the test's waits: only the announcement can bring the edit across in time.</summary>
    private const int RefreshSeconds = 300;

    [Fact]
    public async Task Two_search_processes_give_identical_expansions_and_hits_after_ingest_and_after_names_add()
    {
        await using var stack = await ThreeServiceProcesses.StartAsync("shared-names", new Dictionary<string, string> { ["Names__RefreshSeconds"] = $"{RefreshSeconds}" });
        using var ingestChannel = GrpcChannel.ForAddress(stack.Ingest.Address);
        using var writerChannel = GrpcChannel.ForAddress(stack.Search.Address);
        var ingest = new IngestService.IngestServiceClient(ingestChannel);
        var writer = new SearchService.SearchServiceClient(writerChannel);
        var ids = new List<string>();
        foreach (var file in RepoPaths.SeedFiles) ids.Add((await ingest.IngestAsync(new IngestRequest { Text = await File.ReadAllTextAsync(file) })).DocumentId);
        ids.Add((await ingest.IngestAsync(new IngestRequest
        {
            DocumentId = "uljanow", Language = "de", Title = "Briefe aus dem Exil",
            Text = "Der Revolutionär Wladimir Uljanow schrieb aus seinem Exil in der Schweiz viele Briefe an die Partei.",
        })).DocumentId);
        foreach (var id in ids)
            await Poll.UntilAsync(() => IsSearchableAsync(writer, id), () => $"{id} never became searchable.\n{stack.Logs}", TimeSpan.FromSeconds(60));

        var replicaProcess = await stack.LaunchSearchReplicaAsync();
        using var replicaChannel = GrpcChannel.ForAddress(replicaProcess.Address);
        var replica = new SearchService.SearchServiceClient(replicaChannel);

        var afterIngest = await AnswersAsync(writer);
        Assert.True(afterIngest == await AnswersAsync(replica), $"After ingest:\nwriter:  {afterIngest}\nreplica: {await AnswersAsync(replica)}\n{stack.Logs}");
        // Not trivially equal: the replica indexed nothing, yet expands the typo in seed 000 through the index's names.
        Assert.Contains("wiotkoff", afterIngest);
        Assert.DoesNotContain("uljanow", (await replica.SearchAsync(new SearchRequest { Query = "Lenin" })).Hits.Select(h => h.DocumentId));

        var names = new NamesService.NamesServiceClient(replicaChannel);
        var added = await names.AddVariantGroupAsync(new AddVariantGroupRequest { Variants = { "Lenin", "Uljanow", "Ulyanov" } });
        var started = DateTime.UtcNow;
        await Poll.UntilAsync(async () => (await writer.SearchAsync(new SearchRequest { Query = "Lenin" })).Hits.Any(h => h.DocumentId == "uljanow"),
            () => $"The writer never applied group {added.Id} added on the replica.\n{stack.Logs}\n----- replica -----\n{replicaProcess.Output}", TimeSpan.FromSeconds(30));
        var waited = DateTime.UtcNow - started;
        Assert.True(waited < TimeSpan.FromSeconds(RefreshSeconds / 10), $"The edit took {waited} to reach the writer: the announcement did not carry it.");

        var afterAdd = await AnswersAsync(writer);
        Assert.True(afterAdd == await AnswersAsync(replica), $"After names add:\nwriter:  {afterAdd}\nreplica: {await AnswersAsync(replica)}\n{stack.Logs}\n----- replica -----\n{replicaProcess.Output}");
        Assert.NotEqual(afterIngest, afterAdd);
    }

    private static async Task<bool> IsSearchableAsync(SearchService.SearchServiceClient search, string id)
    {
        try
        {
            await search.GetDocumentAsync(new GetDocumentRequest { DocumentId = id });
            return true;
        }
        catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Each query's expansions and hits (ids with the names each matched), as one comparable text.</summary>
    private static async Task<string> AnswersAsync(SearchService.SearchServiceClient search)
    {
        var answers = new List<string>();
        foreach (var query in Queries)
        {
            var response = await search.SearchAsync(new SearchRequest { Query = query, PageSize = 20 });
            answers.Add($"{query}: expansions {string.Join(", ", response.NameExpansions)}; hits {string.Join(", ", response.Hits.Select(h => $"{h.DocumentId}[{string.Join("/", h.MatchedNames)}]"))}");
        }
        return string.Join("\n", answers);
    }
}
