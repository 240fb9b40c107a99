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
        var perturbations = new Option<bool>("--perturbations") { Description = "Run the perturbation test bed instead: per category (typos, titles, order, joins, short forms, scripts), with hard negatives" };
        var command = new Command("names", "Name relevance (recall@10, false matches) on ../shared/data/names and expansion cost");
        command.Options.Add(json);
        command.Options.Add(vocabularySize);
        command.Options.Add(diagnostics);
        command.Options.Add(perturbations);
        command.SetAction(parseResult => parseResult.GetValue(perturbations)
            ? RunPerturbations(parseResult.GetValue(json), parseResult.GetValue(vocabularySize), parseResult.GetValue(diagnostics))
            : Run(parseResult.GetValue(json), parseResult.GetValue(vocabularySize), parseResult.GetValue(diagnostics)));
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

        WriteTable(figures);

        var cost = NameExpansionCost.Measure(devSet, vocabularySize);
        AnsiConsole.MarkupLine(
            $"[bold]Expansion cost[/]: {cost.QueryNames} query names, vocabulary {cost.VocabularySize:N0} tokens: " +
            $"median {cost.MedianMicroseconds:0.0} µs, p99 {cost.P99Microseconds:0.0} µs, max {cost.MaxMicroseconds:0.0} µs per name (fastest of {NameExpansionCost.RunsPerName} runs each)");

        if (jsonFile is not null)
            File.WriteAllText(jsonFile.FullName, JsonSerializer.Serialize(new { relevance = figures, cost }, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static int RunPerturbations(FileInfo? jsonFile, int vocabularySize, FileInfo? diagnosticsFile)
    {
        var bed = NamePerturbations.Build(NameDevSet.Load());
        AnsiConsole.MarkupLine($"[bold]Names perturbation bed[/]: {bed.Documents.Count} documents (hard negatives included), {bed.Queries.Count} queries");
        var baseline = new NameRelevance(bed, new NameExpanderOptions()).Evaluate(expand: false, summaries: false);
        var relevance = new NameRelevance(bed, new NameExpanderOptions()) { Diagnostics = diagnosticsFile is null ? null : [] };
        var figures = baseline.Concat(relevance.Evaluate(expand: true, summaries: false)).ToList();
        WriteTable(figures);
        var extractor = NameExtractorRecall.Measure(NameDevSet.Load());
        if (diagnosticsFile is not null)
            File.WriteAllLines(diagnosticsFile.FullName, relevance.Diagnostics!.Concat(extractor.SelectMany(f => f.Missed.Select(m => $"extractor {f.Language}\tmiss\t{m}"))));
        foreach (var f in extractor)
            AnsiConsole.MarkupLine($"[bold]Extractor recall[/] on NTREX {f.Language} ({f.Documents} documents): {f.Extracted} of {f.Occurrences} dev-set names in the text extracted ({f.Recall:0.000}), surname in some name {f.SurnameExtracted} ({f.SurnameRecall:0.000})");
        // The perturbed queries take the wider typo budget of a name's words: their cost is measured too.
        var cost = NameExpansionCost.Measure(bed, vocabularySize);
        AnsiConsole.MarkupLine(
            $"[bold]Expansion cost[/]: {cost.QueryNames} perturbed query names, vocabulary {cost.VocabularySize:N0} tokens: " +
            $"median {cost.MedianMicroseconds:0.0} µs, p99 {cost.P99Microseconds:0.0} µs, max {cost.MaxMicroseconds:0.0} µs per name (fastest of {NameExpansionCost.RunsPerName} runs each)");
        if (jsonFile is not null)
            File.WriteAllText(jsonFile.FullName, JsonSerializer.Serialize(new { perturbations = figures, cost, extractor }, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static void WriteTable(IEnumerable<RelevanceFigures> figures)
    {
        var table = new Table().AddColumns("Set", "Mode", "Queries", "Recall@10", "Recall@10 all words", "Returned", "False", "False rate", "At/above target", "Homonyms", "Longer names");
        foreach (var f in figures.OrderBy(f => f.Set).ThenBy(f => f.Mode))
            table.AddRow(f.Set, f.Mode, $"{f.Queries}", $"{f.RecallAt10:0.000}", $"{f.AllWordsRecallAt10:0.000}", $"{f.ReturnedMatches}", $"{f.FalseMatches}", $"{f.FalseMatchRate:0.00%}", $"{f.FalseMatchesAtOrAboveTarget} ({f.FalseAtOrAboveTargetRate:0.00%})", $"{f.Homonyms}", $"{f.LongerNames}");
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 140);
        AnsiConsole.Write(table);
    }
}
