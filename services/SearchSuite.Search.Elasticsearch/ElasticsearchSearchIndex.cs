using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Elasticsearch;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;

namespace SearchSuite.Search.Elasticsearch;

/// <summary>
/// The production backend. Reads and writes go through one alias ({prefix}news) that points at the index of the current
/// schema ({prefix}news-{schema hash}); <see cref="InitializeAsync"/> creates it, or reindexes and swaps the alias after a
/// schema change. A batch is sent with _bulk; items the cluster rejects with 429 are sent again, items it refuses for good
/// end in <see cref="DocumentsRejectedException"/> after the rest are indexed.
/// </summary>
public sealed class ElasticsearchSearchIndex : ISearchIndex
{
    /// <summary>Fingerprint clauses per _delete_by_query, below the smallest max_clause_count (1024 on 7.x).</summary>
    private const int MaxCopiesPerDelete = 200;

    private const string IndexNotFound = "index_not_found_exception";

    private readonly ElasticsearchClient client;
    private readonly ElasticsearchIndexOptions options;
    private readonly IIndexedNames indexedNames;
    private readonly ILogger<ElasticsearchSearchIndex> logger;
    private readonly SearchIndexSchema schema;
    private readonly SemaphoreSlim initializing = new(1, 1);
    private volatile bool initialized;

    public ElasticsearchSearchIndex(ElasticsearchClient client, IOptions<ElasticsearchIndexOptions> options, IIndexedNames indexedNames, ILogger<ElasticsearchSearchIndex> logger)
    {
        this.client = client;
        this.options = options.Value;
        this.indexedNames = indexedNames;
        this.logger = logger;
        schema = new SearchIndexSchema { NumberOfReplicas = this.options.NumberOfReplicas };
        IndexName = schema.IndexNameFor(Alias);
    }

    public string Alias => options.AliasName;

    /// <summary>The concrete index of the current schema.</summary>
    public string IndexName { get; }

