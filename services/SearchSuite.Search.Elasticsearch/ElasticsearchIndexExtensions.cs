using Elastic.Clients.Elasticsearch;
using Microsoft.Extensions.Options;
using SearchSuite.Search.Indexing;
using SearchSuite.Hosting;

namespace SearchSuite.Search.Elasticsearch;

public static class ElasticsearchIndexExtensions
{
    /// <summary>
    /// The Elasticsearch backend as the host's <see cref="ISearchIndex"/>: validated options, one <see cref="ElasticsearchClient"/>
    /// (thread-safe, holding the node pool and its connections) as a singleton, and the start-up check.
    /// </summary>
    public static IServiceCollection AddElasticsearchIndex(this IServiceCollection services)
    {
        services.AddValidatedOptions<ElasticsearchIndexOptions>(ElasticsearchIndexOptions.SectionName)
            // The address comes only from ConnectionStrings:Elasticsearch, like RabbitMQ's.
            .Configure<IConfiguration>((options, configuration) =>
                options.Url = configuration.GetConnectionString(ElasticsearchIndexOptions.ConnectionStringName));
        services.AddSingleton<IValidateOptions<ElasticsearchIndexOptions>, ElasticsearchIndexOptionsValidator>();
        services.AddSingleton(sp => new ElasticsearchClient(sp.GetRequiredService<IOptions<ElasticsearchIndexOptions>>().Value.ToClientSettings()));
        services.AddSingleton<ElasticsearchSearchIndex>();
        services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<ElasticsearchSearchIndex>());
        services.AddHostedService<ElasticsearchStartup>();
        return services;
    }
}

/// <summary>
/// Fails the start of the host when the cluster is unreachable, not Elasticsearch 9.x, or its index cannot be set up,
/// before the message bus starts consuming (AddSearch registers it ahead of AddMessageBus).
/// </summary>
public sealed class ElasticsearchStartup(ElasticsearchSearchIndex index) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => index.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
