using Grpc.Core;
using Grpc.Net.Client;
using SearchSuite.Testing;
using SearchSuite.V1;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>The three service processes (<see cref="ThreeServiceProcesses"/>) with gRPC clients compiled from the protos, as an outside client sees them.</summary>
public sealed class ThreeProcessStack : IAsyncDisposable
{
    private readonly ThreeServiceProcesses processes;
    private readonly GrpcChannel ingestChannel;
    private readonly GrpcChannel searchChannel;

    private ThreeProcessStack(ThreeServiceProcesses processes)
    {
        this.processes = processes;
        ingestChannel = GrpcChannel.ForAddress(processes.Ingest.Address);
        searchChannel = GrpcChannel.ForAddress(processes.Search.Address);
        Ingest = new IngestService.IngestServiceClient(ingestChannel);
        Search = new SearchService.SearchServiceClient(searchChannel);
    }

    public string VirtualHost => processes.VirtualHost;
    public ServiceProcess IngestProcess => processes.Ingest;
    public ServiceProcess SearchProcess => processes.Search;
    public IngestService.IngestServiceClient Ingest { get; }
    public SearchService.SearchServiceClient Search { get; }

    /// <summary>The logs of all three services, for assertion messages.</summary>
    public string Logs => processes.Logs;

    /// <param name="environment">Extra settings for every service (see <see cref="ThreeServiceProcesses.StartAsync"/>).</param>
    public static async Task<ThreeProcessStack> StartAsync(string purpose, IReadOnlyDictionary<string, string>? environment = null) =>
        new(await ThreeServiceProcesses.StartAsync(purpose, environment));

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
        ingestChannel.Dispose();
        searchChannel.Dispose();
        await processes.DisposeAsync();
    }
}
