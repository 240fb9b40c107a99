using Grpc.Core;
using SearchSuite.V1;

namespace SearchSuite.Services.Tests.Grpc;

/// <summary>Stories over gRPC (in-process TestServer): the three seeds are one story, told by Bloomberg and translated twice.</summary>
public sealed class StoryApiTests : IAsyncLifetime
{
    private InProcessServer server = null!;
    private IReadOnlyDictionary<string, string> seeds = null!;

    public async Task InitializeAsync()
    {
        server = await InProcessServer.StartAsync();
        seeds = await server.IngestSeedsAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private async Task<V1.Document> Get(string id) => await server.Search.GetDocumentAsync(new GetDocumentRequest { DocumentId = id });

    [Fact]
    public async Task The_three_seeds_share_one_story()
    {
        var stories = new List<string>();
        foreach (var id in seeds.Values) stories.Add((await Get(id)).StoryId);
        Assert.True(stories.Distinct().Count() == 1 && stories[0].Length > 0, $"story ids: {string.Join(", ", stories)}");
    }

    [Fact]
    public async Task A_grouped_search_returns_one_hit_with_the_other_two_as_versions()
    {
        var response = await server.Search.SearchAsync(new SearchRequest { Query = "Putin Iran", GroupByStory = true });

        var hit = Assert.Single(response.Hits);
        Assert.True(hit.Versions.Count == 2, response.ToString());
        Assert.Equal(1, response.TotalStories);
        Assert.Equal(3, response.TotalHits);
        Assert.Equal(seeds.Values.Order(), hit.Versions.Select(v => v.DocumentId).Append(hit.DocumentId).Order());
        Assert.All(hit.Versions, v => Assert.False(v.Duplicate));
    }

    [Fact]
    /// <remarks>Seed 000 names no outlet of its own anywhere in its text (nor in metadata), so two of the three outlets are known.</remarks>
    public async Task GetStory_lists_the_languages_the_known_outlets_and_Bloomberg_as_the_original()
    {
        var storyId = (await Get(seeds["001"])).StoryId;
        var story = await server.Search.GetStoryAsync(new GetStoryRequest { StoryId = storyId });

        Assert.Equal(["de", "en"], story.Languages);
        Assert.True(story.Outlets.SequenceEqual(["Bloomberg", "Dan Tri"]), story.ToString());
        Assert.True(story.OriginalOutlet == "Bloomberg" && story.Original?.DocumentId == seeds["003"], story.ToString());
        Assert.Equal(3, story.Versions.Count);
    }

    [Fact]
    public async Task GetStory_names_the_field_for_bad_input_and_answers_NOT_FOUND_for_an_unknown_story()
    {
        var empty = await Assert.ThrowsAsync<RpcException>(() => server.Search.GetStoryAsync(new GetStoryRequest()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.StartsWith("story_id:", empty.Status.Detail);
        var missing = await Assert.ThrowsAsync<RpcException>(() => server.Search.GetStoryAsync(new GetStoryRequest { StoryId = "no-such-story" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        // A merged story never comes back under its old id, so the message says where its versions went instead of "(yet)".
        Assert.Contains("or it merged into another story", missing.Status.Detail);
    }

    [Fact]
    public async Task A_near_duplicate_under_a_new_id_is_retrievable_by_its_id_and_shows_as_a_duplicate_version()
    {
        var original = await File.ReadAllTextAsync(Testing.RepoPaths.SeedFiles.First(f => Path.GetFileName(f).StartsWith("001", StringComparison.Ordinal)));
        // Other line breaks and spacing: the same content fingerprint under a new id.
        var copy = await server.Ingest().IngestAsync(new IngestRequest { DocumentId = "dantri-copy", Text = original.Replace("\n", "\n\n").Replace(", ", ",  ") });
        await server.WaitUntilSearchableAsync(copy.DocumentId);

        var document = await Get("dantri-copy");
        Assert.Equal(seeds["001"], document.DuplicateOf);
        Assert.Equal((await Get(seeds["001"])).StoryId, document.StoryId);
        var plain = await server.Search.SearchAsync(new SearchRequest { Query = "Peskow" });
        Assert.DoesNotContain(plain.Hits, h => h.DocumentId == "dantri-copy");
        var grouped = await server.Search.SearchAsync(new SearchRequest { Query = "Putin Iran", GroupByStory = true });
        var version = Assert.Single(Assert.Single(grouped.Hits).Versions, v => v.DocumentId == "dantri-copy");
        Assert.True(version.Duplicate && version.DuplicateOf == seeds["001"], grouped.ToString());
    }
}
