using System.Net.Sockets;

namespace SearchSuite.Testing;

/// <summary>
/// The real RabbitMQ the integration tests use (amqp://guest:guest@127.0.0.1:5672 unless RABBITMQ_HOST/RABBITMQ_PORT say
/// otherwise). Each test gets a fresh virtual host, so tests never see each other's queues.
/// </summary>
[RequiresCategory(TestCategories.Broker)]
public static class RabbitMqBroker
{
    public const string InstallHint =
        "Integration tests need a running RabbitMQ on 127.0.0.1:5672 with rabbitmqctl on PATH. Install and start it with " +
        "'apt-get install -y rabbitmq-server && rabbitmq-server &' (the repository's .ci/run does this).";

    public static string Host => Environment.GetEnvironmentVariable("RABBITMQ_HOST") ?? "127.0.0.1";
    public static int Port => int.TryParse(Environment.GetEnvironmentVariable("RABBITMQ_PORT"), out var port) ? port : 5672;

    public static string ConnectionString(string virtualHost) => $"amqp://guest:guest@{Host}:{Port}/{Uri.EscapeDataString(virtualHost)}";

    /// <summary>Creates a uniquely named virtual host that guest may use, failing with install instructions when RabbitMQ is missing.</summary>
    public static async Task<string> CreateVirtualHostAsync(string purpose)
    {
        await EnsureReachableAsync();
        var name = $"test-{purpose}-{Guid.NewGuid():N}"[..Math.Min(60, purpose.Length + 38)];
        await RabbitMqCtlAsync("add_vhost", name);
        await RabbitMqCtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return name;
    }

    public static Task DeleteVirtualHostAsync(string name) => RabbitMqCtlAsync("delete_vhost", name);

    /// <summary>
    /// Takes the first message that reaches <paramref name="queue"/> (typically an _error queue), polling within the
    /// default bound; <paramref name="describe"/> explains a timeout.
    /// </summary>
    public static Task<RabbitMQ.Client.BasicGetResult> TakeFirstAsync(RabbitMQ.Client.IConnection connection, string queue, Func<string> describe) =>
        Poll.UntilAsync(async () =>
        {
            // MassTransit creates an error queue with the first fault; until then a get fails and closes its channel.
            await using var probe = await connection.CreateChannelAsync();
            try
            {
                return await probe.BasicGetAsync(queue, autoAck: true);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return null;
            }
        }, () => $"nothing reached {queue}; {describe()}");

    /// <summary>Why MassTransit moved a message to an _error queue: the MT-Fault-* headers of the error-queue copy.</summary>
    public static string FaultReason(RabbitMQ.Client.BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
        return string.Join("; ", headers
            .Where(h => h.Key.StartsWith("MT-Fault", StringComparison.Ordinal))
            .Select(h => $"{h.Key}={(h.Value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : h.Value)}"));
    }

    private static async Task EnsureReachableAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(Host, Port).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            throw new InvalidOperationException($"RabbitMQ is not reachable at {Host}:{Port} ({e.Message}). {InstallHint}", e);
        }
    }

    private static async Task RabbitMqCtlAsync(params string[] arguments)
    {
        var result = await ExternalTool.RunAsync("rabbitmqctl", arguments, InstallHint);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Output}");
    }
}
