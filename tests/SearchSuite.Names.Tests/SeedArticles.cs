namespace SearchSuite.Names.Tests;

/// <summary>The seed articles kept in the repository's seeds/ folder; tests take real name snippets from them.</summary>
public static class SeedArticles
{
    public static string Read(string fileNamePrefix)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (!Directory.Exists(seeds)) continue;
            var file = Directory.GetFiles(seeds, fileNamePrefix + "*.txt").SingleOrDefault()
                ?? throw new FileNotFoundException($"No seed article {fileNamePrefix}*.txt in {seeds}");
            return File.ReadAllText(file);
        }
        throw new DirectoryNotFoundException($"No seeds/ folder above {AppContext.BaseDirectory}; the tests need the repository's seeds.");
    }

    /// <summary>The snippet, checked to occur verbatim in the seed, so the test input is real text.</summary>
    public static string Snippet(string fileNamePrefix, string snippet)
    {
        Assert.True(Read(fileNamePrefix).Contains(snippet, StringComparison.Ordinal), $"Seed {fileNamePrefix} no longer contains \"{snippet}\"");
        return snippet;
    }
}
