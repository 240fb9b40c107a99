using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using SearchSuite.Services.Tests.Grpc.Unit;
using SearchSuite.V1;
using Xunit.Abstractions;

namespace SearchSuite.Services.Tests.Grpc;

/// <summary>
/// The gRPC contract, end to end inside one process: ingest → normalize → index → search. The server's logs go to the
/// test output, and an error log fails the test even when the answers were right.
/// </summary>
public sealed class SearchSuiteGrpcTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly VerifyNoErrorsScope logs = new(output);
    private InProcessServer server = null!;
    private IReadOnlyDictionary<string, string> seeds = null!;

    public async Task InitializeAsync()
    {
        server = await InProcessServer.StartAsync(logs: logs);
        seeds = await server.IngestSeedsAsync();
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        logs.Dispose();
    }

    private async Task<IReadOnlyList<string>> HitIds(string query, params string[] languages)
    {
        var request = new SearchRequest { Query = query };
        request.Languages.Add(languages);
        var response = await server.Search.SearchAsync(request);
        return response.Hits.Select(h => h.DocumentId).ToList();
    }

    [Fact]
    public async Task The_seed_queries_find_their_articles()
    {
        Assert.Equal([seeds["001"], seeds["003"]], await HitIds("Peskow"));
        Assert.Equal([seeds["003"], seeds["001"]], await HitIds("Peskov"));
        Assert.Equal(seeds.Values.Order(), (await HitIds("Putin Iran")).Order());
        Assert.Equal(new[] { seeds["000"], seeds["001"] }.Order(), (await HitIds("Atomprogramms")).Order());
    }

    [Fact]
    public async Task A_hit_carries_attribution_and_a_highlighted_snippet()
    {
        var hit = (await server.Search.SearchAsync(new SearchRequest { Query = "Peskow" })).Hits[0];
        Assert.Equal("de", hit.Language);
        Assert.Equal("vi", hit.OriginLanguage);
        Assert.Equal("Dan Tri", hit.Outlet);
        Assert.Contains("<em>Peskow</em>", hit.Snippet);
    }

    [Fact]
    public async Task GetDocument_returns_the_clean_document_and_NOT_FOUND_for_unknown_ids()
    {
        var document = await server.Search.GetDocumentAsync(new GetDocumentRequest { DocumentId = seeds["001"] });
        Assert.Equal("de", document.Language);
        Assert.DoesNotContain("Kommentar (0)", document.Text);
        Assert.Contains(document.Removed, r => r.Kind == "comment_counter");
        // What normalize computed reaches the client: the identification's confidence and each removed piece's place.
        Assert.InRange(document.LanguageConfidence, 0.5, 1.0);
        Assert.All(document.Removed, r => Assert.Equal(r.Text.Length, r.Length));
        Assert.Contains(document.Removed, r => r.Start > 0);

        var missing = await Assert.ThrowsAsync<RpcException>(() => server.Search.GetDocumentAsync(new GetDocumentRequest { DocumentId = "nope" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("", 0, "query")]
    [InlineData("!!! ???", 0, "query")]
    [InlineData("Putin", 101, "page_size")]
    [InlineData("Putin", -1, "page_size")]
    public async Task Bad_searches_are_INVALID_ARGUMENT_naming_the_field(string query, int pageSize, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Search.SearchAsync(new SearchRequest { Query = query, PageSize = pageSize }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_language_filter_or_page_token_is_INVALID_ARGUMENT()
    {
        var request = new SearchRequest { Query = "Putin" };
        request.Languages.Add("german");
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Search.SearchAsync(request).ResponseAsync);
        Assert.StartsWith("languages:", error.Status.Detail);

        error = await Assert.ThrowsAsync<RpcException>(() => server.Search.SearchAsync(new SearchRequest { Query = "Putin", PageToken = "forged" }).ResponseAsync);
        Assert.StartsWith("page_token:", error.Status.Detail);
    }

    [Fact]
    public async Task Pages_follow_next_page_token_to_the_end()
    {
        var seen = new List<string>();
        var request = new SearchRequest { Query = "Putin", PageSize = 2 };
        for (var page = 0; page < 5; page++)
        {
            var response = await server.Search.SearchAsync(request);
            Assert.Equal(3, response.TotalHits);
            seen.AddRange(response.Hits.Select(h => h.DocumentId));
            if (response.NextPageToken.Length == 0) break;
            request.PageToken = response.NextPageToken;
        }
        Assert.Equal(seeds.Values.Order(), seen.Order());
    }

    [Theory]
    [InlineData("", "", "text")]
    [InlineData("Putin", "deutsch", "language")]
    public async Task Bad_documents_are_INVALID_ARGUMENT_naming_the_field(string text, string language, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Ingest().IngestAsync(new IngestRequest { Text = text, Language = language }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
    }

    [Fact]
    public async Task An_oversized_text_is_INVALID_ARGUMENT_naming_the_text_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Ingest().IngestAsync(new IngestRequest { Text = new string('x', 1_000_001) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("text:", error.Status.Detail);
    }

    [Fact]
    public async Task IngestStream_counts_and_explains_rejections_and_the_rest_flow_on()
    {
        using var call = server.Ingest().IngestStream();
        await call.RequestStream.WriteAsync(new IngestRequest { DocumentId = "stream-ok-1", Text = "Lavrov traf Araghchi in Teheran." });
        await call.RequestStream.WriteAsync(new IngestRequest { DocumentId = "stream-bad", Text = "" });
        await call.RequestStream.WriteAsync(new IngestRequest { DocumentId = "stream-ok-2", Text = "Lavrov met Araghchi in Tehran.", Language = "en" });
        await call.RequestStream.CompleteAsync();
        var summary = await call;

        Assert.Equal(2, summary.Accepted);
        Assert.Equal(1, summary.Rejected);
        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal((1, "stream-bad", "text"), (rejection.Index, rejection.DocumentId, rejection.Field));
        Assert.Equal(["stream-ok-1", "stream-ok-2"], summary.DocumentIds);
        await server.WaitUntilSearchableAsync("stream-ok-2");
    }

    [Fact]
    public async Task Health_and_reflection_are_served()
    {
        var health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        using var reflection = new ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await reflection.RequestStream.CompleteAsync();
        Assert.True(await reflection.ResponseStream.MoveNext(CancellationToken.None));
        var services = reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("searchsuite.v1.IngestService", services);
        Assert.Contains("searchsuite.v1.SearchService", services);
    }
}
