using System.CommandLine;

namespace SearchSuite.Cli.Commands;

public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (.txt/.md: one document each; .jsonl: one per line)", Arity = ArgumentArity.OneOrMore };
        var language = new Option<string?>("--language") { Description = "ISO 639-1 hint for every document (otherwise detected)" };
        var wait = new Option<bool>("--wait") { Description = "Return only once every accepted document is searchable (up to 120 s)" };
        var searchServer = new Option<string?>("--search-server") { Description = "Where --wait asks whether documents are searchable, when search is not on --server (the three-service setup), host:port or a URL" };
        var command = new Command("ingest", "Send documents to a server over gRPC, with a progress bar") { paths, language, wait, searchServer, GrpcConnection.Server, GrpcConnection.ApiKey };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var server = ServerAddress.Parse(parse.GetValue(GrpcConnection.Server)!);
            var searchAddress = parse.GetValue(searchServer) is { } text ? ServerAddress.Parse(text, "--search-server") : null;
            var files = DocumentFiles.ExpandOrFail(parse.GetValue(paths)!, "ingest");
            var invoker = GrpcConnection.Open(server, parse.GetValue(GrpcConnection.ApiKey));

            var result = await GrpcConnection.GuardAsync(server, "--server", () => DocumentUploader.UploadAsync(invoker, files, parse.GetValue(language), cancellationToken));
            DocumentUploader.PrintSummary(result);
            if (parse.GetValue(wait) && result.Accepted > 0)
            {
                // Without --search-server the search service is asked on --server; a wrong guess is told to pass it.
                var waitAddress = searchAddress ?? server;
                var missing = await GrpcConnection.GuardAsync(waitAddress, "--search-server", () =>
                    DocumentUploader.WaitUntilSearchableAsync(GrpcConnection.Open(waitAddress, apiKey: null), result.DocumentIds, TimeSpan.FromSeconds(120), cancellationToken));
                if (missing.Count > 0)
                    throw new CliFailure(ExitCode.NotSearchable, $"{missing.Count} documents are not searchable after 120 s (first: {missing[0]}); check the normalize and search logs.");
                Console.WriteLine(result.Accepted == 1 ? "The accepted document is searchable." : $"All {result.Accepted} accepted documents are searchable.");
            }
            return (int)(result.Rejected > 0 ? ExitCode.Rejected : ExitCode.Success);
        });
        return command;
    }
}
