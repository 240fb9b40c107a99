using Grpc.AspNetCore.HealthChecks;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SearchSuite.GrpcHosting;

public static class GrpcHostingExtensions
{
    /// <summary>gRPC with the shared interceptors, health (grpc.health.v1), reflection and the API key setting.</summary>
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
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName);
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

    /// <summary>The standard grpc.health.v1 service and server reflection, for hosts that serve gRPC.</summary>
    public static WebApplication MapGrpcDefaultEndpoints(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    private sealed class GrpcDefaultsMarker;
}
