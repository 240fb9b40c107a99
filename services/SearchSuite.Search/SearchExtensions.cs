using Grpc.AspNetCore.Server;
using MassTransit;
using Microsoft.Extensions.Options;
using SearchSuite.Search.Elasticsearch;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Lucene;
using SearchSuite.Search.NameMatching;
using SearchSuite.Search.Querying;
using SearchSuite.ServiceDefaults;
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
        builder.Services.AddSingleton<LuceneSearchIndex>();
        builder.Services.AddElasticsearchIndex();
        builder.Services.Configure<GrpcServiceOptions<SearchGrpcService>>(grpc => grpc.Interceptors.Add<IndexUnavailableInterceptor>());
        builder.Services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<IOptions<IndexOptions>>().Value.Backend switch
        {
            IndexBackend.Lucene => sp.GetRequiredService<LuceneSearchIndex>(),
            IndexBackend.Elasticsearch => sp.GetRequiredService<ElasticsearchSearchIndex>(),
            var other => throw new OptionsValidationException(IndexOptions.SectionName, typeof(IndexOptions), [$"Index:Backend '{other}' is not available in this build."]),
        });
        builder.Services.AddGrpcDefaults();
        builder.Services.AddGrpcHealthName(SearchService.Descriptor.FullName);
        builder.Services.AddGrpcHealthName(NamesService.Descriptor.FullName);
        return builder;
    }

    public static IBusRegistrationConfigurator AddSearchConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<IndexDocumentsConsumer, IndexDocumentsConsumerDefinition>();
        return bus;
    }

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<SearchGrpcService>();
        app.MapGrpcService<NamesGrpcService>();
        return app;
    }
}
