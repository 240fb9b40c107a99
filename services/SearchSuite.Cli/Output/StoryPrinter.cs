using SearchSuite.V1;
using Spectre.Console;

namespace SearchSuite.Cli.Output;

/// <summary>How the CLI shows stories: a grouped hit's languages and outlets, and one story with its versions.</summary>
public static class StoryPrinter
{
    /// <summary>The line under a grouped hit: the story's languages and outlets over the hit and its versions.</summary>
    public static string Summary(SearchHit hit)
    {
        var versions = hit.Versions.Select(v => (v.Language, v.Outlet)).Prepend((hit.Language, hit.Outlet)).ToList();
        var languages = versions.Select(v => v.Language).Where(l => l.Length > 0).Distinct().Order(StringComparer.Ordinal);
        var outlets = versions.Select(v => v.Outlet).Where(o => o.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var summary = $"story {hit.StoryId}: {versions.Count} version{(versions.Count == 1 ? "" : "s")} in {string.Join(", ", languages)}";
        return outlets.Count > 0 ? summary + $"; outlets: {string.Join(", ", outlets)}" : summary;
    }

    public static void Print(Story story)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]story {story.StoryId}[/]: {story.Versions.Count} versions in {string.Join(", ", story.Languages)}");
        if (story.Outlets.Count > 0) AnsiConsole.MarkupLineInterpolated($"outlets: {string.Join(", ", story.Outlets)}");
        if (story.OriginalOutlet.Length > 0 || story.Original is not null)
            AnsiConsole.MarkupLineInterpolated($"original: {(story.OriginalOutlet.Length > 0 ? story.OriginalOutlet : "?")}{(story.Original is null ? " (not indexed)" : $" ({story.Original.DocumentId})")}");
        if (story.MergedStoryIds.Count > 0) AnsiConsole.MarkupLineInterpolated($"[grey]merged from: {string.Join(", ", story.MergedStoryIds)}[/]");
        foreach (var version in story.Versions)
        {
            var origin = version.OriginLanguage.Length > 0 && version.OriginLanguage != version.Language ? $", from {version.OriginLanguage}" : "";
            var outlet = version.Outlet.Length > 0 ? $" · {version.Outlet}" : "";
            var duplicate = version.Duplicate ? $", duplicate of {version.DuplicateOf}" : "";
            AnsiConsole.MarkupLineInterpolated($"  {version.Title} [grey]({version.Language}{origin}{outlet}{duplicate}, {version.DocumentId})[/]");
        }
    }
}
