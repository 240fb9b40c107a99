using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using SearchSuite.Testing;

namespace SearchSuite.Search.Elasticsearch.Tests;

/// <summary>
/// Against a real 9.x cluster at $ELASTICSEARCH_URL (user/password from $ELASTICSEARCH_USERNAME/$ELASTICSEARCH_PASSWORD):
/// the schema's analysis as the cluster applies it (_analyze), and the backend's alias flow with a reindex and swap.
/// Excluded from the default run with --filter "Category!=Live"; without the URL every test fails, so a live run can
/// never pass by accident. Each test uses its own prefix and deletes its indices.
/// </summary>
[Trait("Category", "Live")]
public sealed class LiveClusterTests : IAsyncLifetime
{
    private readonly ElasticsearchIndexOptions options;
    private readonly ElasticsearchClient client;
    private readonly List<string> createdIndices = [];

    public LiveClusterTests()
    {
        var cluster = LiveElasticsearch.FromEnvironment();
        options = new ElasticsearchIndexOptions
        {
            Url = cluster.Url.ToString(), Username = cluster.Username, Password = cluster.Password,
            IndexPrefix = $"searchsuite-test-{Guid.NewGuid():N}-", NumberOfReplicas = 0,
        };
        client = new ElasticsearchClient(options.ToClientSettings());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var index in createdIndices) await client.Indices.DeleteAsync(index);
    }

    [Fact]
    public async Task Cluster_is_a_supported_9_x()
    {
        var info = await client.InfoAsync();
        Assert.True(info.IsValidResponse, info.DebugInformation);
        var check = ServerVersionCheck.Evaluate(info.Version?.Number, info.Version?.BuildFlavor);
        Assert.True(check.IsSupported, check.Message);
    }

    [Theory]
    // The german analyzer stems ("Verhandlungen" → "verhandlung"), the english one too.
    [InlineData("body_de", "Verhandlungen", "verhandlung")]
    [InlineData("body_en", "communicated", "communic")]
    // Vietnamese keeps its diacritics; the folded copy adds the ASCII form beside the original.
    [InlineData("body_vi", "Nguyễn", "nguyễn")]
    [InlineData("body_vi_folded", "Nguyễn", "nguyễn nguyen")]
    [InlineData("names", "Trọng", "trọng trong")]
    // U+200B between words (NTREX) splits them.
    [InlineData("body_vi", "Hà\u200BNội", "hà nội")]
    public async Task The_schema_analyses_each_field_as_declared(string field, string text, string expectedTokens)
    {
        var index = await CreateIndexAsync();

        var analyzed = await client.Indices.AnalyzeAsync(new AnalyzeIndexRequest(index) { Field = field, Text = [text] });

        Assert.True(analyzed.IsValidResponse, analyzed.DebugInformation);
        Assert.Equal(expectedTokens, string.Join(" ", analyzed.Tokens!.Select(token => token.Token)));
    }

    [Fact]
    public async Task A_schema_change_reindexes_into_the_new_index_and_swaps_the_alias()
    {
        // An index of an "older schema" behind the alias, holding one document.
        var old = options.AliasName + "-old";
        var created = await client.Indices.CreateAsync(new ElasticsearchSchema { NumberOfReplicas = 0 }.ToCreateIndexRequest(old, options.AliasName));
        Assert.True(created.IsValidResponse, created.DebugInformation);
        createdIndices.Add(old);
        var document = ElasticsearchDocument.From(IndexedDocument.From(new DocumentNormalized { DocumentId = "de-1", Language = "de", Title = "Verhandlungen", Text = "Kremlsprecher Peskow" }, KeyedNames.Instance));
        var indexed = await client.IndexAsync(document, old, "de-1", request => request.Refresh(Refresh.WaitFor));
        Assert.True(indexed.IsValidResponse, indexed.DebugInformation);

        var backend = new ElasticsearchSearchIndex(client, Options.Create(options), NullLogger<ElasticsearchSearchIndex>.Instance);
        createdIndices.Add(backend.IndexName);
        await backend.InitializeAsync(CancellationToken.None);

        var aliased = await client.Indices.GetAliasAsync(new GetAliasRequest((Elastic.Clients.Elasticsearch.Names)options.AliasName));
        Assert.True(aliased.IsValidResponse, aliased.DebugInformation);
        Assert.Equal([backend.IndexName], aliased.Aliases!.Keys);
        Assert.Equal("Verhandlungen", (await backend.GetAsync("de-1", CancellationToken.None))?.Title);
    }

    [Fact]
    public async Task A_version_older_than_the_tombstone_does_not_bring_the_document_back_and_a_newer_one_does()
    {
        var backend = new ElasticsearchSearchIndex(client, Options.Create(options), NullLogger<ElasticsearchSearchIndex>.Instance);
        createdIndices.Add(backend.IndexName);
        var acceptedAt = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var version = new DocumentNormalized { DocumentId = "del-1", Language = "de", Title = "Verhandlungen", Text = "Kremlsprecher Peskow", SubmittedAt = acceptedAt };

        await backend.IndexAsync([DocumentNormalized.Tombstone("del-1", acceptedAt.AddMinutes(1))], KeyedNames.Instance, CancellationToken.None);
        await backend.IndexAsync([version], KeyedNames.Instance, CancellationToken.None);
        var afterOlder = await backend.GetAsync("del-1", CancellationToken.None);
        await backend.IndexAsync([version with { SubmittedAt = acceptedAt.AddMinutes(2), Title = "Neu" }], KeyedNames.Instance, CancellationToken.None);

        Assert.Null(afterOlder);
        Assert.Equal("Neu", (await backend.GetAsync("del-1", CancellationToken.None))?.Title);
    }

    [Fact]
    public async Task A_grouped_hit_lists_every_version_of_its_story_oldest_first_also_those_the_query_does_not_match()
    {
        var backend = new ElasticsearchSearchIndex(client, Options.Create(options), NullLogger<ElasticsearchSearchIndex>.Instance);
        createdIndices.Add(backend.IndexName);
        var at = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        await backend.IndexAsync(
        [
            new DocumentNormalized { DocumentId = "en-1", Language = "en", Title = "Putin and Iran", Text = "Putin agreed to help.", Outlet = "Bloomberg", StoryId = "story-1", SubmittedAt = at },
            new DocumentNormalized { DocumentId = "de-1", Language = "de", Title = "Putin und Iran", Text = "Putin sagte Hilfe zu.", StoryId = "story-1", SubmittedAt = at.AddMinutes(1) },
            // Matches no word of the query, and is still a version of the story.
            new DocumentNormalized { DocumentId = "vi-1", Language = "vi", Title = "Nga giúp Mỹ", Text = "Điện Kremlin đồng ý.", StoryId = "story-1", SubmittedAt = at.AddMinutes(2) },
        ], KeyedNames.Instance, CancellationToken.None);

        var result = await backend.SearchAsync(new QueryPlan([new QueryWord("Putin", true, [])], [], [], 0, 10, GroupByStory: true), CancellationToken.None);

        var hit = Assert.Single(result.Hits);
        Assert.Equal(1, result.TotalStories);
        var all = new[] { "en-1", "de-1", "vi-1" };
        Assert.Equal(all.Where(id => id != hit.Document.DocumentId), hit.Versions!.Select(v => v.DocumentId));
    }

    private async Task<string> CreateIndexAsync()
    {
        var index = options.AliasName + "-analysis";
        var created = await client.Indices.CreateAsync(new ElasticsearchSchema { NumberOfReplicas = 0 }.ToCreateIndexRequest(index));
        Assert.True(created.IsValidResponse, created.DebugInformation);
        createdIndices.Add(index);
        return index;
    }
}
