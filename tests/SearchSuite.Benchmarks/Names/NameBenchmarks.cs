using System.CommandLine;
using System.Text.Json;
using SearchSuite.Names;
using Spectre.Console;

namespace SearchSuite.Benchmarks.Names;

/// <summary>Name-matching relevance (recall@10, false matches) and expansion cost.</summary>
public static class NameBenchmarks
{
    public static Command CreateCommand()
    {
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures to this JSON file" };
        var diagnostics = new Option<FileInfo?>("--diagnostics") { Description = "Write every miss and false match of the expanded mode to this file (for tuning)" };
        var vocabularySize = new Option<int>("--vocabulary") { Description = "Vocabulary size for the cost measurement", DefaultValueFactory = _ => 100_000 };
        var command = new Command("names", "Name relevance (recall@10, false matches) on ../shared/data/names and expansion cost");
        command.Options.Add(json);
        command.Options.Add(vocabularySize);
        command.Options.Add(diagnostics);
        command.SetAction(parseResult => Run(parseResult.GetValue(json), parseResult.GetValue(vocabularySize), parseResult.GetValue(diagnostics)));
        return command;
    }

    private static int Run(FileInfo? jsonFile, int vocabularySize, FileInfo? diagnosticsFile)
    {
        var devSet = NameDevSet.Load();
        AnsiConsole.MarkupLine($"[bold]Names dev set[/]: {devSet.Documents.Count} documents, {devSet.Queries.Count} queries");
        var baseline = new NameRelevance(devSet, new NameExpanderOptions()).Evaluate(expand: false);
        var relevance = new NameRelevance(devSet, new NameExpanderOptions()) { Diagnostics = diagnosticsFile is null ? null : [] };
        var figures = baseline.Concat(relevance.Evaluate(expand: true)).ToList();
        if (diagnosticsFile is not null) File.WriteAllLines(diagnosticsFile.FullName, relevance.Diagnostics!);

        var table = new Table().AddColumns("Set", "Mode", "Queries", "Recall@10", "Recall@10 all words", "Returned", "False", "False rate", "Homonyms", "Longer names");
        foreach (var f in figures.OrderBy(f => f.Set).ThenBy(f => f.Mode))
            table.AddRow(f.Set, f.Mode, $"{f.Queries}", $"{f.RecallAt10:0.000}", $"{f.AllWordsRecallAt10:0.000}", $"{f.ReturnedMatches}", $"{f.FalseMatches}", $"{f.FalseMatchRate:0.00%}", $"{f.Homonyms}", $"{f.LongerNames}");
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 140);
        AnsiConsole.Write(table);

        var cost = NameExpansionCost.Measure(devSet, vocabularySize);
        AnsiConsole.MarkupLine(
            $"[bold]Expansion cost[/]: {cost.QueryNames} query names, vocabulary {cost.VocabularySize:N0} tokens: " +
            $"median {cost.MedianMicroseconds:0.0} µs, p99 {cost.P99Microseconds:0.0} µs, max {cost.MaxMicroseconds:0.0} µs per name (fastest of {NameExpansionCost.RunsPerName} runs each)");

        if (jsonFile is not null)
            File.WriteAllText(jsonFile.FullName, JsonSerializer.Serialize(new { relevance = figures, cost }, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
