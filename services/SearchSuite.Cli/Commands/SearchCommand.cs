using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using SearchSuite.Contracts;
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
        var after = new Option<string?>("--after") { Description = "Only documents published at or after this date or time (2025-03-04, or RFC 3339 such as 2025-03-04T21:29:00+07:00; a date is UTC midnight)" };
        var before = new Option<string?>("--before") { Description = "Only documents published before this date or time (exclusive)" };
        var outlets = new Option<string[]>("--outlet") { Description = "Only documents of these outlets (case-insensitive); repeatable", AllowMultipleArgumentsPerToken = true };
        var sort = new Option<string>("--sort") { Description = "relevance (default), newest or oldest; undated documents last", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong("relevance", "newest", "oldest");
        var facets = new Option<string?>("--facets") { Description = "Count facets over all matches: comma-separated language, origin_language, outlet, published_month" };
        var json = new Option<bool>("--json") { Description = "Print the response as JSON with proto field names, as grpcurl does (indented on a terminal, one line when piped)" };
        var command = new Command("search", "Search over gRPC; hits are grouped by story unless --no-group") { query, languages, origins, after, before, outlets, sort, facets, pageSize, pageToken, noExpand, noGroup, json, GrpcConnection.Server };
        command.SetAction((parse, cancellationToken) => GrpcConnection.RunAsync(parse, async invoker =>
        {
            var request = new SearchRequest
            {
                Query = parse.GetValue(query) ?? "",
                PageSize = parse.GetValue(pageSize),
                PageToken = parse.GetValue(pageToken) ?? "",
                NameExpansion = parse.GetValue(noExpand) ? NameExpansion.Off : NameExpansion.On,
                GroupByStory = !parse.GetValue(noGroup),
                PublishedAfter = Instant("--after", parse.GetValue(after)),
                PublishedBefore = Instant("--before", parse.GetValue(before)),
                Order = parse.GetValue(sort) switch { "newest" => SearchOrder.Newest, "oldest" => SearchOrder.Oldest, _ => SearchOrder.Relevance },
            };
            request.Outlets.Add(parse.GetValue(outlets) ?? []);
            request.Facets.Add((parse.GetValue(facets) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            request.Languages.Add(parse.GetValue(languages) ?? []);
            request.OriginLanguages.Add(parse.GetValue(origins) ?? []);
            var response = await new SearchService.SearchServiceClient(invoker).SearchAsync(request, cancellationToken: cancellationToken);
            if (parse.GetValue(json)) ProtoJson.Print(response);
            else HitPrinter.Print(response);
            return 0;
        }));
        return command;
    }

    /// <summary>A date (UTC midnight) or an RFC 3339 date-time; anything else is a usage error naming the option.</summary>
    private static Timestamp? Instant(string option, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (PublicationTime.Parse(value.Trim()) is { } instant) return Timestamp.FromDateTimeOffset(instant);
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Timestamp.FromDateTimeOffset(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        throw new CliFailure(ExitCode.Usage, $"{option} {value}: use a date such as 2025-03-04 or an RFC 3339 time such as 2025-03-04T21:29:00+07:00");
    }
}
