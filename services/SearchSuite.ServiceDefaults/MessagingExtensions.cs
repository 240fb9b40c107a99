using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SearchSuite.ServiceDefaults;

public enum MessageTransport
{
    RabbitMq,
    /// <summary>In-process bus for the all-in-one <c>searchsuite serve</c>.</summary>
    InMemory,
}

public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    public MessageTransport Transport { get; set; } = MessageTransport.RabbitMq;
}

/// <summary>A parsed <c>amqp://user:pass@host:port/vhost</c> connection string.</summary>
public sealed record RabbitMqEndpoint(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    public const string ConnectionStringName = "RabbitMq";
    public const string Default = "amqp://guest:guest@127.0.0.1:5672/";

    public static RabbitMqEndpoint Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            throw new OptionsValidationException($"ConnectionStrings:{ConnectionStringName}", typeof(RabbitMqEndpoint),
                [$"ConnectionStrings:{ConnectionStringName} must be an amqp:// or amqps:// URI such as {Default}, not '{connectionString}'."]);
        var userInfo = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var tls = uri.Scheme == "amqps";
        return new RabbitMqEndpoint(
            uri.Host,
            (ushort)(uri.IsDefaultPort ? (tls ? 5671 : 5672) : uri.Port),
            vhost.Length == 0 ? "/" : vhost,
            userInfo[0].Length == 0 ? "guest" : Uri.UnescapeDataString(userInfo[0]),
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest",
            tls);
    }
}

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (or in memory for the all-in-one). Consumers register themselves through
    /// <paramref name="configureConsumers"/>; their endpoint settings live in their ConsumerDefinitions, and
    /// ConfigureEndpoints runs last so that every definition applies.
    /// </summary>
    public static IHostApplicationBuilder AddMessageBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configureConsumers)
    {
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateOnStart();
        var transport = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>()?.Transport ?? MessageTransport.RabbitMq;
        var rabbit = RabbitMqEndpoint.Parse(builder.Configuration.GetConnectionString(RabbitMqEndpoint.ConnectionStringName) ?? RabbitMqEndpoint.Default);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit 8.4+ reports usage to usage-tracking.masstransit.io by default: nothing leaves the machine
            // unless the operator configures it (OTEL_EXPORTER_OTLP_ENDPOINT).
            bus.DisableUsageTelemetry();
            configureConsumers(bus);
            if (transport == MessageTransport.InMemory)
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                return;
            }
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                {
                    h.Username(rabbit.Username);
                    h.Password(rabbit.Password);
                    if (rabbit.UseTls) h.UseSsl(s => s.Protocol = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        // Wait for the bus on start so a misconfigured broker fails the process instead of a silent idle service.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="sectionName"/> and validates it (data annotations) when the host starts.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string sectionName) where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
}
