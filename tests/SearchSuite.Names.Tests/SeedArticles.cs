using SearchSuite.Testing;

namespace SearchSuite.Names.Tests;

/// <summary>The seed articles kept in the repository's seeds/ folder; tests take real name snippets from them.</summary>
public static class SeedArticles
{
    public static string Read(string fileNamePrefix) =>
        File.ReadAllText(Directory.GetFiles(RepoPaths.Seeds, fileNamePrefix + "*.txt").SingleOrDefault()
            ?? throw new FileNotFoundException($"No seed article {fileNamePrefix}*.txt in {RepoPaths.Seeds}"));

    /// <summary>The snippet, checked to occur verbatim in the seed, so the test input is real text.</summary>
    public static string Snippet(string fileNamePrefix, string snippet)
    {
        Assert.True(Read(fileNamePrefix).Contains(snippet, StringComparison.Ordinal), $"Seed {fileNamePrefix} no longer contains \"{snippet}\"");
        return snippet;
    }
}
