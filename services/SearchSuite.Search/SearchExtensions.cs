using Grpc.AspNetCore.Server;
using MassTransit;
using Microsoft.Extensions.Options;
using SearchSuite.Search.Elasticsearch;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Lucene;
using SearchSuite.Search.NameMatching;
using SearchSuite.Search.Querying;
using SearchSuite.Search.Stories;
using SearchSuite.GrpcHosting;
using SearchSuite.Hosting;
using SearchSuite.V1;

namespace SearchSuite.Search;

public static class SearchDefaults
{
    public const int Port = 5082;
}

public static class SearchExtensions
{
    /// <summary>The configured index backend, name matching, query planning and the gRPC services.</summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<IndexOptions>(IndexOptions.SectionName);
        builder.Services.AddNameMatching();
        builder.Services.AddSingleton<QueryPlanner>();
        builder.Services.AddStories();
        // Only the chosen backend is registered, with its own start-up check.
        var backend = builder.Configuration.GetSection(IndexOptions.SectionName).Get<IndexOptions>()?.Backend ?? IndexBackend.Lucene;
        if (backend == IndexBackend.Elasticsearch)
        {
            builder.Services.AddElasticsearchIndex();
            // A cluster can be unreachable for a while; searches then answer Unavailable instead of Internal.
            builder.Services.Configure<GrpcServiceOptions<SearchGrpcService>>(grpc => grpc.Interceptors.Add<IndexUnavailableInterceptor>());
        }
        else builder.Services.AddLuceneIndex();
        // Ahead of the bus: the index (and its single-writer lock) opens at start, so a second server on the folder refuses to start.
        builder.Services.AddHostedService<IndexStartup>();
        builder.Services.AddGrpcDefaults();
        builder.Services.AddGrpcHealthName(SearchService.Descriptor.FullName);
        builder.Services.AddGrpcHealthName(NamesService.Descriptor.FullName);
        return builder;
    }

    /// <summary>Story assignment (section "Stories"), which the indexing consumer runs before every batch.</summary>
    public static IServiceCollection AddStories(this IServiceCollection services)
    {
        services.AddValidatedOptions<StoryOptions>(StoryOptions.SectionName);
        services.AddSingleton<StoryAssigner>();
        return services;
    }

    /// <param name="indexing">False on a read-only replica (Index:ReadOnly), which must not take index messages from the writer.</param>
    public static IBusRegistrationConfigurator AddSearchConsumers(this IBusRegistrationConfigurator bus, bool indexing = true)
    {
        if (indexing) bus.AddConsumer<IndexDocumentsConsumer, IndexDocumentsConsumerDefinition>();
        bus.AddNameStateConsumers();
        return bus;
    }

    /// <summary>Whether the configuration makes this a read-only replica; read before the host is built, to choose the consumers.</summary>
    public static bool IsReadOnlyReplica(this IConfiguration configuration) =>
        configuration.GetSection(IndexOptions.SectionName).GetValue<bool>(nameof(IndexOptions.ReadOnly));

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<SearchGrpcService>();
        app.MapGrpcService<NamesGrpcService>();
        return app;
    }
}

/// <summary>Opens the configured index when the host starts rather than at the first request or message.</summary>
public sealed class IndexStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ISearchIndex>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
