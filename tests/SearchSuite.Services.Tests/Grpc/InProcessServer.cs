using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SearchSuite.Cli;
using SearchSuite.GrpcHosting;
using SearchSuite.Testing;
using SearchSuite.V1;

namespace SearchSuite.Services.Tests.Grpc;

/// <summary>The all-in-one host (all three services, in-memory bus, Lucene on a temp folder) on a TestServer, reached over a real GrpcChannel.</summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string dataDirectory;
    private readonly bool ownsData;
    public GrpcChannel Channel { get; }

    private InProcessServer(WebApplication app, string dataDirectory, bool ownsData)
    {
        this.app = app;
        this.dataDirectory = dataDirectory;
        this.ownsData = ownsData;
        Channel = GrpcChannel.ForAddress(app.GetTestServer().BaseAddress, new GrpcChannelOptions { HttpHandler = app.GetTestServer().CreateHandler() });
    }

    /// <param name="dataDirectory">An existing data folder to restart on, which the caller then owns; by default a fresh temp folder, deleted on dispose.</param>
    /// <param name="logs">Where the server's logs go besides the console, typically a <see cref="Unit.VerifyNoErrorsScope"/> on the test's output.</param>
    public static async Task<InProcessServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string? dataDirectory = null, ILoggerProvider? logs = null)
    {
        var ownsData = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("searchsuite-inproc-").FullName;
        var app = AllInOneHost.Build(port: 0, dataDirectory, configure: builder =>
        {
            builder.WebHost.UseTestServer();
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
            if (logs is not null) builder.Logging.AddProvider(logs);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // A host that fails to start (the tests of start-up checks) leaves no temporary folder behind.
            await app.DisposeAsync();
            if (ownsData) Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
        return new InProcessServer(app, dataDirectory, ownsData);
    }

    /// <summary>The host's services, for tests that watch a component the API does not show (the backlog).</summary>
    public IServiceProvider Services => app.Services;

    public IngestService.IngestServiceClient Ingest(string? apiKey = null) => new(WithApiKey(apiKey));

    public SearchService.SearchServiceClient Search => new(Channel);

    public NamesService.NamesServiceClient Names(string? apiKey = null) => new(WithApiKey(apiKey));

    /// <summary>Ingests the three seeds and waits (bounded) until all are searchable; returns their ids by file prefix ("000", "001", "003").</summary>
    public async Task<IReadOnlyDictionary<string, string>> IngestSeedsAsync()
    {
        var ids = new Dictionary<string, string>();
        foreach (var file in RepoPaths.SeedFiles)
        {
            var reply = await Ingest().IngestAsync(new IngestRequest { Text = await File.ReadAllTextAsync(file) });
            ids[Path.GetFileName(file)[..3]] = reply.DocumentId;
        }
        foreach (var id in ids.Values) await WaitUntilSearchableAsync(id);
        return ids;
    }

    public Task WaitUntilSearchableAsync(string documentId) =>
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
        }, () => $"document {documentId} never became searchable");

    private CallInvoker WithApiKey(string? apiKey) => apiKey is null
        ? Channel.CreateCallInvoker()
        : Channel.CreateCallInvoker().Intercept(metadata =>
        {
            metadata.Add(ApiKeyInterceptor.HeaderName, apiKey);
            return metadata;
        });

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (ownsData) Directory.Delete(dataDirectory, recursive: true);
    }
}
