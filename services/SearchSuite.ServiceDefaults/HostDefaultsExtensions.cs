using Grpc.AspNetCore.HealthChecks;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SearchSuite.ServiceDefaults;

public static class HostDefaultsExtensions
{
    /// <summary>
    /// Logging, telemetry, health checks and a safe default binding (127.0.0.1) for every SearchSuite host.
    /// </summary>
    /// <param name="defaultPort">Port used when neither --urls, ASPNETCORE_URLS nor Kestrel:Endpoints is configured.</param>
    /// <param name="protocols">Http2 for gRPC hosts (h2c with prior knowledge); Http1 for plain HTTP hosts.</param>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, int defaultPort, HttpProtocols protocols = HttpProtocols.Http2)
    {
        // Lowest-priority defaults: per-request framework logs are noise at this volume; configuration can turn them back on.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Grpc.AspNetCore"] = "Warning",
                ["Logging:LogLevel:MassTransit"] = "Warning",
            },
        });
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        // Loopback unless the operator says otherwise: a fresh service must not be reachable from the network.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
            builder.WebHost.UseUrls($"http://127.0.0.1:{defaultPort}");
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(e => e.Protocols = protocols));

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        builder.AddOpenTelemetryDefaults();
        builder.Services.AddSingleton<IValidateOptions<ConfigurationPlaceholders>, ConfigurationPlaceholders.Validator>();
        builder.Services.AddOptions<ConfigurationPlaceholders>().ValidateOnStart();
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName);
        return builder;
    }

    /// <summary>gRPC with the shared interceptors, health (grpc.health.v1) and reflection.</summary>
    public static IGrpcServerBuilder AddGrpcDefaults(this IServiceCollection services)
    {
        // Several services may share one host (the all-in-one); configure gRPC once. Every AddGrpc re-adds grpc-dotnet's
        // own method provider, so strict parsing is applied after each.
        if (services.Any(d => d.ServiceType == typeof(GrpcDefaultsMarker)))
        {
            var again = services.AddGrpc();
            services.UseStrictMessageParsing();
            return again;
        }
        services.AddSingleton<GrpcDefaultsMarker>();
        services.AddGrpcHealthChecks();
        services.AddGrpcReflection();
        var grpc = services.AddGrpc(o =>
        {
            o.Interceptors.Add<ApiKeyInterceptor>();
            o.Interceptors.Add<CancellationInterceptor>();
            o.Interceptors.Add<EnumValueInterceptor>();
            o.EnableDetailedErrors = false;
            // Generous enough for a large article plus metadata; text length is validated separately.
            o.MaxReceiveMessageSize = 16 * 1024 * 1024;
        });
        services.UseStrictMessageParsing();
        return grpc;
    }

    /// <summary>
    /// Makes grpc.health.v1 answer for <paramref name="serviceName"/> (e.g. "searchsuite.v1.SearchService"), with the
    /// same checks as the server as a whole (""), so a probe may name the service it depends on.
    /// </summary>
    public static IServiceCollection AddGrpcHealthName(this IServiceCollection services, string serviceName) =>
        services.Configure<GrpcHealthChecksOptions>(o => o.Services.Map(serviceName, _ => true));

    /// <summary>/healthz (liveness) and /readyz (everything, the bus included).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        app.MapHealthChecks("/readyz");
        return app;
    }

    /// <summary>The standard grpc.health.v1 service and server reflection, for hosts that serve gRPC.</summary>
    public static WebApplication MapGrpcDefaultEndpoints(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    private static void AddOpenTelemetryDefaults(this WebApplicationBuilder builder)
    {
        // Only when an endpoint is configured, so a local run never tries to reach a collector. Without an exporter,
        // tracing and metrics would still record every request (an activity and its tags each time) for nothing.
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, wins (the SDK reads it); otherwise each host names itself, so a trace viewer
                // tells ingest, normalize, search and the all-in-one apart instead of showing unknown_service:dotnet.
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
                    resource.AddService(TelemetryServiceName(builder.Environment.ApplicationName), serviceVersion: ServiceVersion());
            })
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter("MassTransit"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("MassTransit"))
            .UseOtlpExporter();
    }

    /// <summary>"SearchSuite.Ingest" → "searchsuite-ingest"; the CLI's all-in-one ("searchsuite") → "searchsuite-all-in-one".</summary>
    public static string TelemetryServiceName(string applicationName) =>
        applicationName.StartsWith("SearchSuite.", StringComparison.Ordinal)
            ? "searchsuite-" + applicationName["SearchSuite.".Length..].ToLowerInvariant()
            : applicationName == "searchsuite" ? "searchsuite-all-in-one" : applicationName;

    private static string ServiceVersion()
    {
        var assembly = System.Reflection.Assembly.GetEntryAssembly() ?? typeof(HostDefaultsExtensions).Assembly;
        var informational = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        return informational ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
    }

    private sealed class GrpcDefaultsMarker;
}
