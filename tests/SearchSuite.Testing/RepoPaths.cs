namespace SearchSuite.Testing;

/// <summary>Where things are in this checkout and beside it.</summary>
public static class RepoPaths
{
    /// <summary>The checkout's root: the first ancestor of the working directory (or of this assembly) holding SearchSuite.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static IReadOnlyList<string> SeedFiles => Directory.GetFiles(Seeds, "*.txt").Order(StringComparer.Ordinal).ToList();

    /// <summary>The read-only ../shared folder: $SEARCHSUITE_SHARED, or "shared" beside an ancestor of the checkout.</summary>
    [RequiresCategory(TestCategories.SharedData)]
    public static string Shared
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("SEARCHSUITE_SHARED");
            if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
            for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "data"))) return candidate;
            }
            throw new DirectoryNotFoundException(
                $"The shared data folder (../shared/data beside the checkout at {Root}) was not found; set SEARCHSUITE_SHARED to the folder that holds data/.");
        }
    }

    [RequiresCategory(TestCategories.SharedData)]
    public static string SharedFile(params string[] parts) => Path.Combine([Shared, .. parts]);

    /// <summary>The built entry assembly of a project under services/, in the same configuration as the calling tests.</summary>
    public static string ServiceAssembly(string project, string? assemblyName = null) => BuiltAssembly("services", project, assemblyName);

    /// <summary>The built entry assembly of a tool project under tests/ (the benchmarks), in the same configuration.</summary>
    public static string TestToolAssembly(string project) => BuiltAssembly("tests", project, assemblyName: null);

    private static string BuiltAssembly(string folder, string project, string? assemblyName)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var path = Path.Combine(Root, folder, project, "bin", configuration, "net10.0", (assemblyName ?? project) + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built; run 'dotnet build SearchSuite.sln -c {configuration}' first.", path);
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "SearchSuite.sln")))
                    return dir.FullName;
        throw new DirectoryNotFoundException("SearchSuite.sln was not found above the working directory or the test assembly.");
    }
}
