using System.CommandLine;
using SearchSuite.Cli.Output;
using SearchSuite.V1;
using Spectre.Console;

namespace SearchSuite.Cli.Commands;

public static class GetCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("document-id") { Description = "The id returned by ingest or shown in search hits" };
        var json = new Option<bool>("--json") { Description = "Print the document as JSON with proto field names, as grpcurl does (indented on a terminal, one line when piped)" };
        var command = new Command("get", "Show one document: clean text, attribution and what normalize removed") { id, json, GrpcConnection.Server };
        command.SetAction((parse, cancellationToken) => GrpcConnection.RunAsync(parse, async invoker =>
        {
            var client = new SearchService.SearchServiceClient(invoker);
            var document = await client.GetDocumentAsync(new GetDocumentRequest { DocumentId = parse.GetValue(id) ?? "" }, cancellationToken: cancellationToken);
            if (parse.GetValue(json)) ProtoJson.Print(document);
            else Print(document);
            return 0;
        }));
        return command;
    }

    private static void Print(Document document)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string label, string value)
        {
            if (value.Length > 0) grid.AddRow(new Spectre.Console.Text(label, new Style(Color.Grey)), new Spectre.Console.Text(value));
        }
        Row("id", document.DocumentId);
        Row("title", document.Title);
        Row("language", document.Language);
        Row("origin", document.OriginLanguage);
        Row("outlet", document.Outlet);
        Row("published", document.PublishedAt?.ToDateTimeOffset().ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Row("source", document.SourceUrl);
        Row("cites", string.Join(", ", document.CitedSources));
        Row("people", string.Join(", ", document.PersonNames));
        AnsiConsole.Write(grid);
        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine(document.Text);
        if (document.Removed.Count == 0) return;
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[grey]Removed:[/]");
        foreach (var removed in document.Removed)
            AnsiConsole.MarkupLineInterpolated($"[grey]  {removed.Kind}: {(removed.Text.Length > 100 ? removed.Text[..100] + "…" : removed.Text).ReplaceLineEndings(" ⏎ ")}[/]");
    }
}
