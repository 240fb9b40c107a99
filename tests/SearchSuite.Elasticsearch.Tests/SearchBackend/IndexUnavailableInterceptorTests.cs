using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using SearchSuite.Search;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Elasticsearch.Tests.SearchBackend;

public sealed class IndexUnavailableInterceptorTests
{
    private sealed class TestCallContext : ServerCallContext
    {
        protected override string MethodCore => "/searchsuite.v1.SearchService/Search";
        protected override string HostCore => "localhost";
        protected override string PeerCore => "ipv4:127.0.0.1:1";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore => [];
        protected override CancellationToken CancellationTokenCore => CancellationToken.None;
        protected override Metadata ResponseTrailersCore => [];
        protected override Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);
        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();
        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }

    [Fact]
    public async Task An_unavailable_index_answers_UNAVAILABLE_without_the_cluster_details()
    {
        var interceptor = new IndexUnavailableInterceptor(NullLogger<IndexUnavailableInterceptor>.Instance);

        var failure = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", new TestCallContext(), (_, _) => throw new SearchIndexUnavailableException("Could not search Elasticsearch at http://es.test:9200/ …")));

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.DoesNotContain("es.test", failure.Status.Detail);
    }

    [Fact]
    public async Task Other_failures_pass_through()
    {
        var interceptor = new IndexUnavailableInterceptor(NullLogger<IndexUnavailableInterceptor>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", new TestCallContext(), (_, _) => throw new InvalidOperationException("bug")));
    }
}
