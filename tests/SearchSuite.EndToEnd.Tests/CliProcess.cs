using SearchSuite.Testing;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>Runs the real <c>searchsuite</c> binary (the Debug build of the test run) and keeps what it printed.</summary>
internal static class Cli
{
    public static readonly string Assembly = RepoPaths.ServiceAssembly("SearchSuite.Cli", "searchsuite");

    public static async Task<CliRun> RunAsync(string[] arguments)
    {
        var run = await ExternalTool.RunAsync("dotnet", [Assembly, .. arguments], "Install the .NET SDK.", RepoPaths.Root, timeout: TimeSpan.FromSeconds(120));
        return new CliRun(arguments, run.ExitCode, run.Stdout, run.Stderr);
    }
}

internal sealed record CliRun(string[] Arguments, int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    public override string ToString() => $"searchsuite {string.Join(' ', Arguments)} exited {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("searchsuite-e2e-cli-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
