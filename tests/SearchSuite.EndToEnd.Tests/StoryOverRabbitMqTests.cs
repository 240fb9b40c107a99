using SearchSuite.Testing;
using SearchSuite.V1;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>Stories across the three real processes over RabbitMQ: a translation ingested later joins the story already indexed.</summary>
public sealed class StoryOverRabbitMqTests
{
    [Fact]
    public async Task A_translation_ingested_later_joins_its_story()
    {
        await using var stack = await ThreeProcessStack.StartAsync("stories");
        var files = RepoPaths.SeedFiles.ToDictionary(f => Path.GetFileName(f)[..3]);
        // The English Bloomberg original first, alone; the Dan Tri translation once the original is searchable.
        var original = await stack.Ingest.IngestAsync(new IngestRequest { Text = await File.ReadAllTextAsync(files["003"]) });
        await stack.WaitUntilSearchableAsync(original.DocumentId);
        var translation = await stack.Ingest.IngestAsync(new IngestRequest { Text = await File.ReadAllTextAsync(files["001"]) });
        await stack.WaitUntilSearchableAsync(translation.DocumentId);

        var first = await stack.Search.GetDocumentAsync(new GetDocumentRequest { DocumentId = original.DocumentId });
        var later = await stack.Search.GetDocumentAsync(new GetDocumentRequest { DocumentId = translation.DocumentId });
        Assert.True(first.StoryId.Length > 0 && later.StoryId == first.StoryId, $"original {first.StoryId}, translation {later.StoryId}\n{stack.Logs}");
        var story = await stack.Search.GetStoryAsync(new GetStoryRequest { StoryId = first.StoryId });
        Assert.True(story.Languages.SequenceEqual(["de", "en"]) && story.OriginalOutlet == "Bloomberg", $"{story}\n{stack.Logs}");
        var grouped = await stack.Search.SearchAsync(new SearchRequest { Query = "Putin Iran", GroupByStory = true });
        Assert.True(grouped.Hits.Count == 1 && grouped.Hits[0].Versions.Count == 1, $"{grouped}\n{stack.Logs}");
    }
}
