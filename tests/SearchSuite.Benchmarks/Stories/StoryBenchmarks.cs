using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SearchSuite.Benchmarks.EndToEnd;
using SearchSuite.Benchmarks.Text;
using SearchSuite.Contracts;
using SearchSuite.Normalize;
using SearchSuite.Search;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using SearchSuite.Search.Stories;
using SearchSuite.Testing;
using SearchSuite.Text;
using Spectre.Console;

namespace SearchSuite.Benchmarks.Stories;

/// <summary>Pairwise same-story precision, recall and F1 on NTREX with distractors; ingest rate and search p99 with and without grouping.</summary>
public static class StoryBenchmarks
{
    private const int BatchSize = 100;

    public sealed record PairFigures(string Pair, long TruePairs, long PredictedPairs, long Correct, double Precision, double Recall, double F1);

    /// <param name="AssignmentShare">The share of the time with grouping spent in story assignment (the rest is indexing).</param>
    /// <param name="UngroupedIndexSeconds">Time in the index write (and commit) without grouping; with grouping it is <paramref name="GroupedIndexSeconds"/>.</param>
    /// <param name="GroupedDocumentsWritten">Documents the grouped path wrote: the batch plus the versions that merges rewrote.</param>
    public sealed record RateFigures(int Documents, double UngroupedDocsPerSecond, double GroupedDocsPerSecond, double Ratio, double AssignmentShare,
        double UngroupedIndexSeconds, double GroupedIndexSeconds, double AssignmentSeconds, double BookkeepingSeconds, long GroupedDocumentsWritten)
    {
        /// <summary>Every round's ratio, in the order run (one without <c>--rounds</c>).</summary>
        public IReadOnlyList<double> RoundRatios { get; init; } = [];
    }

    public sealed record SearchFigures(int Queries, double UngroupedP50, double UngroupedP99, double GroupedP50, double GroupedP99, double P99Ratio);

