using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SearchSuite.Cli;
using SearchSuite.Search;

namespace SearchSuite.Services.Tests.Hosting;

public sealed class AllInOneHostTests
{
    [Fact]
    public async Task The_all_in_one_reads_its_index_buffered_and_the_search_service_maps_it()
    {
        var data = Directory.CreateTempSubdirectory("searchsuite-host-").FullName;
        try
        {
            await using var app = AllInOneHost.Build(port: 0, data);
            var options = app.Services.GetRequiredService<IOptions<IndexOptions>>().Value;

            // Mapped pages would count in the all-in-one's resident set (its 512 MiB aim); the search service keeps the faster default.
            Assert.Equal(IndexFileAccess.Buffered, options.FileAccess);
            Assert.Equal(Path.Combine(data, "index"), options.Path);
            Assert.Equal(IndexFileAccess.MemoryMapped, new IndexOptions().FileAccess);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Only_the_chosen_backend_is_registered_without_the_other_s_client_start_up_check_or_interceptor()
    {
        var data = Directory.CreateTempSubdirectory("searchsuite-host-").FullName;
        try
        {
            await using var app = AllInOneHost.Build(port: 0, data);

            Assert.IsType<SearchSuite.Search.Lucene.LuceneSearchIndex>(app.Services.GetRequiredService<SearchSuite.Search.Indexing.ISearchIndex>());
            Assert.Null(app.Services.GetService<Elastic.Clients.Elasticsearch.ElasticsearchClient>());
            Assert.Null(app.Services.GetService<SearchSuite.Search.Elasticsearch.ElasticsearchSearchIndex>());
            Assert.DoesNotContain(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is SearchSuite.Search.Elasticsearch.ElasticsearchStartup);
            var grpc = app.Services.GetRequiredService<IOptions<global::Grpc.AspNetCore.Server.GrpcServiceOptions<SearchGrpcService>>>().Value;
            Assert.DoesNotContain(grpc.Interceptors, i => i.Type == typeof(IndexUnavailableInterceptor));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
