using System.Diagnostics;

namespace SearchSuite.Testing;

/// <summary>Runs a command-line tool the tests rely on (rabbitmqctl, docker-compose), failing with install instructions when it is missing.</summary>
public static class ExternalTool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>Stdout, then stderr.</summary>
        public string Output => Stdout + Stderr;

        public void Deconstruct(out int exitCode, out string output) => (exitCode, output) = (ExitCode, Output);
    }

    /// <param name="installHint">What to install, for the failure when the tool is not on the PATH.</param>
    /// <param name="unsetVariables">Environment variables the tool must not see.</param>
    public static async Task<Result> RunAsync(string tool, IEnumerable<string> arguments, string installHint,
        string? workingDirectory = null, IEnumerable<string>? unsetVariables = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var variable in unsetVariables ?? []) start.Environment.Remove(variable);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} could not be run ({e.Message}). {installHint}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
            return new Result(process.ExitCode, await stdout, await stderr);
        }
    }
}
