using SearchSuite.Testing;

namespace SearchSuite.Benchmarks.EndToEnd;

/// <summary>The all-in-one, <c>searchsuite serve</c>, started as a process the way users run it (Production environment).</summary>
internal static class AllInOneProcess
{
    /// <param name="environment">Settings on top of <see cref="SystemBenchmarks.ProductionHost"/> (e.g. Journal__Durability, DOTNET_gcServer).</param>
    public static async Task<ServiceProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = ServiceProcess.FreePort();
        var settings = new Dictionary<string, string>(SystemBenchmarks.ProductionHost);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) settings[name] = value;
        var serve = ServiceProcess.Start("all-in-one", RepoPaths.ServiceAssembly("SearchSuite.Cli", "searchsuite"),
            ["serve", "--port", port.ToString(), "--data", dataDirectory], settings, port);
        try
        {
            await serve.WaitUntilReadyAsync(http2: true);
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }
        return serve;
    }

    /// <summary>
    /// A data folder for <c>serve</c> whose index is <paramref name="indexPath"/> (serve keeps its index in DATA/index):
    /// a link, so the all-in-one searches the very index the other targets search.
    /// </summary>
    public static TemporaryFolder DataFolderOn(string indexPath)
    {
        var data = new TemporaryFolder("searchsuite-bench-serve-");
        Directory.CreateSymbolicLink(Path.Combine(data.Path, "index"), indexPath);
        return data;
    }
}
