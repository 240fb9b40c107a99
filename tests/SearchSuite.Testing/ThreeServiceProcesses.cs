namespace SearchSuite.Testing;

/// <summary>
/// Ingest, normalize and search as three processes on a fresh RabbitMQ vhost, each on its own port, with a
/// temporary Lucene index. Shared by the end-to-end tests and the system benchmark.
/// </summary>
[RequiresCategory(TestCategories.Broker)]
public sealed class ThreeServiceProcesses : IAsyncDisposable
{
    private readonly List<ServiceProcess> processes = [];
    private readonly Dictionary<string, (string Project, IReadOnlyDictionary<string, string> Environment, int Port)> launches = [];

    public string VirtualHost { get; private set; } = "";
    public string IndexPath { get; private set; } = "";
    public ServiceProcess Ingest { get; private set; } = null!;
    public ServiceProcess Normalize { get; private set; } = null!;
    public ServiceProcess Search { get; private set; } = null!;
    public IReadOnlyList<ServiceProcess> All => processes;

    /// <summary>The logs of all three services, for assertion messages.</summary>
    public string Logs => string.Join("\n", earlierLogs.Concat(processes.Select(p => $"----- {p.Name} -----\n{p.Output}")));

    /// <summary>The logs of processes that were relaunched, so a failure still shows what happened before the restart.</summary>
    private readonly List<string> earlierLogs = [];

    /// <param name="environment">Extra settings for every service (e.g. Index__BatchMessageLimit), on top of the broker and index path.</param>
    /// <param name="broker">A broker of the test's own (<see cref="PrivateRabbitMqNode.ConnectionString"/>); by default a fresh vhost on the shared one.</param>
    public static async Task<ThreeServiceProcesses> StartAsync(string purpose, IReadOnlyDictionary<string, string>? environment = null, string? broker = null)
    {
        var stack = new ThreeServiceProcesses();
        try
        {
            if (broker is null) stack.VirtualHost = await RabbitMqBroker.CreateVirtualHostAsync(purpose);
            stack.IndexPath = Directory.CreateTempSubdirectory("searchsuite-index-").FullName;
            var settings = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
            {
                ["ConnectionStrings__RabbitMq"] = broker ?? RabbitMqBroker.ConnectionString(stack.VirtualHost),
            };

            stack.Ingest = stack.Launch("ingest", "SearchSuite.Ingest", settings);
            stack.Normalize = stack.Launch("normalize", "SearchSuite.Normalize", settings);
            stack.Search = stack.Launch("search", "SearchSuite.Search", new Dictionary<string, string>(settings) { ["Index__Path"] = stack.IndexPath });

            await stack.Ingest.WaitUntilReadyAsync(http2: true);
            await stack.Normalize.WaitUntilReadyAsync(http2: false);
            await stack.Search.WaitUntilReadyAsync(http2: true);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A second search process on the same broker vhost and index folder, as a read-only replica (Index:ReadOnly) of the
    /// first: the two share the backend state, as two search replicas on one cluster would.
    /// </summary>
    public async Task<ServiceProcess> LaunchSearchReplicaAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var (_, searchEnvironment, _) = launches["search"];
        var settings = new Dictionary<string, string>(searchEnvironment) { ["Index__ReadOnly"] = "true" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) settings[key] = value;
        var replica = Launch($"search-replica-{processes.Count}", "SearchSuite.Search", settings);
        await replica.WaitUntilReadyAsync(http2: true);
        return replica;
    }

    private ServiceProcess Launch(string name, string project, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var listenPort = port ?? ServiceProcess.FreePort();
        launches[name] = (project, environment, listenPort);
        var process = ServiceProcess.Start(name, RepoPaths.ServiceAssembly(project), ["--urls", $"http://127.0.0.1:{listenPort}"], environment, listenPort);
        processes.Add(process);
        return process;
    }

    /// <summary>
    /// Starts <paramref name="service"/> again with its settings and port (after a test killed it), waits until it is
    /// ready, and returns the new process, which also replaces it in <see cref="Ingest"/>, <see cref="Normalize"/> or <see cref="Search"/>.
    /// </summary>
    public async Task<ServiceProcess> RelaunchAsync(ServiceProcess service)
    {
        var (project, environment, port) = launches[service.Name];
        processes.Remove(service);
        earlierLogs.Add($"----- {service.Name} (before its relaunch) -----\n{service.Output}");
        await service.DisposeAsync();
        var process = Launch(service.Name, project, environment, port);
        if (ReferenceEquals(service, Ingest)) Ingest = process;
        else if (ReferenceEquals(service, Normalize)) Normalize = process;
        else if (ReferenceEquals(service, Search)) Search = process;
        await process.WaitUntilReadyAsync(http2: !ReferenceEquals(process, Normalize));
        return process;
    }

    /// <summary>Stops the processes, drops the vhost and deletes the index (unless <paramref name="keepIndex"/>, for reading it afterwards).</summary>
    public async Task StopAsync(bool keepIndex)
    {
        foreach (var process in processes) await process.DisposeAsync();
        processes.Clear();
        if (VirtualHost.Length > 0) await RabbitMqBroker.DeleteVirtualHostAsync(VirtualHost);
        VirtualHost = "";
        if (!keepIndex && IndexPath.Length > 0 && Directory.Exists(IndexPath)) Directory.Delete(IndexPath, recursive: true);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(keepIndex: false);
        if (IndexPath.Length > 0 && Directory.Exists(IndexPath)) Directory.Delete(IndexPath, recursive: true);
    }
}
