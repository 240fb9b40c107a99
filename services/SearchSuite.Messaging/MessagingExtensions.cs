using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SearchSuite.Messaging;

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

/// <summary>
/// ConnectionStrings:RabbitMq, an <c>amqp://user:pass@host:port/vhost</c> (or <c>amqps://</c>) URI: checked here,
/// read by MassTransit's own <c>Host(Uri)</c> (user, password, port, virtual host, TLS).
/// </summary>
public static class RabbitMqEndpoint
{
    public const string ConnectionStringName = "RabbitMq";
    public const string Default = "amqp://guest:guest@127.0.0.1:5672/";

    public static Uri Parse(string connectionString) =>
        Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
            ? uri
            : throw new OptionsValidationException($"ConnectionStrings:{ConnectionStringName}", typeof(RabbitMqEndpoint),
                [$"ConnectionStrings:{ConnectionStringName} must be an amqp:// or amqps:// URI such as {Default}, not '{connectionString}'."]);
}

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (or in memory for the all-in-one). Consumers register themselves through
    /// <paramref name="configureConsumers"/>; their endpoint settings live in their ConsumerDefinitions, and
    /// ConfigureEndpoints runs last so that every definition applies.
    /// </summary>
    /// <param name="configureBus">Filters and observers of one host's bus (the all-in-one's backlog), before the endpoints.</param>
    public static IHostApplicationBuilder AddMessageBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configureConsumers,
        Action<IBusRegistrationContext, IBusFactoryConfigurator>? configureBus = null)
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
                bus.UsingInMemory((context, cfg) =>
                {
                    configureBus?.Invoke(context, cfg);
                    cfg.ConfigureEndpoints(context);
                });
                return;
            }
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit, h =>
                {
                    // A URI without credentials logs in as RabbitMQ's default user, not as an empty one.
                    if (rabbit.UserInfo.Length == 0)
                    {
                        h.Username("guest");
                        h.Password("guest");
                    }
                    if (rabbit.Scheme == "amqps") h.UseSsl(s => s.Protocol = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
                });
                configureBus?.Invoke(context, cfg);
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
}
