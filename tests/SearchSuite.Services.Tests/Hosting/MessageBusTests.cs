using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SearchSuite.Messaging;

namespace SearchSuite.Services.Tests.Hosting;

/// <summary>ConnectionStrings:RabbitMq goes to MassTransit's own Host(Uri); the bus is built, never started (no broker needed).</summary>
public sealed class MessageBusTests
{
    private static IHost BuildHost(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = connectionString });
        builder.AddMessageBus(_ => { });
        return builder.Build();
    }

    [Fact]
    public void The_bus_addresses_the_host_port_and_virtual_host_of_the_connection_string()
    {
        using var host = BuildHost("amqp://alice:s%40cret@broker.invalid:5673/test-vhost");

        var address = host.Services.GetRequiredService<IBusControl>().Address;

        Assert.True(address is { Host: "broker.invalid", Port: 5673 } && address.AbsolutePath.StartsWith("/test-vhost/", StringComparison.Ordinal),
            $"the bus address {address} is not on broker.invalid:5673, virtual host test-vhost");
    }

    [Fact]
    public void A_connection_string_that_is_not_amqp_stops_the_start_naming_the_key()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => BuildHost("http://broker.invalid:5672/"));

        Assert.Contains("ConnectionStrings:RabbitMq must be an amqp:// or amqps:// URI", failure.Message);
    }
}
