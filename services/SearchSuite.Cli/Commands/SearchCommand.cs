using System.CommandLine;
using SearchSuite.V1;
using SearchSuite.Cli.Output;

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
        var json = new Option<bool>("--json") { Description = "Print the response as JSON with proto field names, as grpcurl does (indented on a terminal, one line when piped)" };
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
            if (parse.GetValue(json)) ProtoJson.Print(response);
            else HitPrinter.Print(response);
            return 0;
        }));
        return command;
    }
}
