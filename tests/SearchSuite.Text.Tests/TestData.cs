using System.Text.Json;
using SearchSuite.Testing;

namespace SearchSuite.Text.Tests;

/// <summary>The repository's seeds, and the read-only ../shared material read at run time (never copied into the repo).</summary>
public static class TestData
{
    public const string Seed000 = "000_c732f99de72756b9.txt";
    public const string Seed001 = "001_58703e863629936e.txt";
    public const string Seed003 = "003_41ede0cf7ea32611.txt";

    public static string Seed(string fileName) => File.ReadAllText(Path.Combine(RepoPaths.Seeds, fileName));

    /// <summary>The seed after Unicode hygiene: the text RemovedSpan offsets refer to.</summary>
    public static string CleanSeed(string fileName) => UnicodeHygiene.Apply(Seed(fileName));

    /// <summary>NTREX documents of one language: (title, sentences, text).</summary>
    public static IReadOnlyList<(string Title, string[] Sentences, string Text)> Ntrex(string language) =>
        [.. File.ReadLines(RepoPaths.SharedFile("data", "ntrex", "ntrex_docs.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(doc => doc.GetProperty("lang").GetString() == language)
            .Select(doc => (doc.GetProperty("title").GetString()!,
                doc.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToArray(),
                doc.GetProperty("text").GetString()!))];
}
