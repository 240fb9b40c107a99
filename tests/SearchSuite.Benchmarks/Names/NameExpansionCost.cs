using System.Diagnostics;
using SearchSuite.Names;

namespace SearchSuite.Benchmarks.Names;

public sealed record ExpansionCostFigures(int VocabularySize, int QueryNames, double MedianMicroseconds, double P99Microseconds, double MaxMicroseconds);

/// <summary>
/// Time to expand one query name against a vocabulary of real dev-set tokens topped up to the target size with
/// synthetic tokens spliced from real ones (so letters, lengths and first letters stay name-like). Each name is timed
/// <see cref="RunsPerName"/> times and its fastest run counts.
/// The vocabulary first grows a tenth beyond the target and shrinks back, as it does when indexed documents are replaced.
/// </summary>
public static class NameExpansionCost
{
    public const int RunsPerName = 5;

    public static ExpansionCostFigures Measure(NameDevSet devSet, int vocabularySize, int seed = 42)
    {
        var vocabulary = new NameVocabulary();
        var realTokens = devSet.Documents.SelectMany(d => NameTokens.Split(d.Name)).Where(t => t.Length >= 3).Distinct().ToArray();
        foreach (var token in realTokens) vocabulary.Add(token);
        var random = new Random(seed);
        string Spliced()
        {
            var head = realTokens[random.Next(realTokens.Length)];
            var tail = realTokens[random.Next(realTokens.Length)];
            return head[..random.Next(1, head.Length)] + tail[random.Next(1, tail.Length)..];
        }
        // A tenth more, then removed again: the vocabulary follows the index, so it also shrinks when documents are
        // replaced, and expansion is measured on a vocabulary that has.
        var churn = new List<string>();
        while (vocabulary.Count < vocabularySize + vocabularySize / 10)
        {
            var token = Spliced();
            if (vocabulary.Add(token) && vocabulary.Count > vocabularySize) churn.Add(token);
        }
        foreach (var token in churn) vocabulary.Remove(token);

        var expander = new NameExpander(new NameVariantStore(), vocabulary);
        var queryNames = devSet.Queries.Select(q => q.Name).Distinct().ToArray();
        foreach (var name in queryNames.Take(200)) expander.ExpandName(name);

        // Each name's cost is the fastest of a few runs: on a shared machine a single run also measures whoever else
        // had the core (preemption, other processes' work), which says nothing about the lookup itself.
        var microseconds = new double[queryNames.Length];
        for (var i = 0; i < queryNames.Length; i++)
        {
            var fastest = double.MaxValue;
            for (var run = 0; run < RunsPerName; run++)
            {
                var start = Stopwatch.GetTimestamp();
                expander.ExpandName(queryNames[i]);
                fastest = Math.Min(fastest, Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
            microseconds[i] = fastest;
        }
        Array.Sort(microseconds);
        return new ExpansionCostFigures(vocabulary.Count, queryNames.Length,
            microseconds[microseconds.Length / 2], microseconds[(int)(microseconds.Length * 0.99)], microseconds[^1]);
    }
}
