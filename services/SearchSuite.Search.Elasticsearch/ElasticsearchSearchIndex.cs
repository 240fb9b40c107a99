using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport.Products.Elasticsearch;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using SearchSuite.Search.Stories;

namespace SearchSuite.Search.Elasticsearch;

/// <summary>
/// The production backend on the official client. Reads and writes go through one alias ({prefix}news) that points at the
/// index of the current schema ({prefix}news-{schema hash}); <see cref="InitializeAsync"/> creates it, or reindexes and
/// swaps the alias after a schema change. A batch is sent with _bulk; items the cluster rejects with 429 are sent again,
/// items it refuses for good end in <see cref="DocumentsRejectedException"/> after the rest are indexed. Every response is
/// checked with IsValidResponse; failures become <see cref="SearchIndexUnavailableException"/> quoting the server's error.
/// </summary>
public sealed class ElasticsearchSearchIndex : ISearchIndex
{
    /// <summary>Fingerprint clauses per _delete_by_query, well below indices.query.bool.max_clause_count.</summary>
    private const int MaxCopiesPerDelete = 200;

    private const string IndexNotFound = "index_not_found_exception";
    private const int TooManyRequests = 429;
    private const string VersionConflict = "version_conflict_engine_exception";

    private readonly ElasticsearchClient client;
    private readonly ElasticsearchIndexOptions options;
    private readonly ILogger<ElasticsearchSearchIndex> logger;
    private readonly ElasticsearchSchema schema;
    private readonly SemaphoreSlim initializing = new(1, 1);
    private volatile bool initialized;

    public ElasticsearchSearchIndex(ElasticsearchClient client, IOptions<ElasticsearchIndexOptions> options, ILogger<ElasticsearchSearchIndex> logger)
    {
        this.client = client;
        this.options = options.Value;
        this.logger = logger;
        schema = new ElasticsearchSchema { NumberOfReplicas = this.options.NumberOfReplicas };
        IndexName = schema.IndexNameFor(Alias, client.RequestResponseSerializer);
    }

    public string Alias => options.AliasName;

    /// <summary>The concrete index of the current schema.</summary>
    public string IndexName { get; }

    private string Cluster => string.Join(",", options.Nodes);

