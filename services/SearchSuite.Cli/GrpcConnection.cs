using System.CommandLine;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using SearchSuite.Ingest;
using SearchSuite.Search;
using SearchSuite.GrpcHosting;

namespace SearchSuite.Cli;

/// <summary>The options every client command shares, the channel they describe, and what a failed call tells the user.</summary>
public static class GrpcConnection
{
    public static readonly Option<string> Server = new("--server")
    {
        Description = "Address of a SearchSuite server, host:port or a URL (the all-in-one, or the ingest/search service)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SEARCHSUITE_SERVER") ?? $"127.0.0.1:{AllInOneHost.DefaultPort}",
    };

    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = "API key for write calls when the server requires one (default: $SEARCHSUITE_API_KEY)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SEARCHSUITE_API_KEY"),
    };

    private const string IngestService = "searchsuite.v1.IngestService";
    private const string SearchService = "searchsuite.v1.SearchService";

    public static CallInvoker Open(Uri server, string? apiKey)
    {
        var invoker = GrpcChannel.ForAddress(server).CreateCallInvoker().Intercept(new ServiceRecorder());
        return string.IsNullOrEmpty(apiKey)
            ? invoker
            : invoker.Intercept(metadata =>
            {
                metadata.Add(ApiKeyInterceptor.HeaderName, apiKey);
                return metadata;
            });
    }

    /// <summary>
    /// Runs one client command against <see cref="Server"/> (with <see cref="ApiKey"/> when the command takes it); a gRPC
    /// failure becomes a <see cref="CliFailure"/> that says what to do.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<CallInvoker, Task<int>> call)
    {
        var server = ServerAddress.Parse(parse.GetValue(Server)!);
        var apiKey = parse.CommandResult.Command.Options.Contains(ApiKey) ? parse.GetValue(ApiKey) : null;
        return await GuardAsync(server, "--server", () => call(Open(server, apiKey)));
    }

    /// <summary>Runs calls against one address; an <see cref="RpcException"/> becomes a <see cref="CliFailure"/> naming <paramref name="option"/>.</summary>
    public static async Task<T> GuardAsync<T>(Uri server, string option, Func<Task<T>> calls)
    {
        try
        {
            return await calls();
        }
        catch (RpcException e)
        {
            throw await DescribeAsync(e, server, option, ServiceRecorder.LastService);
        }
    }

    /// <summary>A gRPC failure the way a user can act on it, with its exit code.</summary>
    private static async Task<CliFailure> DescribeAsync(RpcException error, Uri server, string option, string? wanted)
    {
        var address = ServerAddress.Display(server);
        var detail = error.Status.Detail;
        switch (error.StatusCode)
        {
            case StatusCode.Unimplemented when wanted is not null:
                return new CliFailure(ExitCode.Unreachable, await WrongServiceAsync(server, option, wanted));
            case StatusCode.Unavailable:
                return new CliFailure(ExitCode.Unreachable,
                    $"no SearchSuite server answers at {address} ({FirstSentence(detail)}). Start one with 'searchsuite serve', or pass {option} host:port.");
            case StatusCode.Internal when detail.Contains("HTTP/1.1", StringComparison.Ordinal):
                return new CliFailure(ExitCode.Unreachable,
                    $"{address} answers HTTP/1.1, not gRPC (normalize serves only health endpoints); pass {option} with the ingest ({IngestDefaults.Port}), search ({SearchDefaults.Port}) or all-in-one ({AllInOneHost.DefaultPort}) port.");
            case StatusCode.Unauthenticated or StatusCode.PermissionDenied:
                return new CliFailure(ExitCode.Unauthorized, $"{detail} Pass --api-key KEY or set SEARCHSUITE_API_KEY.");
            case StatusCode.InvalidArgument:
                return new CliFailure(ExitCode.Usage, $"the server refused the request: {detail}");
            case StatusCode.NotFound:
                return new CliFailure(ExitCode.NotFound, detail);
            default:
                return new CliFailure(ExitCode.Failed, $"{error.StatusCode}: {detail}");
        }
    }

    /// <summary>Which SearchSuite service answers at the address instead (server reflection), and where the wanted one usually is.</summary>
    private static async Task<string> WrongServiceAsync(Uri server, string option, string wanted)
    {
        var address = ServerAddress.Display(server);
        var present = await ListServicesAsync(server);
        var answering = present.Contains(IngestService) && present.Contains(SearchService) ? "the all-in-one server"
            : present.Contains(IngestService) ? "the ingest service"
            : present.Contains(SearchService) ? "the search service"
            : "not a SearchSuite service";
        var port = wanted == IngestService ? IngestDefaults.Port : SearchDefaults.Port;
        return $"{address} is {answering}, which does not serve {wanted}; pass {option} {ServerAddress.WithPort(server, port)} " +
               $"(the {(wanted == IngestService ? "ingest" : "search")} service's default port) or the all-in-one's {ServerAddress.WithPort(server, AllInOneHost.DefaultPort)}.";
    }

    private static async Task<HashSet<string>> ListServicesAsync(Uri server)
    {
        try
        {
            using var call = new ServerReflection.ServerReflectionClient(GrpcChannel.ForAddress(server))
                .ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(5));
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            await call.RequestStream.CompleteAsync();
            return await call.ResponseStream.MoveNext()
                ? call.ResponseStream.Current.ListServicesResponse?.Service.Select(s => s.Name).ToHashSet() ?? []
                : [];
        }
        catch (RpcException)
        {
            return [];
        }
    }

    private static string FirstSentence(string detail)
    {
        var cut = detail.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? detail[..cut] : detail).TrimEnd('.');
    }

    /// <summary>Remembers the service of the latest call (one command per process), so an Unimplemented answer can name what was wanted.</summary>
    private sealed class ServiceRecorder : Interceptor
    {
        private static volatile string? lastService;

        public static string? LastService => lastService;

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
            AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            lastService = context.Method.ServiceName;
            return continuation(request, context);
        }

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context,
            AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
        {
            lastService = context.Method.ServiceName;
            return continuation(context);
        }
    }
}
