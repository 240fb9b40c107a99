using System.CommandLine;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using SearchSuite.ServiceDefaults;

namespace SearchSuite.Cli;

/// <summary>The options every client command shares, and the channel they describe.</summary>
public static class GrpcConnection
{
    public static readonly Option<string> Server = new("--server")
    {
        Description = "gRPC address of a SearchSuite server (the all-in-one, or the ingest/search service)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SEARCHSUITE_SERVER") ?? $"http://127.0.0.1:{AllInOneHost.DefaultPort}",
    };

    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = "API key for write calls when the server requires one (default: $SEARCHSUITE_API_KEY)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SEARCHSUITE_API_KEY"),
    };

    public static CallInvoker Open(string server, string? apiKey)
    {
        var channel = GrpcChannel.ForAddress(server);
        var invoker = channel.CreateCallInvoker();
        return string.IsNullOrEmpty(apiKey)
            ? invoker
            : invoker.Intercept(metadata =>
            {
                metadata.Add(ApiKeyInterceptor.HeaderName, apiKey);
                return metadata;
            });
    }

    /// <summary>
    /// Runs one client command against <see cref="Server"/> (with <see cref="ApiKey"/> when the command takes it) and
    /// turns a gRPC failure into a message and an exit code.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<CallInvoker, Task<int>> call)
    {
        var server = parse.GetValue(Server)!;
        var apiKey = parse.CommandResult.Command.Options.Contains(ApiKey) ? parse.GetValue(ApiKey) : null;
        try
        {
            return await call(Open(server, apiKey));
        }
        catch (RpcException e)
        {
            return Report(e, server);
        }
    }

    /// <summary>Prints a gRPC failure the way a user can act on it, and returns the exit code.</summary>
    public static int Report(RpcException error, string server)
    {
        var hint = error.StatusCode == StatusCode.Unavailable ? $" Is a server running at {server}? Start one with 'searchsuite serve'." : "";
        Console.Error.WriteLine($"error: {error.StatusCode}: {error.Status.Detail}{hint}");
        return error.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound ? 2 : 1;
    }
}
