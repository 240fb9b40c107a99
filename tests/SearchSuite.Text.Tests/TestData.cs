using System.Text.Json;

namespace SearchSuite.Text.Tests;

/// <summary>The repository's seeds, and the read-only ../shared material read at run time (never copied into the repo).</summary>
public static class TestData
{
    public const string Seed000 = "000_c732f99de72756b9.txt";
    public const string Seed001 = "001_58703e863629936e.txt";
    public const string Seed003 = "003_41ede0cf7ea32611.txt";

    public static string Seed(string fileName) => File.ReadAllText(Path.Combine(RepoRoot(), "seeds", fileName));

    /// <summary>The seed after Unicode hygiene: the text RemovedSpan offsets refer to.</summary>
    public static string CleanSeed(string fileName) => UnicodeHygiene.Apply(Seed(fileName));

    /// <summary>NTREX documents of one language: (title, sentences, text).</summary>
    public static IReadOnlyList<(string Title, string[] Sentences, string Text)> Ntrex(string language) =>
        [.. File.ReadLines(SharedFile("data", "ntrex", "ntrex_docs.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(doc => doc.GetProperty("lang").GetString() == language)
            .Select(doc => (doc.GetProperty("title").GetString()!,
                doc.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToArray(),
                doc.GetProperty("text").GetString()!))];

    /// <summary>A file under the shared folder: $SEARCHSUITE_SHARED, or a "shared" folder with "data" beside an ancestor directory.</summary>
    public static string SharedFile(params string[] parts)
    {
        var root = Environment.GetEnvironmentVariable("SEARCHSUITE_SHARED");
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); string.IsNullOrEmpty(root) && dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "data"))) root = Path.Combine(dir.FullName, "shared");
        if (string.IsNullOrEmpty(root))
            throw new DirectoryNotFoundException(
                $"This test needs ../shared/data (NTREX), but no 'shared/data' folder was found above {Directory.GetCurrentDirectory()}; set SEARCHSUITE_SHARED.");
        return Path.Combine([root, .. parts]);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "seeds")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"No repository root with seeds/ above {AppContext.BaseDirectory}.");
    }
}
