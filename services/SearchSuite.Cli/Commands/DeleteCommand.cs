using System.CommandLine;
using SearchSuite.V1;
using Spectre.Console;

namespace SearchSuite.Cli.Commands;

public static class DeleteCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("document-id") { Description = "The id of the document to remove from search (and from its story)" };
        var command = new Command("delete", "Delete a document; it travels the pipeline after any earlier ingest of it, and repeating it succeeds")
        {
            id, GrpcConnection.Server, GrpcConnection.ApiKey,
        };
        command.SetAction((parse, cancellationToken) => GrpcConnection.RunAsync(parse, async invoker =>
        {
            var reply = await new IngestService.IngestServiceClient(invoker)
                .DeleteDocumentAsync(new DeleteDocumentRequest { DocumentId = parse.GetValue(id) ?? "" }, cancellationToken: cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"Deleted {reply.DocumentId} (gone from search within seconds).");
            return 0;
        }));
        return command;
    }
}
