using System.CommandLine;
using Grpc.Core;

namespace SearchSuite.Cli.Commands;

public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (.txt/.md: one document each; .jsonl: one per line)", Arity = ArgumentArity.OneOrMore };
        var language = new Option<string?>("--language") { Description = "ISO 639-1 hint for every document (otherwise detected)" };
        var wait = new Option<bool>("--wait") { Description = "Return only once every accepted document is searchable (up to 120 s)" };
        var searchServer = new Option<string?>("--search-server") { Description = "Where --wait asks whether documents are searchable, when search is not on --server (the three-service setup)" };
        var command = new Command("ingest", "Send documents to a server over gRPC, with a progress bar") { paths, language, wait, searchServer, GrpcConnection.Server, GrpcConnection.ApiKey };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var server = parse.GetValue(GrpcConnection.Server)!;
            var invoker = GrpcConnection.Open(server, parse.GetValue(GrpcConnection.ApiKey));
            IReadOnlyList<string> files;
            try
            {
                files = DocumentFiles.Expand(parse.GetValue(paths)!);
            }
            catch (FileNotFoundException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            try
            {
                var result = await DocumentUploader.UploadAsync(invoker, files, parse.GetValue(language), cancellationToken);
                DocumentUploader.PrintSummary(result);
                if (parse.GetValue(wait))
                {
                    var searchInvoker = parse.GetValue(searchServer) is { } searchAddress ? GrpcConnection.Open(searchAddress, apiKey: null) : invoker;
                    var missing = await DocumentUploader.WaitUntilSearchableAsync(searchInvoker, result.Summary.DocumentIds, TimeSpan.FromSeconds(120), cancellationToken);
                    if (missing.Count > 0)
                    {
                        Console.Error.WriteLine($"error: {missing.Count} documents are not searchable after 120 s (first: {missing[0]}).");
                        return 1;
                    }
                    Console.WriteLine($"All {result.Summary.Accepted} accepted documents are searchable.");
                }
                return result.Summary.Rejected > 0 ? 3 : 0;
            }
            catch (RpcException e)
            {
                return GrpcConnection.Report(e, server);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
