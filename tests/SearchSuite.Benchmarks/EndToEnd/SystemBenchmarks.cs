using System.CommandLine;
using System.Text.Json;
using SearchSuite.Benchmarks.Text;
using SearchSuite.Testing;
using Spectre.Console;

namespace SearchSuite.Benchmarks.EndToEnd;

/// <summary>
/// The whole system on a generated corpus: end-to-end ingest rate (all-in-one and three processes over RabbitMQ) against
/// the raw in-process indexing rate, gRPC search latency against the in-process engine, freshness, and peak memory.
/// </summary>
public static class SystemBenchmarks
{
    public const int DefaultDocuments = 20_000;
    private const string RawCpuKey = "raw: normalized docs into Lucene in process";
    private const string BrokerCpuKey = "rabbitmq (shared)";
    private static string IdleMergeKey(string process) => $"{process}: its idle merge after the ingest";
    /// <summary>The services as deployed, not in the Development environment the tests use.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProductionHost = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production", ["ASPNETCORE_ENVIRONMENT"] = "Production" };

    public static Command CreateCommand()
    {
        var docs = new Option<int>("--docs") { Description = "Documents to generate and ingest", DefaultValueFactory = _ => DefaultDocuments };
        var duplicates = new Option<double>("--duplicates") { Description = "Share of documents that repeat an earlier one (0..0.5)", DefaultValueFactory = _ => 0.05 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the corpus and queries", DefaultValueFactory = _ => 20261123 };
        var searchSeconds = new Option<double>("--search-seconds") { Description = "Measured seconds per search load level (after a warm-up of a quarter of it)", DefaultValueFactory = _ => 4 };
        var fresh = new Option<int>("--fresh") { Description = "Documents ingested one at a time for the freshness figure", DefaultValueFactory = _ => 100 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures to this JSON file" };
        var command = new Command("system", "End-to-end ingest rate, search latency, freshness and peak memory of the all-in-one and the three processes over RabbitMQ")
        {
            docs, duplicates, seed, searchSeconds, fresh, json,
        };
        command.SetAction(async parse =>
        {
            var settings = new SystemSettings(parse.GetValue(docs), parse.GetValue(duplicates), parse.GetValue(seed), parse.GetValue(searchSeconds), parse.GetValue(fresh));
            if (settings.Documents < 100 || settings.DuplicateShare is < 0 or > 0.5 || settings.SearchSeconds <= 0 || settings.FreshDocuments < 1)
            {
                Console.Error.WriteLine("--docs must be at least 100, --duplicates within 0..0.5, --search-seconds positive and --fresh at least 1.");
                return 2;
            }
            var report = await RunAsync(settings);
            Print(report);
            if (parse.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(report, ReportJson.Options));
                Console.WriteLine($"Wrote {file.FullName}");
            }
            return report.AllInOne.Searchable >= report.DistinctDocuments && report.RabbitMq.Searchable >= report.DistinctDocuments ? 0 : 1;
        });
        return command;
    }

    private static async Task<SystemReport> RunAsync(SystemSettings settings)
    {
        var generator = new SyntheticCorpus(
            NtrexCorpus.Load(RepoPaths.SharedFile("data", "ntrex", "ntrex_docs.jsonl")),
            SyntheticCorpus.LoadNameGroups(Path.Combine(RepoPaths.Root, "services", "SearchSuite.Names", "Resources", "curated-name-variants.tsv")));
        var corpus = generator.Generate(settings.Documents, settings.DuplicateShare, settings.Seed);
        var freshDocuments = generator.Generate(settings.FreshDocuments * 2, 0, settings.Seed + 1, "fresh-").Documents.ToArray();
        Log($"Generated {corpus.Count:N0} documents ({corpus.DistinctCount:N0} distinct), {corpus.Documents.Average(d => d.Text.Length):N0} characters on average");

        var (normalized, normalizeRate) = InProcessEngine.Normalize(corpus.Documents);
        Log($"Normalized in process (one thread): {normalizeRate:N0} docs/s");
        // A throw-away warm-up first: the services run for the whole ingest, so the raw rate must not pay for JIT either.
        using (var warmupIndex = new TemporaryFolder("searchsuite-bench-warmup-"))
        using (var engine = new InProcessEngine(warmupIndex.Path))
            await engine.IndexAsync(normalized.Take(Math.Min(4_000, normalized.Count / 4)).ToList());
        double rawRate;
        var cpu = new Dictionary<string, double>();
        var rawCpuBefore = ProcessCpu.Used(Environment.ProcessId);
        using (var rawIndex = new TemporaryFolder("searchsuite-bench-raw-"))
        using (var engine = new InProcessEngine(rawIndex.Path))
            rawRate = await engine.IndexAsync(normalized);
        cpu[RawCpuKey] = (ProcessCpu.Used(Environment.ProcessId)!.Value - rawCpuBefore!.Value).TotalMilliseconds / normalized.Count;
        normalized = [];
        Log($"Raw in-process indexing into Lucene: {rawRate:N0} docs/s");

        var memory = new Dictionary<string, MemoryFigure>();
        using var serveData = new TemporaryFolder("searchsuite-bench-serve-");
        var (allInOne, allInOneFreshness) = await MeasureAllInOneAsync(serveData.Path, corpus, freshDocuments[..settings.FreshDocuments], memory, cpu);
        var (rabbitMq, rabbitMqFreshness, search) = await MeasureThreeProcessesAsync(corpus, freshDocuments[settings.FreshDocuments..], settings, memory, cpu);
        // The all-in-one searches its own index once the corpus is released (as the services do), restarted on its data folder.
        await using (var serve = await AllInOneProcess.StartAsync(serveData.Path))
            await SearchBenchmarks.MeasureOverGrpcAsync(SearchBenchmarks.AllInOne, serve, corpus.Queries, settings.SearchSeconds, search);

        return new SystemReport(
            DateTimeOffset.UtcNow, Machine(), settings, corpus.Count, corpus.DistinctCount,
            normalizeRate, rawRate, allInOne, rabbitMq, allInOne.DocsPerSecond / rawRate, rabbitMq.DocsPerSecond / rawRate,
            allInOneFreshness, rabbitMqFreshness, search, memory, cpu);
    }

    private static async Task<(IngestFigures Ingest, LatencySummary Freshness)> MeasureAllInOneAsync(
        string dataDirectory, GeneratedCorpus corpus, IReadOnlyList<SyntheticDocument> fresh, Dictionary<string, MemoryFigure> memory, Dictionary<string, double> cpu)
    {
        await using var serve = await AllInOneProcess.StartAsync(dataDirectory);
        Log($"All-in-one serve pid {serve.ProcessId}");
        using var target = new GrpcTarget(serve.Address, serve.Address);
        IngestFigures ingest;
        var processes = new Dictionary<string, int> { ["all-in-one"] = serve.ProcessId };
        var cpuBefore = ProcessCpu.Snapshot(processes);
        await using (var sampler = new AnonymousMemorySampler(processes))
        {
            ingest = await target.IngestAllAsync(corpus);
            RecordMemory(memory, sampler, [serve]);
        }
        foreach (var (name, ms) in ProcessCpu.MillisecondsPerDocument(processes, cpuBefore, corpus.Count)) cpu[name] = ms;
        Log($"All-in-one: {ingest.DocsPerSecond:N0} docs/s end to end ({ingest.Searchable:N0} of {ingest.ExpectedSearchable:N0} searchable)");
        cpu[IdleMergeKey("all-in-one")] = await IdleMerge.WaitForServerAsync("all-in-one", Path.Combine(dataDirectory, "index"), serve.ProcessId) / corpus.Count;
        var freshness = await target.MeasureFreshnessAsync(fresh);
        Log($"All-in-one freshness: p50 {freshness.P50Ms:N1} ms, p99 {freshness.P99Ms:N1} ms");
        return (ingest, freshness);
    }

    private static async Task<(IngestFigures Ingest, LatencySummary Freshness, List<SearchFigure> Search)> MeasureThreeProcessesAsync(
        GeneratedCorpus corpus, IReadOnlyList<SyntheticDocument> fresh, SystemSettings settings, Dictionary<string, MemoryFigure> memory,
        Dictionary<string, double> cpu)
    {
        var search = new List<SearchFigure>();
        await using var stack = await ThreeServiceProcesses.StartAsync("bench", ProductionHost);
        Log($"Three processes on vhost {stack.VirtualHost}: {string.Join(", ", stack.All.Select(p => $"{p.Name} pid {p.ProcessId}"))}");
        IngestFigures ingest;
        LatencySummary freshness;
        using (var target = new GrpcTarget(stack.Ingest.Address, stack.Search.Address))
        {
            var processes = stack.All.ToDictionary(p => p.Name, p => p.ProcessId);
            var cpuProcesses = ProcessCpu.BrokerProcessId() is { } broker ? new Dictionary<string, int>(processes) { [BrokerCpuKey] = broker } : processes;
            var cpuBefore = ProcessCpu.Snapshot(cpuProcesses);
            await using (var sampler = new AnonymousMemorySampler(processes))
            {
                ingest = await target.IngestAllAsync(corpus);
                RecordMemory(memory, sampler, stack.All);
            }
            foreach (var (name, ms) in ProcessCpu.MillisecondsPerDocument(cpuProcesses, cpuBefore, corpus.Count)) cpu[name] = ms;
            Log($"Three processes over RabbitMQ: {ingest.DocsPerSecond:N0} docs/s end to end ({ingest.Searchable:N0} of {ingest.ExpectedSearchable:N0} searchable)");
            if (ingest.Searchable < corpus.DistinctCount) Log($"Incomplete ingest; the services' logs:\n{Tail(stack.Logs)}");
            // Search is timed on the index as it stays once ingest stops: merged.
            cpu[IdleMergeKey("search")] = await IdleMerge.WaitForServerAsync("search", stack.IndexPath, stack.Search.ProcessId) / corpus.Count;
            corpus.ReleaseDocuments();

            await SearchBenchmarks.MeasureOverGrpcAsync(SearchBenchmarks.SearchService, stack.Search, corpus.Queries, settings.SearchSeconds, search);
            freshness = await target.MeasureFreshnessAsync(fresh);
            Log($"Three processes freshness: p50 {freshness.P50Ms:N1} ms, p99 {freshness.P99Ms:N1} ms");
        }

        // The same index and queries without gRPC: the search process must be gone, it holds the index's write lock.
        await stack.StopAsync(keepIndex: true);
        using var engine = new InProcessEngine(stack.IndexPath);
        await SearchBenchmarks.MeasureLevelsAsync(SearchBenchmarks.InProcess, engine.SearchOnceAsync, corpus.Queries, settings.SearchSeconds, Environment.ProcessId, search);
        return (ingest, freshness, search);
    }

    private static void RecordMemory(Dictionary<string, MemoryFigure> memory, AnonymousMemorySampler sampler, IEnumerable<ServiceProcess> processes)
    {
        var anonymous = sampler.Peaks();
        foreach (var process in processes)
            memory[process.Name] = new MemoryFigure(ProcessMemory.PeakResidentBytes(process.ProcessId), anonymous.TryGetValue(process.Name, out var bytes) ? bytes : null);
    }

    private static void Print(SystemReport report)
    {
        // Redirected output (CI logs, tee) would otherwise wrap the wide tables at 80 columns.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;
        AnsiConsole.MarkupLineInterpolated($"[bold]System benchmark[/] {report.Date:yyyy-MM-dd HH:mm} UTC, {report.Machine}; {report.Documents:N0} documents ({report.DistinctDocuments:N0} distinct), seed {report.Settings.Seed}");

        var ingest = new Table().AddColumns("Ingest", "docs/s", "ratio to raw", "submitted in", "searchable in", "aim");
        ingest.AddRow("normalize in process (1 thread)", $"{report.NormalizeInProcessDocsPerSecond:N0}", "", "", "", "");
        ingest.AddRow("raw: normalized docs into Lucene in process", $"{report.RawIndexDocsPerSecond:N0}", "1.00", "", "", "");
        ingest.AddRow("all-in-one end to end", $"{report.AllInOne.DocsPerSecond:N0}", $"{report.AllInOneToRaw:N2}", $"{report.AllInOne.SubmitSeconds:N1} s", $"{report.AllInOne.SearchableSeconds:N1} s", "");
        ingest.AddRow("3 processes over RabbitMQ end to end", $"{report.RabbitMq.DocsPerSecond:N0}", $"{report.RabbitMqToRaw:N2}", $"{report.RabbitMq.SubmitSeconds:N1} s", $"{report.RabbitMq.SearchableSeconds:N1} s", "≥ 3,000 docs/s and ≥ 0.50");
        AnsiConsole.Write(ingest);

        AnsiConsole.Write(SearchBenchmarks.Table(report.Search));

        var other = new Table().AddColumns("Freshness (Ingest reply → GetDocument finds it)", "p50 ms", "p99 ms", "aim");
        other.AddRow("all-in-one", $"{report.AllInOneFreshness.P50Ms:N1}", $"{report.AllInOneFreshness.P99Ms:N1}", "");
        other.AddRow("3 processes over RabbitMQ", $"{report.RabbitMqFreshness.P50Ms:N1}", $"{report.RabbitMqFreshness.P99Ms:N1}", "p99 ≤ 1,000 ms");
        AnsiConsole.Write(other);

        var cpu = new Table().AddColumns("CPU per document during the ingest", "ms (all threads)", "docs/s two idle cores would allow");
        // The all-in-one does the work of the three services and the broker: its aim is to stay within 15 % of them.
        foreach (var (process, ms) in report.CpuMsPerDocument)
            cpu.AddRow(process, $"{ms:N3}", process == BrokerCpuKey ? "" : $"{2_000 / ms:N0}");
        var threeProcesses = report.CpuMsPerDocument.Where(c => c.Key is "ingest" or "normalize" or "search" or BrokerCpuKey).Sum(c => c.Value);
        if (threeProcesses > 0) cpu.AddRow("3 processes + broker", $"{threeProcesses:N3}", $"{2_000 / threeProcesses:N0}");
        cpu.Caption("CPU time (user + system) per ingested document. The broker's figure includes anything else it served meanwhile. Raw counts the benchmark process while it indexes in process. "
            + $"An idle merge is the server's CPU from the end of the ingest until its index has at most {IdleMerge.MaxSegments} segments (aim: ≤ 10 % of its ingest CPU).");
        AnsiConsole.Write(cpu);

        var memory = new Table().AddColumns("Memory during the ingest", "peak RSS MiB (VmHWM)", "peak anonymous MiB (RssAnon, sampled)", "aim");
        foreach (var (process, figure) in report.Memory)
            memory.AddRow(process, Mebibytes(figure.PeakResidentBytes), Mebibytes(figure.PeakAnonymousBytes), process == "all-in-one" ? "≤ 512 MiB" : "");
        memory.Caption("RSS also counts the pages of the memory-mapped Lucene files the process has touched; anonymous memory is the heap and other private memory.");
        AnsiConsole.Write(memory);
    }

    private static string Mebibytes(long? bytes) => bytes is { } b ? $"{b / 1024.0 / 1024:N0}" : "n/a";

    public static string Machine()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024;
        return $"{Environment.ProcessorCount} cores, {memory:N0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string Tail(string text) => text.Length <= 6_000 ? text : text[^6_000..];

    private static void Log(string message) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {message}");
}

public sealed record SystemSettings(int Documents, double DuplicateShare, int Seed, double SearchSeconds, int FreshDocuments);

/// <param name="NameExpansion">Null for the gRPC health check on the same server at the same concurrency: the floor of a call.</param>
public sealed record SearchFigure(string Target, bool? NameExpansion, int Clients, LatencySummary Latency);

public sealed record SystemReport(
    DateTimeOffset Date,
    string Machine,
    SystemSettings Settings,
    int Documents,
    int DistinctDocuments,
    double NormalizeInProcessDocsPerSecond,
    double RawIndexDocsPerSecond,
    IngestFigures AllInOne,
    IngestFigures RabbitMq,
    double AllInOneToRaw,
    double RabbitMqToRaw,
    LatencySummary AllInOneFreshness,
    LatencySummary RabbitMqFreshness,
    IReadOnlyList<SearchFigure> Search,
    IReadOnlyDictionary<string, MemoryFigure> Memory,
    IReadOnlyDictionary<string, double> CpuMsPerDocument);

/// <param name="PeakResidentBytes">VmHWM: the peak resident set, mapped index files included.</param>
/// <param name="PeakAnonymousBytes">The highest sampled RssAnon: heap and other private memory.</param>
public sealed record MemoryFigure(long? PeakResidentBytes, long? PeakAnonymousBytes);

/// <summary>A temporary folder, deleted on dispose.</summary>
internal sealed class TemporaryFolder(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
