using System.CommandLine;
using Google.Protobuf;
using SearchSuite.V1;
using Spectre.Console;

namespace SearchSuite.Cli.Commands;

public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words to find; person names are matched across languages and spellings" };
        var languages = new Option<string[]>("--lang") { Description = "Only documents in these languages (de, en, vi, …); repeatable", AllowMultipleArgumentsPerToken = true };
        var origins = new Option<string[]>("--origin") { Description = "Only documents whose original source is in these languages; repeatable", AllowMultipleArgumentsPerToken = true };
        var pageSize = new Option<int>("--page-size") { Description = "Hits per page (1-100)", DefaultValueFactory = _ => 10 };
        var pageToken = new Option<string?>("--page-token") { Description = "next_page_token of a previous identical search" };
        var noExpand = new Option<bool>("--no-expand") { Description = "Switch cross-language name expansion off (for comparison)" };
        var noGroup = new Option<bool>("--no-group") { Description = "One hit per document instead of one per story" };
        var json = new Option<bool>("--json") { Description = "Print the response as JSON (proto3 JSON mapping)" };
        var command = new Command("search", "Search over gRPC; hits are grouped by story unless --no-group") { query, languages, origins, pageSize, pageToken, noExpand, noGroup, json, GrpcConnection.Server };
        command.SetAction((parse, cancellationToken) => GrpcConnection.RunAsync(parse, async invoker =>
        {
            var request = new SearchRequest
            {
                Query = parse.GetValue(query) ?? "",
                PageSize = parse.GetValue(pageSize),
                PageToken = parse.GetValue(pageToken) ?? "",
                NameExpansion = parse.GetValue(noExpand) ? NameExpansion.Off : NameExpansion.On,
                GroupByStory = !parse.GetValue(noGroup),
            };
            request.Languages.Add(parse.GetValue(languages) ?? []);
            request.OriginLanguages.Add(parse.GetValue(origins) ?? []);
            var response = await new SearchService.SearchServiceClient(invoker).SearchAsync(request, cancellationToken: cancellationToken);
            if (parse.GetValue(json)) Console.WriteLine(JsonFormatter.Default.Format(response));
            else Print(response);
            return 0;
        }));
        return command;
    }

    private static void Print(SearchResponse response)
    {
        foreach (var expansion in response.NameExpansions)
            AnsiConsole.MarkupLineInterpolated($"[grey]{expansion.QueryName} → {string.Join(", ", expansion.Forms.Select(f => $"{f.Form} ({f.Source})"))}[/]");
        AnsiConsole.MarkupLineInterpolated($"{response.TotalHits} hits{(response.TotalStories > 0 ? $" in {response.TotalStories} stories" : "")}");
        var rank = 0;
        foreach (var hit in response.Hits)
        {
            rank++;
            var origin = hit.OriginLanguage.Length > 0 && hit.OriginLanguage != hit.Language ? $", from {hit.OriginLanguage}" : "";
            var outlet = hit.Outlet.Length > 0 ? $" · {hit.Outlet}" : "";
            AnsiConsole.MarkupLineInterpolated($"[bold]{rank}. {hit.Title}[/] [grey]({hit.Language}{origin}{outlet}, score {hit.Score:0.###}, {hit.DocumentId})[/]");
            var snippet = Markup.Escape(hit.Snippet).Replace("&lt;em&gt;", "[yellow]").Replace("&lt;/em&gt;", "[/]");
            AnsiConsole.MarkupLine("   " + snippet.Replace("<em>", "[yellow]").Replace("</em>", "[/]"));
            if (hit.RelatedHeadlineMatch) AnsiConsole.MarkupLine("   [grey](matched a related-article headline)[/]");
            if (hit.MatchedNames.Count > 0) AnsiConsole.MarkupLineInterpolated($"   [grey]names: {string.Join(", ", hit.MatchedNames)}[/]");
            if (hit.CitedSources.Count > 0) AnsiConsole.MarkupLineInterpolated($"   [grey]cites: {string.Join(", ", hit.CitedSources)}[/]");
            if (hit.SourceUrl.Length > 0) AnsiConsole.MarkupLineInterpolated($"   [grey]{hit.SourceUrl}[/]");
            if (response.TotalStories > 0) AnsiConsole.MarkupLineInterpolated($"   [grey]{StoryPrinter.Summary(hit)}[/]");
        }
        if (response.NextPageToken.Length > 0) AnsiConsole.MarkupLineInterpolated($"[grey]more: --page-token {response.NextPageToken}[/]");
    }
}
