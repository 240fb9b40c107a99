using Grpc.Core;
using SearchSuite.Contracts;
using SearchSuite.Search;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using SearchSuite.Search.Stories;
using SearchSuite.Services.Tests.Search;
using SearchSuite.V1;

namespace SearchSuite.Services.Tests.Grpc.Unit;

/// <summary>SearchGrpcService called directly with a test call context: validation and the caller's cancellation, without a server.</summary>
public sealed class SearchGrpcServiceTests
{
    /// <summary>An index whose searches wait until they are cancelled, and which knows one document.</summary>
    private sealed class WaitingIndex : ISearchIndex
    {
        public TaskCompletionSource<CancellationToken> SearchStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task IndexAsync(IReadOnlyList<IndexedDocument> documents, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyCollection<string>> ReadNameFormsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyCollection<string>>([]);

        public async Task<IndexSearchResult> SearchAsync(QueryPlan plan, CancellationToken cancellationToken)
        {
            SearchStarted.TrySetResult(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }

        public Task<DocumentNormalized?> GetAsync(string documentId, CancellationToken cancellationToken) =>
            Task.FromResult(documentId == "known" ? new DocumentNormalized { DocumentId = "known", Language = "de", Text = "Text" } : null);

        public Task<IReadOnlyList<IReadOnlyList<StoryCandidate>>> FindStoryCandidatesAsync(IReadOnlyList<StoryCandidateQuery> queries, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<IReadOnlyList<StoryCandidate>>>([.. queries.Select(_ => (IReadOnlyList<StoryCandidate>)[])]);

        public Task<IReadOnlyList<DocumentNormalized>> GetStoryAsync(string storyId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DocumentNormalized>>([]);
    }

    private static SearchGrpcService Service(ISearchIndex index)
    {
        var names = new NoNames();
        return new SearchGrpcService(index, new QueryPlanner(names), names);
    }

    [Theory]
    [InlineData("", "query")]
    [InlineData("   ", "query")]
    public async Task A_search_without_words_is_invalid_argument_naming_the_field(string query, string field)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(() => Service(new WaitingIndex()).Search(new SearchRequest { Query = query }, TestServerCallContext.Create()));

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        Assert.StartsWith(field + ":", failure.Status.Detail);
    }

    [Fact]
    public async Task A_language_that_is_no_iso_code_is_invalid_argument_naming_the_field()
    {
        var request = new SearchRequest { Query = "Putin" };
        request.Languages.Add("klingon");

        var failure = await Assert.ThrowsAsync<RpcException>(() => Service(new WaitingIndex()).Search(request, TestServerCallContext.Create()));

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        Assert.StartsWith("languages:", failure.Status.Detail);
    }

    [Fact]
    public async Task The_callers_cancellation_reaches_the_index_and_stops_the_search()
    {
        var index = new WaitingIndex();
        using var caller = new CancellationTokenSource();
        var search = Service(index).Search(new SearchRequest { Query = "Putin" }, TestServerCallContext.Create(cancellationToken: caller.Token));

        var token = await index.SearchStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(caller.Token, token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task An_unknown_document_is_not_found_naming_the_id_and_a_known_one_is_returned()
    {
        var service = Service(new WaitingIndex());

        var failure = await Assert.ThrowsAsync<RpcException>(() => service.GetDocument(new GetDocumentRequest { DocumentId = "missing" }, TestServerCallContext.Create()));
        var found = await service.GetDocument(new GetDocumentRequest { DocumentId = "known" }, TestServerCallContext.Create());

        Assert.Equal(StatusCode.NotFound, failure.StatusCode);
        Assert.Contains("'missing'", failure.Status.Detail);
        Assert.Equal("known", found.DocumentId);
    }
}
