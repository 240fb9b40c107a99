using System.Text.RegularExpressions;
using SearchSuite.V1;
using Spectre.Console;

namespace SearchSuite.Cli.Output;

/// <summary>The one way the CLI shows search results to people (commands that list hits reuse <see cref="PrintHit"/>).</summary>
public static partial class HitPrinter
{
    /// <summary>Words of the text shown in place of a missing title.</summary>
    private const int UntitledWords = 8;

    public static void Print(SearchResponse response)
    {
        foreach (var expansion in response.NameExpansions)
            AnsiConsole.MarkupLineInterpolated($"[grey]{expansion.QueryName} → {string.Join(", ", expansion.Forms.Select(f => $"{f.Form} ({f.Source})"))}[/]");
        var stories = response.TotalStories > 0 ? $" in {Terminal.Count(response.TotalStories, "story", "stories")}" : "";
        AnsiConsole.WriteLine(Terminal.Count(response.TotalHits, "hit") + stories);
        var rank = 0;
        foreach (var hit in response.Hits)
        {
            PrintHit(++rank, hit);
            if (response.TotalStories > 0) Terminal.Indented($"[grey]{Markup.Escape(StoryPrinter.Summary(hit))}[/]");
        }
        if (response.NextPageToken.Length > 0) AnsiConsole.MarkupLineInterpolated($"[grey]more: --page-token {response.NextPageToken}[/]");
        PrintFacets(response.Facets);
    }

    /// <summary>Each facet as a small table of values and counts, side by side.</summary>
    public static void PrintFacets(IReadOnlyCollection<Facet> facets)
    {
        if (facets.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var facet in facets) table.AddColumn(new TableColumn(Markup.Escape(facet.Name)));
        var rows = facets.Max(f => f.Values.Count);
        for (var row = 0; row < rows; row++)
            table.AddRow([.. facets.Select(f => row < f.Values.Count ? Markup.Escape($"{f.Values[row].Value}  {f.Values[row].Count}") : "")]);
        AnsiConsole.Write(table);
    }

    public static void PrintHit(int rank, SearchHit hit)
    {
        var origin = hit.OriginLanguage.Length > 0 && hit.OriginLanguage != hit.Language ? $", from {hit.OriginLanguage}" : "";
        var outlet = hit.Outlet.Length > 0 ? $" · {hit.Outlet}" : "";
        outlet += hit.PublishedAt is { } published ? $" · {published.ToDateTimeOffset():yyyy-MM-dd}" : "";
        var heading = Heading(hit);
        AnsiConsole.MarkupLineInterpolated($"[bold]{rank}. {heading}[/] [grey]({hit.Language}{origin}{outlet}, score {hit.Score:0.###}, {hit.DocumentId})[/]");
        if (!RepeatsTitle(hit.Snippet, heading)) Terminal.Indented(Highlight(hit.Snippet));
        if (hit.RelatedHeadlineMatch) Terminal.Indented("[grey](matched a related-article headline)[/]");
        if (hit.MatchedNames.Count > 0) Terminal.Indented($"[grey]names: {Markup.Escape(string.Join(", ", hit.MatchedNames))}[/]");
        if (hit.CitedSources.Count > 0) Terminal.Indented($"[grey]cites: {Markup.Escape(string.Join(", ", hit.CitedSources))}[/]");
        if (hit.SourceUrl.Length > 0) Terminal.Indented($"[grey]{Markup.Escape(hit.SourceUrl)}[/]");
    }

    /// <summary>The title, or for an untitled document the first words of its text (its snippet when that starts the text), marked with "…".</summary>
    public static string Heading(SearchHit hit)
    {
        if (hit.Title.Trim().Length > 0) return hit.Title.Trim();
        var words = Plain(hit.Snippet).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? $"(untitled {hit.DocumentId})" : string.Join(' ', words.Take(UntitledWords)) + (words.Length > UntitledWords ? " …" : "");
    }

    /// <summary>A snippet that says no more than the heading (a short text that is its own title) is not worth a line.</summary>
    public static bool RepeatsTitle(string snippet, string heading)
    {
        var plain = Comparable(Plain(snippet));
        return plain.Length == 0 || Comparable(heading).Contains(plain, StringComparison.Ordinal);
    }

    private static string Highlight(string snippet) =>
        Markup.Escape(snippet).Replace("&lt;em&gt;", "[yellow]").Replace("&lt;/em&gt;", "[/]").Replace("<em>", "[yellow]").Replace("</em>", "[/]");

    private static string Plain(string snippet) => Whitespace().Replace(snippet.Replace("<em>", "").Replace("</em>", ""), " ").Trim();

    private static string Comparable(string text) => NonWord().Replace(text.ToLowerInvariant(), "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
