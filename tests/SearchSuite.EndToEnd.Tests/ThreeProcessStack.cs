using Grpc.Core;
using Grpc.Net.Client;
using SearchSuite.Testing;
using SearchSuite.V1;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>Ingest, normalize and search as three processes on a fresh RabbitMQ vhost, each with its own port.</summary>
public sealed class ThreeProcessStack : IAsyncDisposable
{
    private readonly List<ServiceProcess> processes = [];
    private readonly List<GrpcChannel> channels = [];
    private string? indexPath;

    public string VirtualHost { get; private set; } = "";
    public ServiceProcess IngestProcess { get; private set; } = null!;
    public ServiceProcess SearchProcess { get; private set; } = null!;
    public IngestService.IngestServiceClient Ingest { get; private set; } = null!;
    public SearchService.SearchServiceClient Search { get; private set; } = null!;

    /// <summary>The logs of all three services, for assertion messages.</summary>
    public string Logs => string.Join("\n", processes.Select(p => $"----- {p.Name} -----\n{p.Output}"));

    public static async Task<ThreeProcessStack> StartAsync(string purpose)
    {
        var stack = new ThreeProcessStack();
        stack.VirtualHost = await RabbitMqBroker.CreateVirtualHostAsync(purpose);
        stack.indexPath = Directory.CreateTempSubdirectory("searchsuite-e2e-index-").FullName;
        var environment = new Dictionary<string, string> { ["ConnectionStrings__RabbitMq"] = RabbitMqBroker.ConnectionString(stack.VirtualHost) };

        stack.IngestProcess = stack.Launch("ingest", "SearchSuite.Ingest", environment);
        var normalize = stack.Launch("normalize", "SearchSuite.Normalize", environment);
        stack.SearchProcess = stack.Launch("search", "SearchSuite.Search", new Dictionary<string, string>(environment) { ["Index__Path"] = stack.indexPath });

        await stack.IngestProcess.WaitUntilReadyAsync(http2: true);
        await normalize.WaitUntilReadyAsync(http2: false);
        await stack.SearchProcess.WaitUntilReadyAsync(http2: true);
        stack.Ingest = new IngestService.IngestServiceClient(stack.Channel(stack.IngestProcess.Address));
        stack.Search = new SearchService.SearchServiceClient(stack.Channel(stack.SearchProcess.Address));
        return stack;
    }

    private ServiceProcess Launch(string name, string project, IReadOnlyDictionary<string, string> environment)
    {
        var port = ServiceProcess.FreePort();
        var process = ServiceProcess.Start(name, RepoPaths.ServiceAssembly(project), ["--urls", $"http://127.0.0.1:{port}"], environment, port);
        processes.Add(process);
        return process;
    }

    private GrpcChannel Channel(string address)
    {
        var channel = GrpcChannel.ForAddress(address);
        channels.Add(channel);
        return channel;
    }

    public Task<Document> WaitUntilSearchableAsync(string documentId) =>
        Poll.UntilAsync(async () =>
        {
            try
            {
                return await Search.GetDocumentAsync(new GetDocumentRequest { DocumentId = documentId });
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, () => $"document {documentId} never became searchable over the three processes.\n{Logs}", TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in channels) channel.Dispose();
        foreach (var process in processes) await process.DisposeAsync();
        if (VirtualHost.Length > 0) await RabbitMqBroker.DeleteVirtualHostAsync(VirtualHost);
        if (indexPath is not null) Directory.Delete(indexPath, recursive: true);
    }
}
