using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using SearchSuite.Benchmarks.Text;
using SearchSuite.Testing;
using SearchSuite.V1;
using Spectre.Console;

namespace SearchSuite.Benchmarks.EndToEnd;

/// <summary>
/// What the all-in-one's acceptance journal costs: each durability mode (Journal__Durability) on the same generated
/// corpus, alternating modes round by round so that a drifting machine load hits both alike. Streamed ingest shows
/// what group commit recovers; one-at-a-time unary ingest shows the fsync each acknowledgement waits for.
/// </summary>
public static class JournalBenchmarks
{
    private static readonly string[] Modes = ["Request", "Async"];

    public static Command CreateCommand()
    {
        var docs = new Option<int>("--docs") { Description = "Generated documents streamed per mode and round", DefaultValueFactory = _ => 5_000 };
        var unary = new Option<int>("--unary") { Description = "Documents sent one unary Ingest at a time per mode and round", DefaultValueFactory = _ => 200 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds; each runs every mode once on a fresh data folder", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the corpus", DefaultValueFactory = _ => 20261202 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures to this JSON file" };
        var command = new Command("journal", "Ingest rate and acknowledgement latency of the all-in-one per journal durability mode") { docs, unary, rounds, seed, json };
        command.SetAction(async parse =>
        {
            var settings = new JournalSettings(parse.GetValue(docs), parse.GetValue(unary), parse.GetValue(rounds), parse.GetValue(seed));
            if (settings.Documents < 100 || settings.Unary < 10 || settings.Rounds < 1)
            {
                Console.Error.WriteLine("--docs must be at least 100, --unary at least 10 and --rounds at least 1.");
                return 2;
            }
            var report = await RunAsync(settings);
            Print(report);
            if (parse.GetValue(json) is { } file) await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(report, ReportJson.Options));
            return 0;
        });
        return command;
    }

    private static async Task<JournalReport> RunAsync(JournalSettings settings)
    {
        var generator = new SyntheticCorpus(
            NtrexCorpus.Load(RepoPaths.SharedFile("data", "ntrex", "ntrex_docs.jsonl")),
            SyntheticCorpus.LoadNameGroups(Path.Combine(RepoPaths.Root, "services", "SearchSuite.Names", "Resources", "curated-name-variants.tsv")));
        var runs = new List<JournalRun>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            // The same documents for every mode of a round; fresh ids per round.
            var corpus = generator.Generate(settings.Documents, 0, settings.Seed + round, $"r{round}-");
            var single = generator.Generate(settings.Unary, 0, settings.Seed + 1000 + round, $"u{round}-").Documents;
            foreach (var mode in round % 2 == 0 ? Modes : Modes.Reverse())
                runs.Add(await MeasureAsync(mode, round, corpus, single));
        }
        var summaries = Modes.Select(mode =>
        {
            var mine = runs.Where(r => r.Mode == mode).ToList();
            return new JournalModeSummary(mode, Median(mine.Select(r => r.StreamAcknowledgedPerSecond)), Median(mine.Select(r => r.StreamDocsPerSecond)),
                Median(mine.Select(r => r.UnaryP50Ms)), Median(mine.Select(r => r.UnaryP99Ms)));
        }).ToList();
        return new JournalReport(DateTimeOffset.UtcNow, settings, runs, summaries);
    }

    private static async Task<JournalRun> MeasureAsync(string mode, int round, GeneratedCorpus corpus, IReadOnlyList<SyntheticDocument> single)
    {
        using var data = new TemporaryFolder("searchsuite-bench-journal-");
        await using var serve = await AllInOneProcess.StartAsync(data.Path, new Dictionary<string, string> { ["Journal__Durability"] = mode });
        using var target = new GrpcTarget(serve.Address, serve.Address);
        var streamed = await target.IngestAllAsync(corpus);

        var latencies = new List<double>(single.Count);
        var clock = Stopwatch.StartNew();
        foreach (var document in single)
        {
            var started = clock.Elapsed;
            await target.Ingest.IngestAsync(new IngestRequest { DocumentId = document.Id, Text = document.Text });
            latencies.Add((clock.Elapsed - started).TotalMilliseconds);
        }
        var unary = LatencySummary.Of(latencies, clock.Elapsed);
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} round {round} {mode}: stream {streamed.DocsPerSecond:N0} docs/s searchable, acknowledged in {streamed.SubmitSeconds:N1} s; unary p50 {unary.P50Ms:N2} ms, p99 {unary.P99Ms:N2} ms");
        return new JournalRun(mode, round, streamed.DocsPerSecond, corpus.Count / streamed.SubmitSeconds, unary.P50Ms, unary.P99Ms);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Print(JournalReport report)
    {
        var table = new Table().AddColumns("durability", "streamed docs/s acknowledged", "streamed docs/s searchable", "unary ack p50 ms", "unary ack p99 ms");
        foreach (var mode in report.Summaries)
            table.AddRow(mode.Mode, $"{mode.StreamAcknowledgedPerSecond:N0}", $"{mode.StreamDocsPerSecond:N0}", $"{mode.UnaryP50Ms:N2}", $"{mode.UnaryP99Ms:N2}");
        AnsiConsole.Write(table);
        var request = report.Summaries.Single(s => s.Mode == "Request");
        var async = report.Summaries.Single(s => s.Mode == "Async");
        AnsiConsole.WriteLine($"Medians of {report.Settings.Rounds} rounds. Request/Async: acknowledged rate {request.StreamAcknowledgedPerSecond / async.StreamAcknowledgedPerSecond:N2}, searchable rate {request.StreamDocsPerSecond / async.StreamDocsPerSecond:N2}, unary p50 {request.UnaryP50Ms / async.UnaryP50Ms:N2}x.");
    }
}

public sealed record JournalSettings(int Documents, int Unary, int Rounds, int Seed);

public sealed record JournalRun(string Mode, int Round, double StreamDocsPerSecond, double StreamAcknowledgedPerSecond, double UnaryP50Ms, double UnaryP99Ms);

public sealed record JournalModeSummary(string Mode, double StreamAcknowledgedPerSecond, double StreamDocsPerSecond, double UnaryP50Ms, double UnaryP99Ms);

public sealed record JournalReport(DateTimeOffset MeasuredAt, JournalSettings Settings, IReadOnlyList<JournalRun> Runs, IReadOnlyList<JournalModeSummary> Summaries);
