using System.Diagnostics;
using SearchSuite.Names;

namespace SearchSuite.Benchmarks.Names;

public sealed record ExpansionCostFigures(int VocabularySize, int QueryNames, double MedianMicroseconds, double P99Microseconds, double MaxMicroseconds);

/// <summary>
/// Time to expand one query name against a vocabulary of real dev-set tokens topped up to the target size with
/// synthetic tokens spliced from real ones (so letters, lengths and first letters stay name-like).
/// </summary>
public static class NameExpansionCost
{
    public static ExpansionCostFigures Measure(NameDevSet devSet, int vocabularySize, int seed = 42)
    {
        var vocabulary = new NameVocabulary();
        var realTokens = devSet.Documents.SelectMany(d => NameTokens.Split(d.Name)).Where(t => t.Length >= 3).Distinct().ToArray();
        foreach (var token in realTokens) vocabulary.Add(token);
        var random = new Random(seed);
        while (vocabulary.Count < vocabularySize)
        {
            var head = realTokens[random.Next(realTokens.Length)];
            var tail = realTokens[random.Next(realTokens.Length)];
            vocabulary.Add(head[..random.Next(1, head.Length)] + tail[random.Next(1, tail.Length)..]);
        }

        var expander = new NameExpander(new NameVariantStore(), vocabulary);
        var queryNames = devSet.Queries.Select(q => q.Name).Distinct().ToArray();
        foreach (var name in queryNames.Take(200)) expander.ExpandName(name);

        var microseconds = new double[queryNames.Length];
        for (var i = 0; i < queryNames.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            expander.ExpandName(queryNames[i]);
            microseconds[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(microseconds);
        return new ExpansionCostFigures(vocabulary.Count, queryNames.Length,
            microseconds[microseconds.Length / 2], microseconds[(int)(microseconds.Length * 0.99)], microseconds[^1]);
    }
}
