using System.Net.Sockets;
using System.CommandLine;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;
using SearchSuite.Hosting;
using SearchSuite.GrpcHosting;

namespace SearchSuite.Cli.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port for both gRPC services, on 127.0.0.1 (1-65535)", DefaultValueFactory = _ => AllInOneHost.DefaultPort };
        var data = new Option<string>("--data") { Description = "Folder for the index and state", DefaultValueFactory = _ => "data" };
        var seed = new Option<string?>("--seed") { Description = "Folder (or file) of documents to ingest at start" };
        var verbose = new Option<bool>("--verbose") { Description = "Log at Information instead of Warning (logs go to stderr)" };
        var command = new Command("serve", "Run ingest, normalize and search in one process (in-memory bus, on-disk Lucene index)") { port, data, seed, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dataDirectory = Path.GetFullPath(parse.GetValue(data)!);
            var portValue = parse.GetValue(port);
            if (portValue is < 1 or > 65535)
                throw new CliFailure(ExitCode.Usage, $"--port {portValue} is not a TCP port; choose one from 1 to 65535 (default {AllInOneHost.DefaultPort}).");
            // Checked before listening, so a typo fails at once instead of after the server has started.
            var seedFiles = parse.GetValue(seed) is { } seedPath ? DocumentFiles.ExpandOrFail([seedPath], "--seed") : null;

            EnsurePortFree(portValue);
            await using var app = AllInOneHost.Build(portValue, dataDirectory, configure: b => CliLogging.ToStandardError(b, parse.GetValue(verbose)));
            await StartAsync(app, portValue, cancellationToken);
            var address = new Uri($"http://127.0.0.1:{portValue}");
            AnsiConsole.MarkupLineInterpolated($"SearchSuite is serving gRPC on [bold]{ServerAddress.Display(address)}[/] (data: {dataDirectory}). Ctrl+C stops it.");

            // The key the server itself was configured with (Security:ApiKey from any configuration source).
            if (seedFiles is not null) await SeedAsync(address, seedFiles, app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.ApiKey, cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>Tried before the host starts, so a busy port is one line rather than the host's logged start failure.</summary>
    private static void EnsurePortFree(int port)
    {
        try
        {
            using var probe = new TcpListener(System.Net.IPAddress.Loopback, port);
            probe.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw PortInUse(port);
        }
        catch (SocketException e)
        {
            throw new CliFailure(ExitCode.CannotServe, $"cannot listen on 127.0.0.1:{port}: {e.Message}");
        }
    }

    private static CliFailure PortInUse(int port) =>
        new(ExitCode.CannotServe, $"port {port} is already in use (another 'searchsuite serve'?); stop it or choose another with --port.");

    private static async Task StartAsync(IHost app, int port, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (FolderLockOf(e) is { } locked)
        {
            throw new CliFailure(ExitCode.CannotServe, locked.Message);
        }
        catch (Exception e) when (e is AddressInUseException || e.InnerException is AddressInUseException
                                  || e is IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } })
        {
            throw PortInUse(port);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            throw new CliFailure(ExitCode.CannotServe, $"cannot listen on 127.0.0.1:{port}: {e.Message}");
        }
    }

    /// <summary>The folder-lock refusal (another process serves this data folder), however deep the host wrapped it.</summary>
    private static FolderLockedException? FolderLockOf(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is FolderLockedException locked) return locked;
        return null;
    }

    private static async Task SeedAsync(Uri address, IReadOnlyList<string> files, string? apiKey, CancellationToken cancellationToken)
    {
        var invoker = GrpcConnection.Open(address, apiKey);
        await GrpcConnection.GuardAsync(address, "--port", async () =>
        {
            var result = await DocumentUploader.UploadAsync(invoker, files, languageHint: null, cancellationToken);
            DocumentUploader.PrintSummary(result);
            var missing = await DocumentUploader.WaitUntilSearchableAsync(invoker, result.DocumentIds, TimeSpan.FromSeconds(60), cancellationToken);
            if (missing.Count > 0)
                throw new CliFailure(ExitCode.NotSearchable, $"{missing.Count} seeded documents did not become searchable within 60 s (first: {missing[0]}); run with --verbose to see why.");
            AnsiConsole.MarkupLineInterpolated($"Seeded {Output.Terminal.Count(result.Accepted, "document")}; all are searchable. Try: {CliName.Command} search \"Putin Iran\"");
            return 0;
        });
    }
}
