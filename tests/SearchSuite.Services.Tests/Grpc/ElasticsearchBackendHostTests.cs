using Microsoft.Extensions.Options;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using SearchSuite.Search.Elasticsearch;
using SearchSuite.Search.Indexing;
using SearchSuite.Testing;
using SearchSuite.V1;
using V1 = SearchSuite.V1;

namespace SearchSuite.Services.Tests.Grpc;

/// <summary>The all-in-one host with Index:Backend=Elasticsearch: start-up checks without a cluster, and the seed queries over gRPC with one.</summary>
public sealed class ElasticsearchBackendHostTests
{
    [Fact]
    public async Task Choosing_Elasticsearch_without_a_connection_string_stops_the_start_naming_the_key()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            InProcessServer.StartAsync(new Dictionary<string, string?> { ["Index:Backend"] = "elasticsearch" }));

        Assert.Contains("ConnectionStrings:Elasticsearch", failure.Message);
    }

    [Fact]
    public async Task Half_given_credentials_stop_the_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => InProcessServer.StartAsync(new Dictionary<string, string?>
        {
            ["Index:Backend"] = "elasticsearch",
            ["ConnectionStrings:Elasticsearch"] = "http://127.0.0.1:9200",
            ["Elasticsearch:Username"] = "elastic",
        }));

        Assert.Contains("Elasticsearch:Username and Elasticsearch:Password must be set together", failure.Message);
    }

    [Fact]
    public async Task An_unreachable_cluster_stops_the_start_naming_its_address()
    {
        var failure = await Assert.ThrowsAsync<SearchIndexUnavailableException>(() => InProcessServer.StartAsync(new Dictionary<string, string?>
        {
            ["Index:Backend"] = "elasticsearch",
            // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
            ["ConnectionStrings:Elasticsearch"] = "http://127.0.0.1:9",
            ["Elasticsearch:MaxRetries"] = "0",
        }));

        Assert.Contains("http://127.0.0.1:9/", failure.Message);
    }

    [Fact]
    [Trait("Category", "Live")]
    public async Task With_a_cluster_the_host_answers_the_seed_queries_as_with_lucene()
    {
        var cluster = LiveElasticsearch.FromEnvironment();
        var prefix = $"searchsuite-test-{Guid.NewGuid():N}-";
        var server = await InProcessServer.StartAsync(new Dictionary<string, string?>
        {
            ["Index:Backend"] = "elasticsearch",
            ["ConnectionStrings:Elasticsearch"] = cluster.Url.ToString(),
            ["Elasticsearch:Username"] = cluster.Username,
            ["Elasticsearch:Password"] = cluster.Password,
            ["Elasticsearch:IndexPrefix"] = prefix,
            ["Elasticsearch:NumberOfReplicas"] = "0",
        });
        try
        {
            var seeds = await server.IngestSeedsAsync();

            Assert.Equal([seeds["001"]], await HitIds(server, "Peskow"));
            Assert.Equal(seeds.Values.Order(), await HitIds(server, "Putin Iran"));
            Assert.Equal(new[] { seeds["000"], seeds["001"] }.Order(), await HitIds(server, "Atomprogramms"));
            Assert.Equal([seeds["003"]], await HitIds(server, "Putin", "en"));
            var document = await server.Search.GetDocumentAsync(new GetDocumentRequest { DocumentId = seeds["001"] });
            Assert.Equal("Dan Tri", document.Outlet);
        }
        finally
        {
            await server.DisposeAsync();
            var client = new ElasticsearchClient(new ElasticsearchIndexOptions { Url = cluster.Url.ToString(), Username = cluster.Username, Password = cluster.Password }.ToClientSettings());
            var aliased = await client.Indices.GetAliasAsync(new GetAliasRequest((Elastic.Clients.Elasticsearch.Names)(prefix + "news")));
            Assert.True(aliased.IsValidResponse, aliased.DebugInformation);
            foreach (var index in aliased.Aliases!.Keys)
            {
                var deleted = await client.Indices.DeleteAsync(index);
                Assert.True(deleted.IsValidResponse, deleted.DebugInformation);
            }
        }
    }

    private static async Task<IReadOnlyList<string>> HitIds(InProcessServer server, string query, params string[] languages)
    {
        var request = new V1.SearchRequest { Query = query };
        request.Languages.Add(languages);
        var response = await server.Search.SearchAsync(request);
        return [.. response.Hits.Select(h => h.DocumentId).Order()];
    }
}
