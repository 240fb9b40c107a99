using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SearchSuite.ServiceDefaults;

/// <summary>Telemetry and health, as eShop's ServiceDefaults: what every SearchSuite service reports about itself.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>A liveness check and, when an OTLP endpoint is configured, traces and metrics.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        builder.AddOpenTelemetryDefaults();
        return builder;
    }

    /// <summary>/healthz (liveness) and /readyz (everything, the bus included).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        app.MapHealthChecks("/readyz");
        return app;
    }

    private static void AddOpenTelemetryDefaults(this IHostApplicationBuilder builder)
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
            // MassTransit's meter and activity source by name: the bus is wired in SearchSuite.Messaging.
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
        var assembly = System.Reflection.Assembly.GetEntryAssembly() ?? typeof(ServiceDefaultsExtensions).Assembly;
        var informational = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        return informational ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
    }
}
