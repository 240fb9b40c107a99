using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Elastic.Clients.Elasticsearch;
using SearchSuite.Search.Elasticsearch;
using SearchSuite.Search.Indexing;
using SearchSuite.Testing;

namespace SearchSuite.Services.Tests.Search;

/// <summary>
/// The backend behaviour suite on a real cluster at $ELASTICSEARCH_URL, each test in its own alias and index (deleted after).
/// Excluded from the default run (--filter "Category!=Live"); without the URL every test fails, saying how to run it.
/// </summary>
[Trait("Category", "Live")]
public sealed class ElasticsearchSearchIndexLiveTests : SearchIndexBehaviour
{
    private ElasticsearchClient? client;
    private ElasticsearchSearchIndex? index;

    protected override async Task<ISearchIndex> CreateEmptyIndexAsync()
    {
        var cluster = LiveElasticsearch.FromEnvironment();
        var options = new ElasticsearchIndexOptions
        {
            Url = cluster.Url.ToString(),
            Username = cluster.Username,
            Password = cluster.Password,
            IndexPrefix = $"searchsuite-test-{Guid.NewGuid():N}-",
            NumberOfReplicas = 0,
            Refresh = IndexRefresh.WaitFor,
        };
        client = new ElasticsearchClient(options.ToClientSettings());
        index = new ElasticsearchSearchIndex(client, Options.Create(options), NullLogger<ElasticsearchSearchIndex>.Instance);
        await index.InitializeAsync(CancellationToken.None);
        return index;
    }

    protected override async Task DeleteIndexAsync()
    {
        if (client is null || index is null) return;
        var deleted = await client.Indices.DeleteAsync(index.IndexName);
        Assert.True(deleted.IsValidResponse, deleted.DebugInformation);
    }
}
