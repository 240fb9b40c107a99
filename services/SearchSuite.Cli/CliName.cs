namespace SearchSuite.Cli;

/// <summary>How the user can run this CLI again, for hints: "searchsuite" when it is on the PATH (installed as a tool), else the built binary.</summary>
public static class CliName
{
    public const string ToolCommand = "searchsuite";

    public static string Command { get; } = Find();

    private static string Find()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, ToolCommand)) || File.Exists(Path.Combine(dir, ToolCommand + ".exe")));
        if (onPath) return ToolCommand;
        var process = Environment.ProcessPath ?? "";
        // Under 'dotnet searchsuite.dll' the process is dotnet itself.
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? $"dotnet {typeof(CliName).Assembly.Location}" : process;
    }
}
