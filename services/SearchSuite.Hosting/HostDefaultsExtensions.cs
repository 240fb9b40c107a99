using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SearchSuite.Hosting;

public static class HostDefaultsExtensions
{
    /// <summary>
    /// Logging, a safe default binding (127.0.0.1) and the refusal of .env.example placeholders, for every SearchSuite host.
    /// </summary>
    /// <param name="defaultPort">Port used when neither --urls, ASPNETCORE_URLS nor Kestrel:Endpoints is configured.</param>
    /// <param name="protocols">Http2 for gRPC hosts (h2c with prior knowledge); Http1 for plain HTTP hosts.</param>
    public static WebApplicationBuilder AddHostDefaults(this WebApplicationBuilder builder, int defaultPort, HttpProtocols protocols = HttpProtocols.Http2)
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

        builder.Services.AddSingleton<IValidateOptions<ConfigurationPlaceholders>, ConfigurationPlaceholders.Validator>();
        builder.Services.AddOptions<ConfigurationPlaceholders>().ValidateOnStart();
        return builder;
    }

    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="sectionName"/> and validates it (data annotations) when the host starts.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string sectionName) where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
}
