using System.Text.Json.Nodes;
using SearchSuite.Testing;

namespace SearchSuite.Elasticsearch.Tests;

/// <summary>
/// Against a real cluster at $ELASTICSEARCH_URL (user/password from $ELASTICSEARCH_USERNAME/$ELASTICSEARCH_PASSWORD).
/// Excluded from the default run with --filter "Category!=Live"; run alone with --filter "Category=Live".
/// Without the URL every test fails, so a live run can never pass by accident.
/// </summary>
[Trait("Category", "Live")]
public sealed class LiveClusterTests : IAsyncLifetime
{
    private readonly ElasticsearchClient _client = LiveCluster.Client();
    private readonly string _index = $"searchsuite-test-{Guid.NewGuid():N}";
    private readonly List<string> _createdIndices = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var index in _createdIndices) await _client.DeleteIndexAsync(index);
    }

    [Fact]
    public async Task Cluster_version_is_supported()
    {
        var info = await _client.InfoAsync();
        Assert.True(info.IsValidResponse, info.DebugInformation);
        Assert.True(info.VersionCheck.IsSupported, info.VersionCheck.Message);
    }

    [Fact]
    public async Task Seeds_are_indexed_and_found_through_their_language_analyzers()
    {
        await CreateIndexAsync(_index);
        var bulk = await _client.BulkAsync(new BulkRequest(Seeds.All().Select(seed => new BulkIndexOperation(_index, seed.Id, seed.ToDocument())))
        {
            Refresh = Refresh.WaitFor,
        });
        Assert.True(bulk.IsValidResponse, bulk.DebugInformation);

        // "Verhandlung" reaches "Verhandlungen" only through the german analyzer's stemming.
        Assert.Equal(["58703e863629936e", "c732f99de72756b9"], await SearchIdsAsync(_index, "body_de", "Verhandlung"));
        Assert.Equal(["41ede0cf7ea32611"], await SearchIdsAsync(_index, "body_en", "communicate"));

        var count = await _client.CountAsync(_index);
        Assert.Equal(3, count.Count);
        var missing = await _client.GetAsync<JsonObject>(_index, "0000000000000000");
        Assert.True(missing.IsValidResponse && !missing.Found, missing.DebugInformation);
    }

    [Fact]
    public async Task Folding_analyzer_matches_vietnamese_names_without_diacritics()
    {
        await CreateIndexAsync(_index);
        var document = new JsonObject { ["id"] = "vi-1", ["language"] = "vi", ["names"] = "Nguyễn Phú Trọng", ["body_vi"] = "Tổng Bí thư Nguyễn Phú Trọng" };
        var indexed = await _client.IndexAsync(_index, "vi-1", document, refresh: Refresh.WaitFor);
        Assert.True(indexed.IsValidResponse, indexed.DebugInformation);

        Assert.Equal(["vi-1"], await SearchIdsAsync(_index, "names", "nguyen phu trong"));
        Assert.Equal(["vi-1"], await SearchIdsAsync(_index, "names", "Nguyễn"));
        Assert.Empty(await SearchIdsAsync(_index, "body_vi", "nguyen"));
    }

    [Fact]
    public async Task Reindex_and_alias_swap_move_readers_to_the_new_index()
    {
        var alias = _index + "-alias";
        var next = _index + "-v2";
        await CreateIndexAsync(_index, alias);
        await CreateIndexAsync(next);
        var seed = Seeds.All()[0];
        Assert.True((await _client.IndexAsync(_index, seed.Id, seed.ToDocument(), refresh: Refresh.WaitFor)).IsValidResponse);

        var reindex = await _client.ReindexAsync(new ReindexRequest { SourceIndex = alias, DestinationIndex = next, Refresh = Refresh.True });
        Assert.True(reindex.IsValidResponse && reindex.Created == 1, reindex.DebugInformation);
        var current = await _client.GetAliasAsync(alias);
        var swap = await _client.UpdateAliasesAsync(UpdateAliasesRequest.Swap(alias, next, current.Indices));
        Assert.True(swap.IsValidResponse, swap.DebugInformation);

        Assert.Equal([next], (await _client.GetAliasAsync(alias)).Indices);
        Assert.Equal(1, (await _client.CountAsync(alias)).Count);
    }

    private async Task CreateIndexAsync(string index, string? alias = null)
    {
        var created = await _client.CreateIndexAsync(index, new SearchIndexSchema { NumberOfReplicas = 0 }.ToCreateIndexRequest(alias));
        Assert.True(created.IsValidResponse, created.DebugInformation);
        _createdIndices.Add(index);
    }

    private async Task<string[]> SearchIdsAsync(string index, string field, string text)
    {
        var response = await _client.SearchAsync<JsonObject>(index, new SearchRequest
        {
            Query = new JsonObject { ["match"] = new JsonObject { [field] = text } },
            Sort = new JsonArray(new JsonObject { ["id"] = "asc" }),
        });
        Assert.True(response.IsValidResponse, response.DebugInformation);
        return [.. response.Hits.Select(hit => hit.Id ?? "")];
    }
}

internal static class LiveCluster
{
    public static ElasticsearchClient Client()
    {
        var cluster = LiveElasticsearch.FromEnvironment();
        return new ElasticsearchClient(new HttpClient(), new ElasticsearchClientOptions
        {
            Uri = cluster.Url,
            Username = cluster.Username,
            Password = cluster.Password,
        });
    }
}

/// <summary>The repository's seed articles: first line title, the rest body; the file name carries the id.</summary>
internal sealed record Seed(string Id, string Language, string Title, string Body)
{
    public JsonObject ToDocument()
    {
        var (titleField, bodyField) = SearchIndexSchema.FieldsFor(Language);
        return new JsonObject
        {
            ["id"] = Id, ["language"] = Language, ["title"] = Title, ["text"] = Body, [titleField] = Title, [bodyField] = Body,
        };
    }
}

internal static class Seeds
{
    private static readonly Dictionary<string, string> LanguageById = new()
    {
        ["c732f99de72756b9"] = "de", ["58703e863629936e"] = "de", ["41ede0cf7ea32611"] = "en",
    };

    public static IReadOnlyList<Seed> All()
    {
        var folder = FindSeedsFolder();
        return [.. LanguageById.Select(entry =>
        {
            var file = Directory.GetFiles(folder, $"*_{entry.Key}.txt").Single();
            var text = File.ReadAllText(file).Trim();
            var firstBreak = text.IndexOf('\n');
            return new Seed(entry.Key, entry.Value, text[..firstBreak].Trim(), text[(firstBreak + 1)..].Trim());
        })];
    }

    private static string FindSeedsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(seeds) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) return seeds;
        }
        throw new DirectoryNotFoundException($"No seeds/ folder beside Directory.Build.props above {AppContext.BaseDirectory}.");
    }
}
