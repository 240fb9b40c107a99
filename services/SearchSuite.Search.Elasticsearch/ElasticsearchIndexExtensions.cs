using Microsoft.Extensions.Options;
using SearchSuite.Elasticsearch;
using SearchSuite.ServiceDefaults;

namespace SearchSuite.Search.Elasticsearch;

public static class ElasticsearchIndexExtensions
{
    /// <summary>
    /// The Elasticsearch backend's options, client and start-up check. Registered with every backend; options are
    /// validated, and the cluster contacted, only when Index:Backend is Elasticsearch.
    /// </summary>
    public static IServiceCollection AddElasticsearchIndex(this IServiceCollection services)
    {
        services.AddValidatedOptions<ElasticsearchIndexOptions>(ElasticsearchIndexOptions.SectionName)
            // The address comes only from ConnectionStrings:Elasticsearch, like RabbitMQ's.
            .Configure<IConfiguration>((options, configuration) =>
                options.Url = configuration.GetConnectionString(ElasticsearchIndexOptions.ConnectionStringName));
        services.AddSingleton<IValidateOptions<ElasticsearchIndexOptions>, ElasticsearchIndexOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ElasticsearchIndexOptions>>().Value;
            // One long-lived HttpClient; recycling pooled connections picks up DNS changes of the cluster's address.
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
            return new ElasticsearchClient(http, options.ToClientOptions());
        });
        services.AddSingleton<ElasticsearchSearchIndex>();
        services.AddHostedService<ElasticsearchStartup>();
        return services;
    }
}

/// <summary>
/// Fails the start of the host when the cluster is unreachable, of an unsupported version, or its index cannot be set up,
/// before the message bus starts consuming (AddSearch registers it ahead of AddMessageBus).
/// </summary>
public sealed class ElasticsearchStartup(IOptions<IndexOptions> index, IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        index.Value.Backend == IndexBackend.Elasticsearch
            ? services.GetRequiredService<ElasticsearchSearchIndex>().InitializeAsync(cancellationToken)
            : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
