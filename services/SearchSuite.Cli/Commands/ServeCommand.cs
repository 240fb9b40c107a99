using Microsoft.Extensions.Hosting;
using System.CommandLine;
using Grpc.Core;
using Spectre.Console;
using SearchSuite.ServiceDefaults;

namespace SearchSuite.Cli.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port for both gRPC services, on 127.0.0.1", DefaultValueFactory = _ => AllInOneHost.DefaultPort };
        var data = new Option<string>("--data") { Description = "Folder for the index and state", DefaultValueFactory = _ => "data" };
        var seed = new Option<string?>("--seed") { Description = "Folder (or file) of documents to ingest at start" };
        var command = new Command("serve", "Run ingest, normalize and search in one process (in-memory bus, on-disk Lucene index)") { port, data, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dataDirectory = Path.GetFullPath(parse.GetValue(data)!);
            var portValue = parse.GetValue(port);
            await using var app = AllInOneHost.Build(portValue, dataDirectory);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception e) when (FolderLockOf(e) is { } locked)
            {
                Console.Error.WriteLine($"error: {locked.Message}");
                return 1;
            }
            var address = $"http://127.0.0.1:{portValue}";
            AnsiConsole.MarkupLineInterpolated($"SearchSuite is serving gRPC on [bold]{address}[/] (data: {dataDirectory}). Ctrl+C stops it.");

            if (parse.GetValue(seed) is { } seedPath)
            {
                var exitCode = await SeedAsync(address, seedPath, cancellationToken);
                if (exitCode != 0) return exitCode;
            }
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>The folder-lock refusal, however deep the host wrapped it.</summary>
    private static FolderLockedException? FolderLockOf(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is FolderLockedException locked) return locked;
        return null;
    }

    private static async Task<int> SeedAsync(string address, string seedPath, CancellationToken cancellationToken)
    {
        var invoker = GrpcConnection.Open(address, apiKey: Environment.GetEnvironmentVariable("Security__ApiKey"));
        try
        {
            var result = await DocumentUploader.UploadAsync(invoker, DocumentFiles.Expand([seedPath]), languageHint: null, cancellationToken);
            DocumentUploader.PrintSummary(result);
            var missing = await DocumentUploader.WaitUntilSearchableAsync(invoker, result.Summary.DocumentIds, TimeSpan.FromSeconds(60), cancellationToken);
            if (missing.Count > 0)
            {
                Console.Error.WriteLine($"error: {missing.Count} seeded documents did not become searchable within 60 s: {string.Join(", ", missing)}");
                return 1;
            }
            AnsiConsole.MarkupLineInterpolated($"Seeded {result.Summary.Accepted} documents; all are searchable. Try: searchsuite search \"Putin Iran\"");
            return 0;
        }
        catch (RpcException e)
        {
            return GrpcConnection.Report(e, address);
        }
    }
}