    /// <summary>
    /// Checks the server version and makes the alias point at the index of the current schema. Idempotent; runs at start-up
    /// (ElasticsearchStartup) and again before the first call if start-up did not get that far.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (initialized) return;
        await initializing.WaitAsync(cancellationToken);
        try
        {
            if (initialized) return;
            await CheckServerVersionAsync(cancellationToken);
            await EnsureAliasAsync(cancellationToken);
            initialized = true;
        }
        finally
        {
            initializing.Release();
        }
    }

    public async Task IndexAsync(IReadOnlyList<DocumentNormalized> documents, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var rejected = new List<RejectedDocument>();
        foreach (var chunk in LastCopies(documents).Chunk(options.BulkSize))
        {
            var sources = chunk.Select(d => ElasticsearchDocument.From(d, indexedNames)).ToList();
            var failed = await BulkIndexAsync(sources, cancellationToken);
            rejected.AddRange(failed);
            var failedIds = failed.Select(f => f.DocumentId).ToHashSet(StringComparer.Ordinal);
            await DeleteOlderCopiesAsync(sources.Where(s => !failedIds.Contains(s.Id)).ToList(), cancellationToken);
        }
        if (rejected.Count > 0) throw new DocumentsRejectedException(rejected);
    }

    public async Task<IndexSearchResult> SearchAsync(QueryPlan plan, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var response = await client.SearchAsync<ElasticsearchDocument>(Alias, ElasticsearchQueryBuilder.Build(plan), cancellationToken);
        EnsureValid(response, "search");
        var hits = response.Hits
            .Where(hit => hit.Source is not null)
            .Select(hit => new IndexHit(hit.Source!.ToNormalized(), (float)(hit.Score ?? 0)))
            .ToList();
        return new IndexSearchResult(response.Total, hits);
    }

    public async Task<DocumentNormalized?> GetAsync(string documentId, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var response = await client.GetAsync<ElasticsearchDocument>(Alias, documentId, cancellationToken);
        EnsureValid(response, "get");
        return response.Found ? response.Source?.ToNormalized() : null;
    }

    /// <summary>
    /// Copies of the same content within one batch: only the last is sent, as if each had replaced the one before (as in
    /// Lucene). Sent together, two copies with the same ingest time would each delete the other as an older copy.
    /// </summary>
    private static IEnumerable<DocumentNormalized> LastCopies(IReadOnlyList<DocumentNormalized> documents)
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
            if (documents[i].Fingerprint.Length > 0) last[documents[i].Fingerprint] = i;
        return documents.Where((d, i) => d.Fingerprint.Length == 0 || last[d.Fingerprint] == i);
    }

    private async Task CheckServerVersionAsync(CancellationToken cancellationToken)
    {
        var info = await client.InfoAsync(cancellationToken);
        EnsureValid(info, "read the server version from");
        if (!info.VersionCheck.IsSupported)
            throw new InvalidOperationException($"Elasticsearch at {client.Options.Uri} cannot be used: {info.VersionCheck.Message}");
        logger.LogInformation("Elasticsearch {Version} at {Uri}: {Check}", info.Version?.Number, client.Options.Uri, info.VersionCheck.Message);
    }

    private async Task EnsureAliasAsync(CancellationToken cancellationToken)
    {
        var current = await client.GetAliasAsync(Alias, cancellationToken);
        EnsureValid(current, "read the alias from");
        if (current.Indices.SequenceEqual([IndexName])) return;

        if (current.Indices.Count == 0)
        {
            // First start: index and alias in one call. Another instance may win the race; then its index is ours too.
            var created = await client.CreateIndexAsync(IndexName, schema.ToCreateIndexRequest(Alias), cancellationToken);
            if (!created.IsValidResponse && !AlreadyExists(created)) throw Unavailable(created, "create the index in");
            if (created.IsValidResponse) logger.LogInformation("Created index {Index} behind alias {Alias}", IndexName, Alias);
            var now = await client.GetAliasAsync(Alias, cancellationToken);
            EnsureValid(now, "read the alias from");
            if (!now.Indices.Contains(IndexName))
                EnsureValid(await client.UpdateAliasesAsync(UpdateAliasesRequest.Swap(Alias, IndexName, now.Indices), cancellationToken), "point the alias in");
            return;
        }

        // The schema changed: copy everything into an index with the new mapping, then move readers and writers in one step.
        logger.LogWarning("Alias {Alias} points at {Old}; the schema needs {New}: reindexing", Alias, string.Join(",", current.Indices), IndexName);
        var next = await client.CreateIndexAsync(IndexName, schema.ToCreateIndexRequest(), cancellationToken);
        if (!next.IsValidResponse && !AlreadyExists(next)) throw Unavailable(next, "create the index in");
        var copied = await client.ReindexAsync(new ReindexRequest { SourceIndex = Alias, DestinationIndex = IndexName, Refresh = Refresh.True }, cancellationToken);
        EnsureValid(copied, "reindex in");
        EnsureValid(await client.UpdateAliasesAsync(UpdateAliasesRequest.Swap(Alias, IndexName, current.Indices), cancellationToken), "swap the alias in");
        logger.LogWarning("Reindexed {Count} documents into {New} and moved alias {Alias}; delete {Old} once nothing reads it",
            copied.Created + copied.Updated, IndexName, Alias, string.Join(",", current.Indices));
    }

    /// <summary>Sends the documents, resending 429-rejected items with a doubling delay; returns the items refused for good.</summary>
    private async Task<List<RejectedDocument>> BulkIndexAsync(IReadOnlyList<ElasticsearchDocument> documents, CancellationToken cancellationToken)
    {
        var request = new BulkRequest(documents.Select(d => new BulkIndexOperation(Alias, d.Id, d))) { Refresh = BulkRefresh, RequireAlias = true };
        var rejected = new List<RejectedDocument>();
        var delay = TimeSpan.FromMilliseconds(options.RejectedItemRetryDelayMilliseconds);
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.BulkAsync(request, cancellationToken);
            if (response.Items.Count != request.Operations.Count) throw Unavailable(response, "index a batch in");
            if (response.ItemsWithErrors.Any(item => item.Error?.Type == IndexNotFound)) throw AliasGone(response, "index a batch in");
            rejected.AddRange(response.PermanentlyFailedItems.Select(item => new RejectedDocument(item.Id ?? "", item.Error?.ToString() ?? $"HTTP {item.Status}")));
            if (response.RejectedItems.Count == 0) return rejected;
            if (attempt == options.RejectedItemRetries)
                throw new SearchIndexUnavailableException(
                    $"Elasticsearch at {client.Options.Uri} still rejected {response.RejectedItems.Count} of the batch's documents after {attempt + 1} attempts (429, cluster overloaded): {response.RejectedItems[0]}");
            logger.LogWarning("Elasticsearch rejected {Count} bulk items (429); sending them again in {Delay}", response.RejectedItems.Count, delay);
            await Task.Delay(delay, cancellationToken);
            delay *= 2;
            request = request.WithOnlyRejectedOperations(response);
        }
    }

    private async Task DeleteOlderCopiesAsync(IReadOnlyList<ElasticsearchDocument> indexed, CancellationToken cancellationToken)
    {
        var deleted = 0L;
        foreach (var chunk in indexed.Where(d => d.Fingerprint.Length > 0).Chunk(MaxCopiesPerDelete))
        {
            var response = await client.DeleteByQueryAsync(Alias, ElasticsearchQueryBuilder.OlderCopiesOf(chunk), cancellationToken: cancellationToken);
            EnsureValid(response, "delete older copies in");
            deleted += response.Deleted;
        }
        // _delete_by_query cannot wait_for a refresh; refresh only when something was deleted, to keep the WaitFor promise.
        if (deleted > 0 && options.Refresh == IndexRefresh.WaitFor)
            EnsureValid(await client.RefreshAsync(Alias, cancellationToken), "refresh");
    }

    private Refresh BulkRefresh => options.Refresh == IndexRefresh.WaitFor ? Refresh.WaitFor : Refresh.False;

    private static bool AlreadyExists(ElasticsearchResponse response) =>
        response.ElasticsearchServerError?.Error.Type == "resource_already_exists_exception";

    private void EnsureValid(ElasticsearchResponse response, string action)
    {
        if (response.IsValidResponse) return;
        if (response.ElasticsearchServerError?.Error.Type == IndexNotFound) throw AliasGone(response, action);
        throw Unavailable(response, action);
    }

    /// <summary>The index was deleted under us: the next call (a message retry) creates it again.</summary>
    private SearchIndexUnavailableException AliasGone(ElasticsearchResponse response, string action)
    {
        initialized = false;
        return Unavailable(response, action);
    }

    private SearchIndexUnavailableException Unavailable(ElasticsearchResponse response, string action) =>
        new($"Could not {action} Elasticsearch at {client.Options.Uri} (alias {Alias}). {response.DebugInformation}");
}
