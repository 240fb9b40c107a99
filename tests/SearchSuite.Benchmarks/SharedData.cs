namespace SearchSuite.Benchmarks;

/// <summary>Locates the read-only material in ../shared (never copied into the repo).</summary>
public static class SharedData
{
    /// <summary>The shared folder: $SEARCHSUITE_SHARED, or the first "shared" folder beside an ancestor of the working directory.</summary>
    public static string Root()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SEARCHSUITE_SHARED");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "data"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            "../shared/data was not found above the working directory; set SEARCHSUITE_SHARED to the shared folder.");
    }

    public static string File(params string[] parts) => System.IO.Path.Combine([Root(), .. parts]);
}
