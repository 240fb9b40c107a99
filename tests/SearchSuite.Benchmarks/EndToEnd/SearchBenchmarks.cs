using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using SearchSuite.Benchmarks.Text;
using SearchSuite.Testing;
using Spectre.Console;

namespace SearchSuite.Benchmarks.EndToEnd;

/// <summary>
/// Search alone, on the system benchmark's corpus and queries: the index is built in process once (or reused from
/// <c>--index</c>), then the same load levels run in process and over gRPC against the search service as a process.
/// For iterating on the read path without repeating the minutes of ingest that <c>system</c> measures.
/// </summary>
public static class SearchBenchmarks
{
    public static readonly int[] ClientCounts = [1, 8, 32];
    public const string InProcess = "in-process";
    /// <summary>The search service as a process (memory-mapped index, server GC).</summary>
    public const string SearchService = "grpc";
    /// <summary><c>searchsuite serve</c> as a process (buffered index reads, workstation GC, in-memory bus).</summary>
    public const string AllInOne = "all-in-one";
    private static readonly string[] Targets = [InProcess, SearchService, AllInOne];
    /// <summary>Written into a built index folder, so that a reused index is only searched with the corpus it holds.</summary>
    private const string CorpusFile = "benchmark-corpus.json";

    public static Command CreateCommand()
    {
        var docs = new Option<int>("--docs") { Description = "Documents to generate and index", DefaultValueFactory = _ => SystemBenchmarks.DefaultDocuments };
        var duplicates = new Option<double>("--duplicates") { Description = "Share of documents that repeat an earlier one (0..0.5)", DefaultValueFactory = _ => 0.05 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the corpus and queries", DefaultValueFactory = _ => 20261123 };
        var searchSeconds = new Option<double>("--search-seconds") { Description = "Measured seconds per load level (after a warm-up of a quarter of it)", DefaultValueFactory = _ => 4 };
        var index = new Option<DirectoryInfo?>("--index") { Description = "Index folder to reuse (built there first when empty); default: a temporary folder" };
        var targets = new Option<string[]>("--targets")
        {
            Description = $"Any of {string.Join(", ", Targets)} (the search service as a process, and searchsuite serve)",
            DefaultValueFactory = _ => Targets,
            AllowMultipleArgumentsPerToken = true,
        };
        targets.AcceptOnlyFromAmong(Targets);
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures to this JSON file" };
        var facets = new Option<bool>("--facets") { Description = "In process, also measure each level with all four facets counted (target in-process+facets)" };
        var dump = new Option<FileInfo?>("--dump")
        {
            Description = "Before measuring, write every query's answer (names on and off) from each gRPC target to this file: hits, scores and snippets, to show that a change keeps results identical",
        };
        var command = new Command("search", "Search latency and throughput in process and over gRPC on a generated index, which can be reused between runs")
        {
            docs, duplicates, seed, searchSeconds, index, targets, json, facets, dump,
        };
        command.SetAction(async parse =>
        {
            var corpus = new CorpusSettings(parse.GetValue(docs), parse.GetValue(duplicates), parse.GetValue(seed));
            var seconds = parse.GetValue(searchSeconds);
            if (corpus.Documents < 100 || corpus.DuplicateShare is < 0 or > 0.5 || seconds <= 0)
            {
                Console.Error.WriteLine("--docs must be at least 100, --duplicates within 0..0.5 and --search-seconds positive.");
                return 2;
            }
            await using var answers = parse.GetValue(dump) is { } dumpFile ? new StreamWriter(dumpFile.FullName) : null;
            var figures = await RunAsync(corpus, seconds, parse.GetValue(index), parse.GetValue(targets)!.ToHashSet(), parse.GetValue(facets), answers);
            if (figures is null) return 2;
            Print(figures);
            if (parse.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(new { date = DateTimeOffset.UtcNow, corpus, searchSeconds = seconds, search = figures }, ReportJson.Options));
                Console.WriteLine($"Wrote {file.FullName}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Each load level with name expansion on and then off, so that drift in the machine's load hits both alike; with
    /// <paramref name="health"/>, then the gRPC health check at the same concurrency: the cost of a call that does no work.
    /// </summary>
    /// <param name="server">The process that answers: the search service, the all-in-one, or this one for the in-process engine.</param>
    public static async Task MeasureLevelsAsync(string target, Func<string, bool, Task> search, IReadOnlyList<string> queries, double seconds, int server,
        List<SearchFigure> figures, Func<Task>? health = null)
    {
        using var process = Process.GetProcessById(server);
        // Both modes once at one client first, so that the first level does not pay for compiling the query path.
        foreach (var expand in new[] { true, false })
            await LoadRunner.RunAsync(q => search(q, expand), queries, 1, TimeSpan.FromSeconds(seconds / 2), TimeSpan.Zero, process);
        foreach (var clients in ClientCounts)
        {
            foreach (var expand in new[] { true, false })
            {
                var latency = await LoadRunner.RunAsync(q => search(q, expand), queries, clients, TimeSpan.FromSeconds(seconds / 4), TimeSpan.FromSeconds(seconds), process);
                figures.Add(new SearchFigure(target, expand, clients, latency));
                Log($"{target} search, {clients} clients, names {(expand ? "on" : "off")}: p50 {latency.P50Ms:N2} ms, p99 {latency.P99Ms:N2} ms, {latency.PerSecond:N0} q/s, {latency.CpuMsPerQuery:N2} ms CPU/query");
            }
            if (health is null) continue;
            var floor = await LoadRunner.RunAsync(_ => health(), queries, clients, TimeSpan.FromSeconds(seconds / 4), TimeSpan.FromSeconds(seconds), process);
            figures.Add(new SearchFigure(target, null, clients, floor));
            Log($"{target} health check, {clients} clients: p50 {floor.P50Ms:N2} ms, p99 {floor.P99Ms:N2} ms, {floor.PerSecond:N0} calls/s");
        }
    }

    private sealed record CorpusSettings(int Documents, double DuplicateShare, int Seed);

    private static async Task<List<SearchFigure>?> RunAsync(CorpusSettings settings, double seconds, DirectoryInfo? reuse, IReadOnlySet<string> targets, bool facets, TextWriter? answers)
    {
        using var temporary = reuse is null ? new TemporaryFolder("searchsuite-bench-search-") : null;
        var indexPath = reuse?.FullName ?? temporary!.Path;
        var corpusFile = Path.Combine(indexPath, CorpusFile);
        var generator = new SyntheticCorpus(
            NtrexCorpus.Load(RepoPaths.SharedFile("data", "ntrex", "ntrex_docs.jsonl")),
            SyntheticCorpus.LoadNameGroups(Path.Combine(RepoPaths.Root, "services", "SearchSuite.Names", "Resources", "curated-name-variants.tsv")));
        var corpus = generator.Generate(settings.Documents, settings.DuplicateShare, settings.Seed);

        if (File.Exists(corpusFile))
        {
            var built = JsonSerializer.Deserialize<CorpusSettings>(await File.ReadAllTextAsync(corpusFile), ReportJson.Options);
            if (built != settings)
            {
                Console.Error.WriteLine($"{indexPath} holds the corpus {built}, not {settings}; pass the same --docs, --duplicates and --seed, or another --index.");
                return null;
            }
            Log($"Reusing the index of {settings.Documents:N0} documents in {indexPath}");
        }
        else
        {
            if (Directory.Exists(indexPath) && Directory.EnumerateFileSystemEntries(indexPath).Any())
            {
                Console.Error.WriteLine($"{indexPath} is not empty and was not built by this benchmark; pass an empty or new folder.");
                return null;
            }
            var (normalized, _) = InProcessEngine.Normalize(corpus.Documents);
            using (var engine = new InProcessEngine(indexPath))
            {
                var cpuBefore = ProcessCpu.Used(Environment.ProcessId)!.Value;
                var rate = await engine.IndexAsync(normalized);
                var indexed = ProcessCpu.Used(Environment.ProcessId)!.Value;
                var segments = engine.Lucene.SegmentCount;
                // What a server does once writes stop (the engine's host is not started, so its merger does not run).
                engine.Lucene.MergeSegments(IdleMerge.MaxSegments);
                var merged = ProcessCpu.Used(Environment.ProcessId)!.Value;
                Log($"Indexed {corpus.Count:N0} documents into {indexPath} at {rate:N0} docs/s, {(indexed - cpuBefore).TotalMilliseconds / corpus.Count:N3} ms CPU/doc; "
                    + $"idle merge {segments} → {engine.Lucene.SegmentCount} segments, {(merged - indexed).TotalMilliseconds / corpus.Count:N3} ms CPU/doc "
                    + $"({(merged - indexed) / (indexed - cpuBefore):P1} of the indexing CPU)");
            }
            await File.WriteAllTextAsync(corpusFile, JsonSerializer.Serialize(settings, ReportJson.Options));
        }
        corpus.ReleaseDocuments();
        GC.Collect();

        // One target at a time: each holds the index's write lock.
        var figures = new List<SearchFigure>();
        if (targets.Contains(SearchService))
        {
            var virtualHost = await RabbitMqBroker.CreateVirtualHostAsync("bench-search");
            try
            {
                var port = ServiceProcess.FreePort();
                await using var service = ServiceProcess.Start("search", RepoPaths.ServiceAssembly("SearchSuite.Search"), ["--urls", $"http://127.0.0.1:{port}"],
                    new Dictionary<string, string>(SystemBenchmarks.ProductionHost)
                    {
                        ["ConnectionStrings__RabbitMq"] = RabbitMqBroker.ConnectionString(virtualHost),
                        ["Index__Path"] = indexPath,
                    }, port);
                await service.WaitUntilReadyAsync(http2: true);
                Log($"Search service pid {service.ProcessId}");
                await MeasureOverGrpcAsync(SearchService, service, corpus.Queries, seconds, figures, answers);
            }
            finally
            {
                await RabbitMqBroker.DeleteVirtualHostAsync(virtualHost);
            }
        }
        if (targets.Contains(AllInOne))
        {
            using var data = AllInOneProcess.DataFolderOn(indexPath);
            await using var serve = await AllInOneProcess.StartAsync(data.Path);
            Log($"All-in-one pid {serve.ProcessId}");
            await MeasureOverGrpcAsync(AllInOne, serve, corpus.Queries, seconds, figures, answers);
        }
        if (targets.Contains(InProcess))
        {
            using var engine = new InProcessEngine(indexPath);
            await MeasureLevelsAsync(InProcess, engine.SearchOnceAsync, corpus.Queries, seconds, Environment.ProcessId, figures);
            if (facets) await MeasureLevelsAsync("in-process+facets", engine.SearchWithFacetsOnceAsync, corpus.Queries, seconds, Environment.ProcessId, figures);
        }
        return figures;
    }

    /// <summary>
    /// The load levels over gRPC against a running server, with its health check as the floor of a call; first, with
    /// <paramref name="answers"/>, each query's answer in both modes.
    /// </summary>
    public static async Task MeasureOverGrpcAsync(string target, ServiceProcess server, IReadOnlyList<string> queries, double seconds, List<SearchFigure> figures,
        TextWriter? answers = null)
    {
        using var client = new GrpcTarget(server.Address, server.Address);
        if (answers is not null)
            foreach (var query in queries.Distinct(StringComparer.Ordinal))
                foreach (var expand in new[] { true, false })
                    await answers.WriteLineAsync($"{target}\t{(expand ? "on" : "off")}\t{query}\t{await client.AnswerAsync(query, expand)}");
        await MeasureLevelsAsync(target, client.SearchOnceAsync, queries, seconds, server.ProcessId, figures, client.HealthCheckOnceAsync);
    }

    /// <summary>
    /// One row per load level, target and mode, with the ratios the aims are stated in: p50 against the same server's
    /// health check at the same concurrency, CPU per query with names on against off, and q/s against in process.
    /// </summary>
    public static Table Table(IReadOnlyList<SearchFigure> figures)
    {
        var table = new Table().AddColumns("Search", "names", "clients", "p50 ms", "p95 ms", "p99 ms", "q/s", "server CPU ms/query",
            "p50 ÷ health p50", "CPU on ÷ off", "q/s ÷ in-process");
        foreach (var figure in figures)
        {
            SearchFigure? Beside(string target, bool? names) => figures.SingleOrDefault(s => s.Target == target && s.NameExpansion == names && s.Clients == figure.Clients);
            var health = figure.NameExpansion is null ? null : Beside(figure.Target, null);
            var namesOff = figure.NameExpansion == true ? Beside(figure.Target, false) : null;
            var local = figure.NameExpansion is null || figure.Target == InProcess ? null : Beside(InProcess, figure.NameExpansion);
            table.AddRow(figure.Target, figure.NameExpansion switch { true => "on", false => "off", null => "health check" }, $"{figure.Clients}",
                $"{figure.Latency.P50Ms:N2}", $"{figure.Latency.P95Ms:N2}", $"{figure.Latency.P99Ms:N2}", $"{figure.Latency.PerSecond:N0}", $"{figure.Latency.CpuMsPerQuery:N2}",
                health is null ? "" : $"{figure.Latency.P50Ms / health.Latency.P50Ms:N2}",
                namesOff is null ? "" : $"{figure.Latency.CpuMsPerQuery / namesOff.Latency.CpuMsPerQuery:N2}",
                local is null ? "" : $"{figure.Latency.PerSecond / local.Latency.PerSecond:N2}");
        }
        return table.Caption("aims at 8 clients: names-on CPU ≤ 1.3× names off; p50 ≤ 2× the health check's; p99 ≤ 15 ms (100k documents, names on); ≥ 2,000 q/s");
    }

    private static void Print(IReadOnlyList<SearchFigure> figures)
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;
        AnsiConsole.MarkupLineInterpolated($"[bold]Search benchmark[/] {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {SystemBenchmarks.Machine()}");
        AnsiConsole.Write(Table(figures));
    }

    private static void Log(string message) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {message}");
}