    /// <summary>
    /// Checks the server and makes the alias point at the index of the current schema. Idempotent; runs at start-up
    /// (ElasticsearchStartup) and again before the first call if start-up did not get that far.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (initialized) return;
        await initializing.WaitAsync(cancellationToken);
        try
        {
            if (initialized) return;
            await CheckServerAsync(cancellationToken);
            await EnsureAliasAsync(cancellationToken);
            initialized = true;
        }
        finally
        {
            initializing.Release();
        }
    }

    public async Task IndexAsync(IReadOnlyList<IndexedDocument> documents, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var rejected = new List<RejectedDocument>();
        // Written by id only: a near-duplicate under another id is a version of its own (marked DuplicateOf by story assignment).
        foreach (var chunk in documents.Chunk(options.BulkSize))
            rejected.AddRange(await BulkIndexAsync([.. chunk.Select(ElasticsearchDocument.From)], cancellationToken));
        if (rejected.Count > 0) throw new DocumentsRejectedException(rejected);
    }

    public async Task<IReadOnlyCollection<string>> ReadNameFormsAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var forms = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var response = await client.SearchAsync<ElasticsearchDocument>(ElasticsearchQueryBuilder.NameForms(Alias, after), cancellationToken);
            EnsureValid(response, "read the name forms from");
            var page = response.Aggregations?.GetComposite(ElasticsearchQueryBuilder.NameFormsAggregation);
            if (page is null) return forms;
            foreach (var bucket in page.Buckets)
                if (bucket.Key[ElasticsearchQueryBuilder.NameFormsAggregation].TryGetString(out var form)) forms.Add(form);
            // As the composite aggregation's reference pages: repeat with the after_key until a page comes back empty.
            if (page.Buckets.Count == 0 || page.AfterKey is null
                || !page.AfterKey[ElasticsearchQueryBuilder.NameFormsAggregation].TryGetString(out after))
                return forms;
        }
    }

    public async Task<IndexSearchResult> SearchAsync(QueryPlan plan, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var response = await client.SearchAsync<ElasticsearchDocument>(ElasticsearchQueryBuilder.Build(plan, Alias), cancellationToken);
        EnsureValid(response, "search");
        var page = response.Hits.Where(hit => hit.Source is not null).Select(hit => (Document: hit.Source!.ToNormalized(), Score: (float)(hit.Score ?? 0))).ToList();
        var versionsByStory = plan.GroupByStory
            ? await PageStoryVersionsAsync([.. page.Select(hit => hit.Document.StoryId).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)], cancellationToken)
            : null;
        List<IndexHit> hits =
        [
            .. page.Select(hit => new IndexHit(hit.Document, hit.Score, versionsByStory is null ? null
                : [.. versionsByStory.GetValueOrDefault(hit.Document.StoryId, []).Where(v => v.DocumentId != hit.Document.DocumentId).Take(QueryPlan.MaxVersions)])),
        ];
        var stories = plan.GroupByStory ? response.Aggregations?.GetCardinality(ElasticsearchQueryBuilder.TotalStoriesAggregation)?.Value ?? 0 : 0;
        return new IndexSearchResult(response.Total, hits, stories) { Facets = ElasticsearchQueryBuilder.ReadFacets(plan, response.Aggregations) };
    }

    public async Task<IReadOnlyList<IReadOnlyList<StoryCandidate>>> FindStoryCandidatesAsync(IReadOnlyList<StoryCandidateQuery> queries, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        // The lookups of a batch run concurrently; the cluster answers each as one bounded bool query.
        return await Task.WhenAll(queries.Select(query => FindStoryCandidatesAsync(query, cancellationToken)));
    }

    private async Task<IReadOnlyList<StoryCandidate>> FindStoryCandidatesAsync(StoryCandidateQuery query, CancellationToken cancellationToken)
    {
        if (query.Evidence.Terms.Count == 0 && query.Fingerprint.Length == 0) return [];
        var response = await client.SearchAsync<ElasticsearchDocument>(ElasticsearchQueryBuilder.StoryCandidates(query, Alias), cancellationToken);
        EnsureValid(response, "look up story candidates in");
        return [.. response.Hits.Where(hit => hit.Source is not null).Select(hit => hit.Source!.ToCandidate())];
    }

    /// <summary>Each page story's versions, oldest first, from one collapsed request with inner_hits.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<DocumentNormalized>>> PageStoryVersionsAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken)
    {
        if (storyIds.Count == 0) return new Dictionary<string, IReadOnlyList<DocumentNormalized>>();
        var response = await client.SearchAsync<ElasticsearchDocument>(
            ElasticsearchQueryBuilder.PageStoryVersions(storyIds, QueryPlan.MaxVersions + 1, Alias), cancellationToken);
        EnsureValid(response, "read the page's stories from");
        var versions = new Dictionary<string, IReadOnlyList<DocumentNormalized>>(StringComparer.Ordinal);
        foreach (var hit in response.Hits)
        {
            if (hit.InnerHits?.GetValueOrDefault(ElasticsearchQueryBuilder.VersionsInnerHits) is not { } inner) continue;
            List<DocumentNormalized> story = [.. inner.Hits.Hits.Select(v => v.Source).OfType<object>().Select(ReadSummary)];
            if (story.Count > 0) versions[story[0].StoryId] = story;
        }
        return versions;
    }

    /// <summary>An inner hit's _source, which the client leaves untyped, read by the documents' own source serializer.</summary>
    private DocumentNormalized ReadSummary(object source)
    {
        using var stream = new MemoryStream();
        client.SourceSerializer.Serialize(source, stream);
        stream.Position = 0;
        return (client.SourceSerializer.Deserialize<ElasticsearchDocument>(stream)
            ?? throw new SearchIndexUnavailableException("Elasticsearch answered an inner hit without _source")).ToNormalized();
    }

    public async Task<IReadOnlyList<DocumentNormalized>> GetStoryAsync(string storyId, int limit, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var response = await client.SearchAsync<ElasticsearchDocument>(ElasticsearchQueryBuilder.StoryVersions(storyId, limit, Alias), cancellationToken);
        EnsureValid(response, "read a story from");
        return [.. response.Hits.Where(hit => hit.Source is not null).Select(hit => hit.Source!.ToNormalized())];
    }

    public async Task<DocumentNormalized?> GetAsync(string documentId, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var response = await client.GetAsync<ElasticsearchDocument>(Alias, documentId, cancellationToken);
        // A missing document is a valid answer (404, found: false); a missing index is not.
        EnsureValid(response, "get");
        // A tombstone is a deleted document: not found.
        return response.Found && response.Source is { Tombstone: not true } source ? source.ToNormalized() : null;
    }

    private async Task CheckServerAsync(CancellationToken cancellationToken)
    {
        InfoResponse info;
        try
        {
            info = await client.InfoAsync(cancellationToken);
        }
        catch (UnsupportedProductException refused)
        {
            // The one failure the client throws instead of answering: the server lacks the X-Elastic-Product header.
            throw new InvalidOperationException($"Elasticsearch at {Cluster} cannot be used: {ServerVersionCheck.RefusedProduct(refused.Message).Message}", refused);
        }
        EnsureValid(info, "read the server version from");
        var check = ServerVersionCheck.Evaluate(info.Version?.Number, info.Version?.BuildFlavor);
        if (!check.IsSupported) throw new InvalidOperationException($"Elasticsearch at {Cluster} cannot be used: {check.Message}");
        logger.LogInformation("Elasticsearch {Version} at {Cluster}: {Check}", info.Version?.Number, Cluster, check.Message);
    }

    private async Task<IReadOnlyCollection<string>> AliasedIndicesAsync(CancellationToken cancellationToken)
    {
        var response = await client.Indices.GetAliasAsync(new GetAliasRequest((Elastic.Clients.Elasticsearch.Names)Alias), cancellationToken);
        // 404 "alias [..] missing" is the normal answer before the first start.
        if (response.ApiCallDetails.HttpStatusCode == 404 && response.ElasticsearchServerError?.Error?.Type is null or not IndexNotFound)
            return [];
        EnsureValid(response, "read the alias from");
        return [.. response.Aliases?.Keys ?? []];
    }

    private async Task EnsureAliasAsync(CancellationToken cancellationToken)
    {
        var current = await AliasedIndicesAsync(cancellationToken);
        if (current.SequenceEqual([IndexName])) return;

        if (current.Count == 0)
        {
            // First start: index and alias in one call. Another instance may win the race; then its index is ours too.
            var created = await client.Indices.CreateAsync(schema.ToCreateIndexRequest(IndexName, Alias), cancellationToken);
            if (!created.IsValidResponse && !AlreadyExists(created)) throw Unavailable(created, "create the index in");
            if (created.IsValidResponse) logger.LogInformation("Created index {Index} behind alias {Alias}", IndexName, Alias);
            var now = await AliasedIndicesAsync(cancellationToken);
            if (!now.Contains(IndexName))
                EnsureValid(await client.Indices.UpdateAliasesAsync(Swap(now), cancellationToken), "point the alias in");
            return;
        }

        // The schema changed: copy everything into an index with the new mapping, then move readers and writers in one step.
        logger.LogWarning("Alias {Alias} points at {Old}; the schema needs {New}: reindexing", Alias, string.Join(",", current), IndexName);
        var next = await client.Indices.CreateAsync(schema.ToCreateIndexRequest(IndexName), cancellationToken);
        if (!next.IsValidResponse && !AlreadyExists(next)) throw Unavailable(next, "create the index in");
        var copied = await client.ReindexAsync(new ReindexRequest
        {
            Source = new Elastic.Clients.Elasticsearch.Core.Reindex.Source { Indices = Alias },
            // external: the copies keep their versions, so the acceptance-time ordering survives the schema change.
            Dest = new Elastic.Clients.Elasticsearch.Core.Reindex.Destination { Index = IndexName, VersionType = VersionType.External },
            Refresh = true,
        }, cancellationToken);
        EnsureValid(copied, "reindex in");
        // A reindex that timed out or failed on some documents answers 200; the alias must not move onto a partial copy.
        if (copied.TimedOut == true || copied.Failures?.Count > 0)
            throw new SearchIndexUnavailableException(
                $"Reindexing alias {Alias} into {IndexName} at {Cluster} was incomplete (timed out: {copied.TimedOut}, failures: {copied.Failures?.Count ?? 0}); the alias still points at {string.Join(",", current)}. {copied.DebugInformation}");
        EnsureValid(await client.Indices.UpdateAliasesAsync(Swap(current), cancellationToken), "swap the alias in");
        logger.LogWarning("Reindexed {Count} documents into {New} and moved alias {Alias}; delete {Old} once nothing reads it",
            (copied.Created ?? 0) + (copied.Updated ?? 0), IndexName, Alias, string.Join(",", current));
    }

    /// <summary>Removes the alias from <paramref name="from"/> and adds it to the current index, atomically.</summary>
    private UpdateAliasesRequest Swap(IEnumerable<string> from) => new()
    {
        Actions =
        [
            .. from.Select(index => new IndexUpdateAliasesAction { Remove = new RemoveAction { Index = index, Alias = Alias } }),
            new IndexUpdateAliasesAction { Add = new AddAction { Index = IndexName, Alias = Alias } },
        ],
    };

    /// <summary>
    /// Sends the documents, resending 429-rejected items with a doubling delay; returns the items refused for good.
    /// Not the client's BulkAll helper: it runs its own observable pipeline and reports refused items through exceptions,
    /// whereas a consumer batch needs the refused items, with their reasons, as its answer.
    /// </summary>
    private async Task<List<RejectedDocument>> BulkIndexAsync(IReadOnlyList<ElasticsearchDocument> documents, CancellationToken cancellationToken)
    {
        var pending = documents;
        var rejected = new List<RejectedDocument>();
        var delay = TimeSpan.FromMilliseconds(options.RejectedItemRetryDelayMilliseconds);
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.BulkAsync(BulkRequestFor(pending), cancellationToken);
            // errors: true makes the response invalid; the items then say which failed. Without items the call itself failed.
            if (response.Items is null || response.Items.Count != pending.Count) throw Unavailable(response, "index a batch in");
            var items = response.Items.Zip(pending).ToList();
            if (items.Any(item => item.First.Error?.Type == IndexNotFound)) throw AliasGone(response, "index a batch in");
            // A version conflict means the cluster holds a newer version of the id (or its tombstone): this one is superseded.
            var superseded = items.Where(item => IsSuperseded(item.First)).ToList();
            if (superseded.Count > 0)
                logger.LogDebug("{Count} bulk items were older than the stored versions and were dropped (first: {Id})", superseded.Count, superseded[0].Second.Id);
            rejected.AddRange(items
                .Where(item => !item.First.IsValid && item.First.Status != TooManyRequests && !IsSuperseded(item.First))
                .Select(item => new RejectedDocument(item.Second.Id, Reason(item.First))));
            var overloaded = items.Where(item => item.First.Status == TooManyRequests).ToList();
            if (overloaded.Count == 0) return rejected;
            if (attempt == options.RejectedItemRetries)
                throw new SearchIndexUnavailableException(
                    $"Elasticsearch at {Cluster} still rejected {overloaded.Count} of the batch's documents after {attempt + 1} attempts (429, cluster overloaded): {Reason(overloaded[0].First)}");
            logger.LogWarning("Elasticsearch rejected {Count} bulk items (429); sending them again in {Delay}", overloaded.Count, delay);
            await Task.Delay(delay, cancellationToken);
            delay *= 2;
            pending = [.. overloaded.Select(item => item.Second)];
        }
    }

    private BulkRequest BulkRequestFor(IEnumerable<ElasticsearchDocument> documents) => new()
    {
        // external_gte: a write at the stored version (a redelivery, a story merge's rewrite) passes; an older one conflicts.
        Operations = [.. documents.Select(d => new BulkIndexOperation<ElasticsearchDocument>(d, Alias) { Id = d.Id, Version = d.Version, VersionType = VersionType.ExternalGte })],
        Refresh = options.Refresh == IndexRefresh.WaitFor ? Refresh.WaitFor : Refresh.False,
        // A missing alias must fail the item, not auto-create an index with a dynamic mapping.
        RequireAlias = true,
    };

    private static bool IsSuperseded(ResponseItem item) => item.Error?.Type == VersionConflict;

    private static string Reason(ResponseItem item) =>
        item.Error is { } error ? $"{error.Type}: {error.Reason}" : $"HTTP {item.Status}";

    private static bool AlreadyExists(ElasticsearchResponse response) =>
        response.ElasticsearchServerError?.Error?.Type == "resource_already_exists_exception";

    private void EnsureValid(ElasticsearchResponse response, string action)
    {
        if (response.IsValidResponse) return;
        if (response.ElasticsearchServerError?.Error?.Type == IndexNotFound) throw AliasGone(response, action);
        throw Unavailable(response, action);
    }

    /// <summary>The index was deleted under us: the next call (a message retry) creates it again.</summary>
    private SearchIndexUnavailableException AliasGone(ElasticsearchResponse response, string action)
    {
        initialized = false;
        return Unavailable(response, action);
    }

    private SearchIndexUnavailableException Unavailable(ElasticsearchResponse response, string action)
    {
        var reason = response.ElasticsearchServerError is { } error
            ? $"HTTP {error.Status} {error.Error?.Type}: {error.Error?.Reason}"
            : response.TryGetOriginalException(out var exception) && exception is not null ? exception.Message : $"HTTP {response.ApiCallDetails.HttpStatusCode}";
        return new($"Could not {action} Elasticsearch at {Cluster} (alias {Alias}): {reason}. {response.DebugInformation}");
    }
}
