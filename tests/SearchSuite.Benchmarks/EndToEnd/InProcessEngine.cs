using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SearchSuite.Contracts;
using SearchSuite.Normalize;
using SearchSuite.Search;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.NameMatching;
using SearchSuite.Search.Querying;
using SearchSuite.Text;

namespace SearchSuite.Benchmarks.EndToEnd;

/// <summary>
/// The search service's own components (registered by AddSearch, as in the service) without gRPC or a bus:
/// the baseline the end-to-end figures are compared with.
/// </summary>
public sealed class InProcessEngine : IDisposable
{
    private readonly IHost host;

    public InProcessEngine(string indexPath)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration[$"{IndexOptions.SectionName}:{nameof(IndexOptions.Path)}"] = indexPath;
        builder.AddSearch();
        host = builder.Build();
        Index = host.Services.GetRequiredService<ISearchIndex>();
        Names = host.Services.GetRequiredService<IIndexedNames>();
        Planner = host.Services.GetRequiredService<QueryPlanner>();
        Stories = host.Services.GetRequiredService<SearchSuite.Search.Stories.StoryAssigner>();
        // The host is never started, so its name state is read here as the service's refresher reads it at start: else
        // a reused index would expand names against an empty vocabulary, far cheaper than the service does.
        host.Services.GetServices<IHostedService>().OfType<NameStateRefresher>().Single().RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Story assignment, which the indexing consumer runs before each batch.</summary>
    public SearchSuite.Search.Stories.StoryAssigner Stories { get; }

    public ISearchIndex Index { get; }
    /// <summary>The vocabulary the indexing consumer registers names with (<see cref="IndexedDocument.From"/>).</summary>
    public IIndexedNames Names { get; }
    /// <summary>The same index as the Lucene backend (the engine's only one), for its segment count and merge.</summary>
    public SearchSuite.Search.Lucene.LuceneSearchIndex Lucene => (SearchSuite.Search.Lucene.LuceneSearchIndex)Index;
    public QueryPlanner Planner { get; }
    /// <summary>
    /// Documents per commit of the raw rate: the indexer's batch size before documents travelled in batches, kept so that
    /// raw rates stay comparable across versions. The service commits once per group of concurrent batches instead.
    /// </summary>
    public const int BatchSize = 500;

    /// <summary>Normalizes the documents exactly as the normalize consumer does, on one thread; returns them and the rate.</summary>
    public static (IReadOnlyList<DocumentNormalized> Documents, double DocsPerSecond) Normalize(IReadOnlyList<SyntheticDocument> documents)
    {
        var normalizer = new DocumentNormalizer();
        var clock = Stopwatch.StartNew();
        var normalized = documents
            .Select(d => NormalizeDocumentConsumer.Normalize(normalizer, new DocumentSubmitted { DocumentId = d.Id, Text = d.Text, SubmittedAt = DateTimeOffset.UtcNow }))
            .ToList();
        return (normalized, documents.Count / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Indexes already-normalized documents in the consumer's batch size (one commit each); docs/s.</summary>
    public async Task<double> IndexAsync(IReadOnlyList<DocumentNormalized> documents)
    {
        var clock = Stopwatch.StartNew();
        foreach (var batch in documents.Chunk(BatchSize)) await Index.IndexAsync(batch, Names, CancellationToken.None);
        return documents.Count / clock.Elapsed.TotalSeconds;
    }

    public Task SearchOnceAsync(string query, bool expandNames) => SearchOnceAsync(query, expandNames, SearchRefinements.None);

    /// <summary>The same search counting every facet over all matches, for the cost of facets beside the plain figure.</summary>
    public Task SearchWithFacetsOnceAsync(string query, bool expandNames) =>
        SearchOnceAsync(query, expandNames, new SearchRefinements(Facets: FacetFields.All));

    private Task SearchOnceAsync(string query, bool expandNames, SearchRefinements refinements) =>
        Index.SearchAsync(Planner.Plan(new SearchQuery(query, [], [], 0, SearchGrpcService.DefaultPageSize, expandNames) { Refinements = refinements }), CancellationToken.None);

    public void Dispose() => host.Dispose();
}
