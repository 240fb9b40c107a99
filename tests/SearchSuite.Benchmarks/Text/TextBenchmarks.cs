using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Serialization;
using System.Text.Json;
using SearchSuite.Testing;
using SearchSuite.Text;

namespace SearchSuite.Benchmarks.Text;

/// <summary>Language-identification accuracy and normalize throughput on NTREX.</summary>
public static class TextBenchmarks
{
    public const int MinSentenceLength = 40;
    // Enough warm-up for tiered compilation to settle (a round is about 0.1 s), and enough rounds for a stable median.
    private const int WarmupRounds = 10;
    private const int MeasuredRounds = 31;

    public static Command CreateCommand()
    {
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures to this JSON file" };
        var command = new Command("text", "Language-ID accuracy (documents and sentences >= 40 chars) and normalize throughput on NTREX");
        command.Options.Add(json);
        command.SetAction(parseResult => Run(parseResult.GetValue(json)));
        return command;
    }

    private static int Run(FileInfo? jsonFile)
    {
        var documents = NtrexCorpus.Load(RepoPaths.SharedFile("data", "ntrex", "ntrex_docs.jsonl"));
        var accuracy = LanguageAccuracy.Measure(documents, MinSentenceLength);
        accuracy.Print(Console.Out);

        var throughput = MeasureThroughput(documents);
        Console.WriteLine($"Normalize throughput, one thread, {documents.Count} docs: median {throughput.MedianDocsPerSecond:N0} docs/s " +
                          $"(min {throughput.MinDocsPerSecond:N0}, max {throughput.MaxDocsPerSecond:N0}; {MeasuredRounds} rounds after {WarmupRounds} warm-up)");

        if (jsonFile is not null)
        {
            var report = new TextBenchmarkReport(accuracy, throughput);
            File.WriteAllText(jsonFile.FullName, JsonSerializer.Serialize(report, ReportJson.Options));
            Console.WriteLine($"Wrote {jsonFile.FullName}");
        }
        return 0;
    }

    private static Throughput MeasureThroughput(IReadOnlyList<NtrexDocument> documents)
    {
        var normalizer = new DocumentNormalizer();
        var raws = documents.Select(d => new RawDocument(d.Text)).ToArray();
        var rates = new List<double>();
        for (var round = 0; round < WarmupRounds + MeasuredRounds; round++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var raw in raws) normalizer.Normalize(raw);
            watch.Stop();
            if (round >= WarmupRounds) rates.Add(raws.Length / watch.Elapsed.TotalSeconds);
        }
        rates.Sort();
        return new Throughput(rates[rates.Count / 2], rates[0], rates[^1], raws.Length);
    }
}

public sealed record Throughput(double MedianDocsPerSecond, double MinDocsPerSecond, double MaxDocsPerSecond, int Documents);

public sealed record TextBenchmarkReport(LanguageAccuracy LanguageId, Throughput Normalize);

internal static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}