    public static Command CreateCommand()
    {
        var docs = new Option<int>("--docs") { Description = "Synthetic documents for the ingest rate and search latency", DefaultValueFactory = _ => 3_000 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures to this JSON file" };
        var rateOnly = new Option<bool>("--rate-only") { Description = "Skip the NTREX quality figures (ingest rate and search latency only)" };
        var diagnostics = new Option<FileInfo?>("--diagnostics") { Description = "Write every wrongly joined and wrongly split pair to this file" };
        var rounds = new Option<int>("--rounds") { Description = "Ingest the rate documents this many times, on fresh indexes, and report the round with the median ratio (a round times each path for a few seconds only)", DefaultValueFactory = _ => 1 };
        var pairFeatures = new Option<bool>("--pair-features") { Description = "Add each wrong pair's features (Dice, shared weight, number and order agreement, citation) to the diagnostics and print them" };
        var evidence = new Option<FileInfo?>("--evidence") { Description = "Write each labelled document's story, person names and evidence terms to this file (JSON lines)" };
        var command = new Command("stories", "Story grouping: pairwise P/R/F1 on ../shared/data/ntrex with distractors, ingest rate and search p99 grouped vs ungrouped");
        command.Options.Add(docs);
        command.Options.Add(json);
        command.Options.Add(diagnostics);
        command.Options.Add(evidence);
        command.Options.Add(rateOnly);
        command.Options.Add(pairFeatures);
        command.Options.Add(rounds);
        command.SetAction((parse, _) => RunAsync(parse.GetValue(docs), parse.GetValue(json), parse.GetValue(diagnostics), parse.GetValue(evidence), parse.GetValue(rateOnly), parse.GetValue(pairFeatures), parse.GetValue(rounds)));
        return command;
    }

    private static async Task<int> RunAsync(int rateDocuments, FileInfo? jsonFile, FileInfo? diagnosticsFile, FileInfo? evidenceFile, bool rateOnly, bool pairFeatures, int rounds)
    {
        if (rounds < 1) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "--rounds must be at least 1.");
        var ntrex = NtrexCorpus.Load(RepoPaths.SharedFile("data", "ntrex", "ntrex_docs.jsonl"));
        var labelled = StoryCorpus.Build(ntrex);
        AnsiConsole.MarkupLine($"[bold]Stories[/]: {labelled.Count} documents, {labelled.Select(d => d.Story).Distinct().Count()} stories ({labelled.Count(d => d.Distractor)} distractor documents)");

        var (pairs, diagnostics) = rateOnly ? ([], []) : await QualityAsync(labelled, evidenceFile, pairFeatures);
        var table = new Table().AddColumns("Pair", "True pairs", "Predicted", "Correct", "Precision", "Recall", "F1");
        foreach (var f in pairs) table.AddRow(f.Pair, $"{f.TruePairs}", $"{f.PredictedPairs}", $"{f.Correct}", $"{f.Precision:0.000}", $"{f.Recall:0.000}", $"{f.F1:0.000}");
        AnsiConsole.Write(table);
        if (diagnosticsFile is not null) await File.WriteAllLinesAsync(diagnosticsFile.FullName, diagnostics);
        if (pairFeatures) foreach (var line in diagnostics) Console.WriteLine(line);

        var corpus = new SyntheticCorpus(ntrex, SyntheticCorpus.LoadNameGroups(Path.Combine(RepoPaths.Root, "services", "SearchSuite.Names", "Resources", "curated-name-variants.tsv")))
            .Generate(rateDocuments, duplicateShare: 0.1, seed: 7, idPrefix: "story-bench-");
        var (normalized, _) = InProcessEngine.Normalize(corpus.Documents);
        var (rate, search) = await RateAndLatencyAsync(normalized, corpus.Queries, rounds);
        if (rounds > 1) AnsiConsole.MarkupLine($"[bold]Ingest rounds[/]: ratios {string.Join(", ", rate.RoundRatios.Select(r => r.ToString("P1")))}; the median round:");
        AnsiConsole.MarkupLine($"[bold]Ingest[/] ({rate.Documents:N0} docs, batches of {BatchSize}, one commit each): without grouping {rate.UngroupedDocsPerSecond:N0} docs/s, with grouping {rate.GroupedDocsPerSecond:N0} docs/s ({rate.Ratio:P0}; story assignment {rate.AssignmentShare:P0} of that time)");
        AnsiConsole.MarkupLine($"[bold]Ingest time[/]: index writes {rate.UngroupedIndexSeconds:0.000} s without grouping, {rate.GroupedIndexSeconds:0.000} s with ({rate.GroupedDocumentsWritten:N0} documents written for {rate.Documents:N0}); assignment {rate.AssignmentSeconds:0.000} s; recent-card removal {rate.BookkeepingSeconds:0.000} s");
        AnsiConsole.MarkupLine($"[bold]Search[/] ({search.Queries} queries, page of 10): ungrouped p50 {search.UngroupedP50:0.00} ms, p99 {search.UngroupedP99:0.00} ms; grouped p50 {search.GroupedP50:0.00} ms, p99 {search.GroupedP99:0.00} ms ({search.P99Ratio:0.00}×)");

        if (jsonFile is not null)
            await File.WriteAllTextAsync(jsonFile.FullName, JsonSerializer.Serialize(new { pairs, rate, search }, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    /// <summary>Ingests the labelled corpus in a fixed shuffled order through story assignment and compares every pair's stories.</summary>
    private static async Task<(IReadOnlyList<PairFigures> Figures, List<string> Diagnostics)> QualityAsync(IReadOnlyList<LabelledDocument> labelled, FileInfo? evidenceFile, bool pairFeatures)
    {
        using var folder = new TemporaryFolder("searchsuite-bench-stories-");
        using var engine = new Engine(folder.Path);
        var order = labelled.OrderBy(d => StableHash(d.Id)).ToList();
        var normalized = order.Select(d => NormalizeDocumentConsumer.Normalize(engine.Normalizer, new DocumentSubmitted { DocumentId = d.Id, Text = d.Text, Language = d.Language, SubmittedAt = DateTimeOffset.UnixEpoch })).ToList();
        if (evidenceFile is not null)
            await File.WriteAllLinesAsync(evidenceFile.FullName, order.Zip(normalized, (d, n) => JsonSerializer.Serialize(new { d.Id, d.Story, d.Language, n.PersonNames, Evidence = StoryEvidence.Extract(n) })));
        foreach (var batch in normalized.Chunk(BatchSize)) await engine.IngestAsync(batch, grouping: true);

        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in order)
            predicted[document.Id] = (await engine.Index.GetAsync(document.Id, CancellationToken.None))?.StoryId ?? throw new InvalidOperationException($"{document.Id} was not indexed");

        var byId = order.Zip(normalized).ToDictionary(p => p.First.Id, p => p.Second, StringComparer.Ordinal);
        string Features(string a, string b)
        {
            var match = StoryMatcher.Compare(StoryEvidence.Extract(byId[a]), StoryEvidence.Extract(byId[b]));
            return $"\tdice {match.Dice:0.000}\tshared {match.SharedWeight:0.0}\tnumbers {match.NumberAgreement?.ToString("0.00") ?? "-"}\tplaced {match.SharedPlaced}\torder {match.OrderAgreement:0.00}\tcitation {match.SharesCitation}\tframe {match.FrameOverlap?.ToString("0.00") ?? "-"}\tsimilarity {StoryMatcher.Similarity(match, new StoryOptions()):0.000}";
        }
        var counts = new Dictionary<string, (long True, long Predicted, long Correct)>(StringComparer.Ordinal);
        var diagnostics = new List<string>();
        for (var i = 0; i < order.Count; i++)
            for (var j = i + 1; j < order.Count; j++)
            {
                var (a, b) = (order[i], order[j]);
                var same = a.Story == b.Story;
                var joined = predicted[a.Id] == predicted[b.Id];
                if (!same && !joined) continue;
                var languages = string.CompareOrdinal(a.Language, b.Language) <= 0 ? $"{a.Language}-{b.Language}" : $"{b.Language}-{a.Language}";
                foreach (var key in new[] { "all", languages })
                {
                    var c = counts.GetValueOrDefault(key);
                    counts[key] = (c.True + (same ? 1 : 0), c.Predicted + (joined ? 1 : 0), c.Correct + (same && joined ? 1 : 0));
                }
                if (same != joined) diagnostics.Add($"{(joined ? "wrongly joined" : "wrongly split")}\t{a.Id}\t{b.Id}\t{predicted[a.Id]}\t{predicted[b.Id]}{(pairFeatures ? Features(a.Id, b.Id) : "")}");
            }
        var figures = counts
            .OrderBy(c => c.Key == "all" ? 0 : 1).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c =>
            {
                var precision = c.Value.Predicted == 0 ? 1 : (double)c.Value.Correct / c.Value.Predicted;
                var recall = c.Value.True == 0 ? 1 : (double)c.Value.Correct / c.Value.True;
                var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                return new PairFigures(c.Key, c.Value.True, c.Value.Predicted, c.Value.Correct, precision, recall, f1);
            })
            .ToList();
        return (figures, diagnostics);
    }

    /// <summary>
    /// The same documents indexed without and with grouping, into fresh indexes, <paramref name="rounds"/> times; the round
    /// with the median ratio is reported. Then searches on the last round's grouped index.
    /// </summary>
    private static async Task<(RateFigures, SearchFigures)> RateAndLatencyAsync(IReadOnlyList<DocumentNormalized> documents, IReadOnlyList<string> queries, int rounds)
    {
        await WarmUpAsync(documents.Take(BatchSize).ToArray());
        var figures = new List<RateFigures>(rounds);
        for (var round = 1; round < rounds; round++)
        {
            using var folder = new TemporaryFolder("searchsuite-bench-stories-on-");
            using var engine = new Engine(folder.Path);
            figures.Add(await RateAsync(documents, engine));
        }
        using var groupedFolder = new TemporaryFolder("searchsuite-bench-stories-on-");
        using var grouped = new Engine(groupedFolder.Path);
        figures.Add(await RateAsync(documents, grouped));
        var rate = figures.OrderBy(f => f.Ratio).ElementAt(figures.Count / 2) with { RoundRatios = [.. figures.Select(f => f.Ratio)] };

        var plain = new List<double>();
        var byStory = new List<double>();
        for (var round = 0; round < 3; round++)
            foreach (var query in queries)
            {
                plain.Add(await TimeAsync(() => grouped.SearchAsync(query, groupByStory: false)));
                byStory.Add(await TimeAsync(() => grouped.SearchAsync(query, groupByStory: true)));
            }
        plain.Sort();
        byStory.Sort();
        double P(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return (rate, new SearchFigures(plain.Count, P(plain, 0.5), P(plain, 0.99), P(byStory, 0.5), P(byStory, 0.99), P(byStory, 0.99) / P(plain, 0.99)));
    }

    /// <summary>The documents ingested without grouping into a fresh index and with grouping into <paramref name="grouped"/>, batch by batch.</summary>
    private static async Task<RateFigures> RateAsync(IReadOnlyList<DocumentNormalized> documents, Engine grouped)
    {
        // Evidence is cached by document instance (StoryEvidence.Extract): copies, so that no round (and not the warm-up)
        // hands the next one its extraction. The ungrouped path extracts from its own copy anyway, so shared instances
        // made every round after the first skip the grouped path's extraction alone.
        documents = Fresh(documents);
        using var ungroupedFolder = new TemporaryFolder("searchsuite-bench-stories-off-");
        using var ungrouped = new Engine(ungroupedFolder.Path);
        // Batch by batch, each path first every other time, so that a change in the machine's load, and the garbage one
        // path leaves for the next to collect, hit both alike.
        var ungroupedTime = TimeSpan.Zero;
        var groupedTime = TimeSpan.Zero;
        foreach (var (batch, index) in documents.Chunk(BatchSize).Select((batch, index) => (batch, index)))
        {
            for (var turn = 0; turn < 2; turn++)
            {
                var groupingNow = (index + turn) % 2 == 1;
                var clock = Stopwatch.StartNew();
                await (groupingNow ? grouped : ungrouped).IngestAsync(batch, groupingNow);
                if (groupingNow) groupedTime += clock.Elapsed;
                else ungroupedTime += clock.Elapsed;
            }
        }
        return new RateFigures(documents.Count, documents.Count / ungroupedTime.TotalSeconds, documents.Count / groupedTime.TotalSeconds, ungroupedTime / groupedTime, grouped.AssignmentTime / groupedTime,
            ungrouped.IndexTime.TotalSeconds, grouped.IndexTime.TotalSeconds, grouped.AssignmentTime.TotalSeconds, grouped.BookkeepingTime.TotalSeconds, grouped.DocumentsWritten);
    }

    /// <summary>
    /// Runs both paths once on throwaway indexes, so that neither timed path pays the start-up (JIT, first index open)
    /// inside the figures: the aim compares steady ingest rates.
    /// </summary>
    private static async Task WarmUpAsync(IReadOnlyList<DocumentNormalized> batch)
    {
        foreach (var grouping in new[] { false, true })
        {
            using var folder = new TemporaryFolder("searchsuite-bench-stories-warm-");
            using var engine = new Engine(folder.Path);
            await engine.IngestAsync(Fresh(batch), grouping);
        }
    }

    private static DocumentNormalized[] Fresh(IReadOnlyList<DocumentNormalized> documents) => [.. documents.Select(d => d with { })];

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static int StableHash(string text) => text.Aggregate(23, (h, c) => unchecked(h * 31 + c)) & int.MaxValue;

    /// <summary>The search service's components (<see cref="InProcessEngine"/>), ingesting with or without story assignment.</summary>
    private sealed class Engine(string indexPath) : IDisposable
    {
        private readonly InProcessEngine engine = new(indexPath);

        public ISearchIndex Index => engine.Index;
        public DocumentNormalizer Normalizer { get; } = new();

        /// <summary>Time spent in story assignment, so that the rate with grouping can be told apart into assignment and indexing.</summary>
        public TimeSpan AssignmentTime { get; private set; }

        /// <summary>Time in the index write and commit, on either path: the part both pay, unless grouping writes more documents.</summary>
        public TimeSpan IndexTime { get; private set; }

        /// <summary>Time reporting indexed documents to the assigner (their recent cards leave).</summary>
        public TimeSpan BookkeepingTime { get; private set; }

        /// <summary>Documents written to the index, merges' rewrites included.</summary>
        public long DocumentsWritten { get; private set; }

        /// <summary>With grouping: story assignment, then the index, as the indexing consumer does. Without: the index alone.</summary>
        public async Task IngestAsync(IReadOnlyList<DocumentNormalized> batch, bool grouping)
        {
            var clock = Stopwatch.StartNew();
            var assigned = batch;
            if (grouping)
            {
                assigned = await engine.Stories.AssignAsync(batch, CancellationToken.None);
                AssignmentTime += clock.Elapsed;
                clock.Restart();
            }
            await Index.IndexAsync(assigned, engine.Names, CancellationToken.None);
            IndexTime += clock.Elapsed;
            DocumentsWritten += assigned.Count;
            if (!grouping) return;
            clock.Restart();
            engine.Stories.DocumentsIndexed(assigned);
            BookkeepingTime += clock.Elapsed;
        }

        public Task SearchAsync(string query, bool groupByStory) =>
            Index.SearchAsync(engine.Planner.Plan(new SearchQuery(query, [], [], 0, SearchGrpcService.DefaultPageSize, ExpandNames: true, groupByStory)), CancellationToken.None);

        public void Dispose() => engine.Dispose();
    }
}
