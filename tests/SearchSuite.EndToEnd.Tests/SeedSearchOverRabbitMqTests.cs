using Grpc.Net.Client;
using SearchSuite.Testing;
using SearchSuite.V1;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>
/// The walking skeleton's promise: seeds ingested over gRPC into the three real processes on a real RabbitMQ are
/// found over gRPC, with the same hits as the embedded all-in-one gives; person names are found in every spelling.
/// </summary>
public sealed class SeedSearchOverRabbitMqTests
{
    private static readonly string[] SeedQueries = ["Peskow", "Putin Iran", "Atomprogramms", "Witkoff", "Peskov"];

    [Fact]
    public async Task Seeds_are_found_over_the_three_processes_exactly_as_on_the_embedded_server()
    {
        await using var stack = await ThreeProcessStack.StartAsync("seeds");
        var ids = new Dictionary<string, string>();
        foreach (var file in RepoPaths.SeedFiles)
        {
            var reply = await stack.Ingest.IngestAsync(new IngestRequest { Text = await File.ReadAllTextAsync(file) });
            ids[Path.GetFileName(file)[..3]] = reply.DocumentId;
        }
        foreach (var id in ids.Values) await stack.WaitUntilSearchableAsync(id);

        var overRabbitMq = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var query in SeedQueries) overRabbitMq[query] = await HitIds(stack.Search, query);
        var witkoff = await stack.Search.SearchAsync(new SearchRequest { Query = "Witkoff" });

        var why = $"Hits: {string.Join("; ", overRabbitMq.Select(kv => $"{kv.Key} → [{string.Join(", ", kv.Value)}]"))}\n{stack.Logs}";
        Assert.True(overRabbitMq["Peskow"].SequenceEqual([ids["001"], ids["003"]]), why);
        Assert.True(overRabbitMq["Putin Iran"].Order().SequenceEqual(ids.Values.Order()), why);
        Assert.True(overRabbitMq["Atomprogramms"].Order().SequenceEqual(new[] { ids["000"], ids["001"] }.Order()), why);
        // Seed 000 misspells Witkoff as "Wiotkoff", only in a related-article headline: a fuzzy, related-only match.
        Assert.True(overRabbitMq["Witkoff"].SequenceEqual([ids["000"]]), why);
        Assert.True(witkoff.Hits[0].RelatedHeadlineMatch && witkoff.Hits[0].MatchedNames.SequenceEqual(["Wiotkoff"]), $"{witkoff}\n{why}");
        Assert.Contains(witkoff.NameExpansions.Single().Forms, f => f.Form == "wiotkoff" && f.Source == "fuzzy");
        // Each spelling ranks the seed that uses it first: the English "Peskov", then the Dan Tri seed's German "Peskow".
        Assert.True(overRabbitMq["Peskov"].SequenceEqual([ids["003"], ids["001"]]), why);

        await using var embedded = await StartEmbeddedWithSeedsAsync();
        using var channel = GrpcChannel.ForAddress(embedded.Address);
        var embeddedSearch = new SearchService.SearchServiceClient(channel);
        foreach (var query in SeedQueries)
        {
            var embeddedHits = await HitIds(embeddedSearch, query);
            Assert.True(embeddedHits.SequenceEqual(overRabbitMq[query]),
                $"'{query}': embedded [{string.Join(", ", embeddedHits)}] vs RabbitMQ [{string.Join(", ", overRabbitMq[query])}]\n{embedded.Output}");
        }
    }

    private static async Task<IReadOnlyList<string>> HitIds(SearchService.SearchServiceClient search, string query) =>
        (await search.SearchAsync(new SearchRequest { Query = query })).Hits.Select(h => h.DocumentId).ToList();

    /// <summary>`searchsuite serve --seed seeds` as a user runs it; ready once it reports the seeds searchable.</summary>
    private static async Task<ServiceProcess> StartEmbeddedWithSeedsAsync()
    {
        var port = ServiceProcess.FreePort();
        var data = Directory.CreateTempSubdirectory("searchsuite-e2e-embedded-").FullName;
        var serve = ServiceProcess.Start("serve", RepoPaths.ServiceAssembly("SearchSuite.Cli", "searchsuite"),
            ["serve", "--port", port.ToString(), "--data", data, "--seed", RepoPaths.Seeds], new Dictionary<string, string>(), port);
        await Poll.UntilAsync(() =>
        {
            if (serve.HasExited) throw new InvalidOperationException($"serve exited early:\n{serve.Output}");
            return Task.FromResult(serve.Output.Contains("all are searchable", StringComparison.Ordinal));
        }, () => $"serve --seed did not report its seeds searchable:\n{serve.Output}", TimeSpan.FromSeconds(90));
        return serve;
    }
}
