using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SearchSuite.Testing;

/// <summary>
/// A real service process (dotnet SomeService.dll) whose output is kept, so a failing assertion can show the server's log.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder standardOutput = new();

    public string Name { get; }
    public string Address { get; }

    private ServiceProcess(string name, string address, Process process)
    {
        Name = name;
        Address = address;
        this.process = process;
    }

    /// <summary>Everything the process has written so far (stdout and stderr interleaved).</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary>What the process has written to stdout alone (for checks that logs stay on stderr).</summary>
    public string StandardOutput
    {
        get
        {
            lock (output) return standardOutput.ToString();
        }
    }

    public bool HasExited => process.HasExited;

    /// <summary>The operating system's id of the process (for reading /proc/PID/status).</summary>
    public int ProcessId => process.Id;

    public static ServiceProcess Start(string name, string assemblyPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Plain output: no ANSI colours or progress redraws in the captured log.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        // The caller has the last word (the system benchmark runs the services as Production).
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, $"http://127.0.0.1:{port}", process);
        process.OutputDataReceived += (_, e) => service.Append(e.Data, fromStandardOutput: true);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data, fromStandardOutput: false);
        if (!process.Start()) throw new InvalidOperationException($"Could not start {name} ({assemblyPath}).");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until GET /readyz answers 200 (HTTP/2 for gRPC hosts, HTTP/1.1 otherwise).</summary>
    public async Task WaitUntilReadyAsync(bool http2, TimeSpan? timeout = null)
    {
        using var http = new HttpClient
        {
            DefaultRequestVersion = http2 ? HttpVersion.Version20 : HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(5),
        };
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"{Name} exited with code {process.ExitCode}:\n{Output}");
            using var response = await http.GetAsync($"{Address}/readyz");
            return response.IsSuccessStatusCode;
        }, () => $"{Name} at {Address} did not become ready. Its log:\n{Output}", timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>kill -9: the process dies at once, with no chance to flush or commit anything.</summary>
    public async Task KillAbruptlyAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Sends SIGTERM (what systemd, Docker and Kubernetes send to stop a service) and waits, bounded, for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (SendSignal(process.Id, SigTerm) != 0) throw new InvalidOperationException($"kill(SIGTERM) of {Name} ({process.Id}) failed.");
        await process.WaitForExitAsync().WaitAsync(timeout);
        return process.ExitCode;
    }

    /// <summary>Waits (bounded) until the process exits on its own; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await process.WaitForExitAsync().WaitAsync(timeout);
        return process.ExitCode;
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private void Append(string? line, bool fromStandardOutput)
    {
        if (line is null) return;
        lock (output)
        {
            output.AppendLine(line);
            if (fromStandardOutput) standardOutput.AppendLine(line);
        }
    }
}
