using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace SearchSuite.Testing;

/// <summary>
/// A RabbitMQ node of one test's own: its own name, ports and data folder, started from the installed
/// <c>rabbitmq-server</c>. A test may stop and restart it (a broker restart) without disturbing the shared broker
/// that parallel tests use. Messages persist in its data folder across restarts, as on a real server.
/// </summary>
[RequiresCategory(TestCategories.Broker)]
public sealed class PrivateRabbitMqNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string folder;
    private readonly StringBuilder output = new();
    private Process? server;

    public string NodeName { get; }
    public int Port { get; }
    private int DistributionPort { get; }

    private PrivateRabbitMqNode(string folder, string nodeName, int port, int distributionPort)
    {
        this.folder = folder;
        NodeName = nodeName;
        Port = port;
        DistributionPort = distributionPort;
    }

    /// <summary>The broker's log so far, for assertion messages.</summary>
    public string Log
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public static async Task<PrivateRabbitMqNode> StartAsync(string purpose)
    {
        var folder = Directory.CreateTempSubdirectory($"searchsuite-rabbitmq-{purpose}-").FullName;
        // rabbitmq-server started as root runs the node as the rabbitmq user, which must be able to write here.
        foreach (var path in new[] { folder, Path.Combine(folder, "mnesia"), Path.Combine(folder, "log") })
        {
            Directory.CreateDirectory(path);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        }
        var node = new PrivateRabbitMqNode(folder, $"searchsuite-test-{Guid.NewGuid():N}"[..32] + "@localhost", ServiceProcess.FreePort(), ServiceProcess.FreePort());
        try
        {
            await node.StartServerAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the node as an operator restarting it would (<c>rabbitmqctl stop</c>), then starts it again on the same data.</summary>
    public async Task RestartAsync()
    {
        await StopServerAsync();
        await StartServerAsync();
    }

    /// <summary>Queues holding messages, as "name=count": to show that nothing was left behind (e.g. in an _error queue).</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync()
    {
        var result = await ExternalTool.RunAsync("rabbitmqctl", ["-n", NodeName, "-q", "list_queues", "name", "messages", "--no-table-headers"], RabbitMqBroker.InstallHint);
        if (result.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl list_queues failed ({result.ExitCode}): {result.Output}\n{Log}");
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', ' '))
            .Where(parts => parts.Length >= 2 && long.TryParse(parts[^1], out _))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[^1]));
    }

    private async Task StartServerAsync()
    {
        var start = new ProcessStartInfo("rabbitmq-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["RABBITMQ_NODENAME"] = NodeName;
        start.Environment["RABBITMQ_NODE_PORT"] = Port.ToString();
        start.Environment["RABBITMQ_DIST_PORT"] = DistributionPort.ToString();
        start.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia");
        start.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log");
        start.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins");
        start.Environment["RABBITMQ_PID_FILE"] = Path.Combine(folder, "node.pid");
        try
        {
            server = Process.Start(start) ?? throw new InvalidOperationException("rabbitmq-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"rabbitmq-server could not be started ({e.Message}). {RabbitMqBroker.InstallHint}", e);
        }
        server.OutputDataReceived += (_, e) => Append(e.Data);
        server.ErrorDataReceived += (_, e) => Append(e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var running = server;
        await Poll.UntilAsync(async () =>
        {
            if (running.HasExited) throw new InvalidOperationException($"rabbitmq-server {NodeName} exited with {running.ExitCode}:\n{Log}");
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, () => $"rabbitmq-server {NodeName} did not listen on {Port}:\n{Log}", StartTimeout);
    }

    private async Task StopServerAsync()
    {
        if (server is null) return;
        if (!server.HasExited)
        {
            var result = await ExternalTool.RunAsync("rabbitmqctl", ["-n", NodeName, "stop"], RabbitMqBroker.InstallHint);
            if (result.ExitCode != 0 && !server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync().WaitAsync(StartTimeout);
        }
        server.Dispose();
        server = null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopServerAsync();
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }
}
