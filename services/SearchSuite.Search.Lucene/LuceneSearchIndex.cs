using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using SearchSuite.Search.Stories;
using SearchSuite.Hosting;
using Directory = Lucene.Net.Store.Directory;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// The embedded backend: one on-disk Lucene index, one writer, near-real-time searchers.
/// Every batch is committed before <see cref="IndexAsync"/> returns (and the consumer acknowledges it), so an
/// acknowledged document survives a crash. Commits are grouped: batches written while a commit runs share the next one,
/// because each commit flushes a segment and costs as much as indexing hundreds of documents.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private readonly FolderLock? folderLock;
    private readonly Directory directory;
    /// <summary>Null on a read-only replica (Index:ReadOnly), which searches the commits of another process's writer.</summary>
    private readonly IndexWriter? writer;
    private readonly SearcherManager searchers;
    /// <summary>
    /// Batches are written concurrently (shared), since IndexWriter analyses documents on every calling thread; a commit
    /// takes it exclusively for a moment to learn which batches are complete.
    /// </summary>
    private readonly ReaderWriterLockSlim writeGate = new();
    private readonly SemaphoreSlim commitGate = new(1, 1);
    private readonly int storyPostingsInMemoryMaxDocuments;
    /// <summary>Batches written completely so far (numbered as they complete) and batches known durable (under <see cref="commitGate"/>).</summary>
    private long writtenBatches;
    private long committedBatches;
    /// <summary>Set once a tombstone is written (or found at open); from then on every batch is ordered against the index.</summary>
    private volatile bool holdsTombstones;

    public LuceneSearchIndex(IOptions<IndexOptions> options, ILogger<LuceneSearchIndex> logger)
    {
        storyPostingsInMemoryMaxDocuments = options.Value.StoryPostingsInMemoryMaxDocuments;
        var path = Path.GetFullPath(options.Value.Path);
        if (options.Value.ReadOnly)
        {
            directory = OpenDirectory(path, options.Value.FileAccess);
            if (!DirectoryReader.IndexExists(directory))
            {
                directory.Dispose();
                throw new InvalidOperationException($"Index:ReadOnly: there is no Lucene index at {path} yet; start the search process that writes it first.");
            }
            searchers = new SearcherManager(directory, searcherFactory: null);
            logger.LogInformation("Lucene index at {Path} opened read-only (a replica of the process that writes it)", path);
            return;
        }
        // Before Lucene opens anything: a second writer would corrupt the index.
        folderLock = FolderLock.Acquire(path, "the Lucene index");
        directory = OpenDirectory(path, options.Value.FileAccess);
        writer = new IndexWriter(directory, new IndexWriterConfig(LuceneAnalyzers.Version, LuceneAnalyzers.PerField())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        });
        // A new index is committed empty at once, so read-only replicas can open it before the first document.
        if (!DirectoryReader.IndexExists(directory)) writer.Commit();
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        holdsTombstones = HoldsTombstones();
        logger.LogInformation("Lucene index at {Path} holds {Count} documents", path, writer.NumDocs);
    }

    /// <summary>False on a read-only replica, which neither writes nor merges.</summary>
    public bool IsWriter => writer is not null;

    /// <summary>Batches written so far: unchanged between two looks means no write came in between.</summary>
    public long BatchesWritten => Interlocked.Read(ref writtenBatches);

    /// <summary>Segments the current searcher reads; each query looks every term up in each of them.</summary>
    public int SegmentCount
    {
        get
        {
            var searcher = AcquireSearcher();
            try
            {
                return searcher.IndexReader.Leaves.Count;
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
    }

    /// <summary>
    /// Merges the index down to at most <paramref name="maxSegments"/> segments, then commits and reopens the searchers.
    /// Writes go on meanwhile (into new segments); blocks the calling thread until the merge is done.
    /// </summary>
    public void MergeSegments(int maxSegments)
    {
        Writer.ForceMerge(maxSegments, doWait: true);
        commitGate.Wait();
        try
        {
            // Commits what the merge wrote (a restart opens merged segments too); batches in between stay committed by their own calls.
            Writer.Commit();
            searchers.MaybeRefreshBlocking();
        }
        finally
        {
            commitGate.Release();
        }
    }

    private IndexWriter Writer => writer ?? throw new InvalidOperationException("This search replica is read-only (Index:ReadOnly); the process that writes the index indexes documents.");

    /// <summary>
    /// The current searcher; a read-only replica first looks for the writer's latest commit (a file check when there is
    /// none), so it answers like the writer as soon as a batch is committed.
    /// </summary>
    private IndexSearcher AcquireSearcher()
    {
        if (writer is null) searchers.MaybeRefresh();
        return searchers.Acquire();
    }

    public async Task IndexAsync(IReadOnlyList<IndexedDocument> documents, CancellationToken cancellationToken)
    {
        long batch;
        // Once deletes are in play, a version must be compared with what every earlier batch wrote, committed or not: such
        // batches write alone, against a searcher refreshed to include them. Otherwise batches write side by side.
        var ordered = holdsTombstones || documents.Any(d => d.Deleted);
        if (!ordered)
        {
            writeGate.EnterReadLock();
            // A delete may have been written while this batch waited for the gate.
            if (holdsTombstones)
            {
                writeGate.ExitReadLock();
                ordered = true;
            }
        }
        if (ordered) writeGate.EnterWriteLock();
        try
        {
            if (ordered)
            {
                searchers.MaybeRefreshBlocking();
                documents = WithoutSuperseded(documents);
                if (documents.Any(d => d.Deleted)) holdsTombstones = true;
            }
            // Replaced by id only: a near-duplicate under another id is a version of its own (marked DuplicateOf by story
            // assignment), retrievable by its id and collapsed in results.
            foreach (var document in documents)
                Writer.UpdateDocument(new Term(IndexFields.Id, document.DocumentId),
                    document.Deleted ? ToTombstone(document.Document) : ToLucene(document));
            batch = Interlocked.Increment(ref writtenBatches);
        }
        finally
        {
            if (ordered) writeGate.ExitWriteLock();
            else writeGate.ExitReadLock();
        }
        await CommitThroughAsync(batch, cancellationToken);
    }

    private bool HoldsTombstones()
    {
        var searcher = searchers.Acquire();
        try
        {
            return searcher.IndexReader.DocFreq(TombstoneTerm) > 0;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The documents that are newer than what the index holds under their id (asked only while deletes are in play). A delete that arrived first (its tombstone is newer) wins over the document it
    /// deleted; a later re-ingest wins over the tombstone; a delete older than the indexed version is void.
    /// </summary>
    private IReadOnlyList<IndexedDocument> WithoutSuperseded(IReadOnlyList<IndexedDocument> documents)
    {
        var searcher = searchers.Acquire();
        try
        {
            return [.. documents.Where(document =>
            {
                var top = searcher.Search(new TermQuery(new Term(IndexFields.Id, document.DocumentId)), 1);
                return top.TotalHits == 0 || ReadSource(searcher.Doc(top.ScoreDocs[0].Doc)).SubmittedAt <= document.Document.SubmittedAt;
            })];
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private static readonly Term TombstoneTerm = new(TombstoneField, "true");
    private const string TombstoneField = "_tombstone";

    /// <summary>Only the id, the marker and the source (with SubmittedAt): no field a search, story or facet reads.</summary>
    private static LuceneDocument ToTombstone(DocumentNormalized tombstone) =>
    [
        new StringField(IndexFields.Id, tombstone.DocumentId, Field.Store.NO),
        new StringField(TombstoneField, "true", Field.Store.NO),
        new StoredField(IndexFields.Source, StoredDocument.Write(tombstone)),
    ];

    /// <summary>
    /// Returns once batch number <paramref name="batch"/> is committed and searchable. One commit covers every batch
    /// written before it starts, so batches that arrive while a commit runs wait for the next one together.
    /// </summary>
    private async Task CommitThroughAsync(long batch, CancellationToken cancellationToken)
    {
        await commitGate.WaitAsync(cancellationToken);
        try
        {
            if (committedBatches >= batch) return;
            // With no batch half written, every batch numbered so far is complete, and this commit will hold all of them.
            long covered;
            writeGate.EnterWriteLock();
            try
            {
                covered = Interlocked.Read(ref writtenBatches);
            }
            finally
            {
                writeGate.ExitWriteLock();
            }
            Writer.Commit();
            // After the commit there is nothing left to flush, so reopening the searchers is cheap.
            searchers.MaybeRefreshBlocking();
            committedBatches = covered;
        }
        finally
        {
            commitGate.Release();
        }
    }

    public Task<IReadOnlyCollection<string>> ReadNameFormsAsync(CancellationToken cancellationToken)
    {
        var searcher = AcquireSearcher();
        try
        {
            return Task.FromResult(IndexedNameForms.Read(searcher));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<IndexSearchResult> SearchAsync(QueryPlan plan, CancellationToken cancellationToken)
    {
        var searcher = AcquireSearcher();
        try
        {
            Query query;
            using (var terms = new SegmentTermLookup(searcher))
                query = LuceneQueryBuilder.Build(plan, terms);
            var filter = LuceneQueryBuilder.BuildFilter(plan);
            var facets = plan.Refinements.FacetFields.Count > 0 ? new FacetCountingCollector(plan.Refinements.FacetFields) : null;
            var result = plan.GroupByStory ? SearchStories(searcher, query, filter, plan, facets) : SearchDocuments(searcher, query, filter, plan, facets);
            return Task.FromResult(facets is null ? result : result with { Facets = facets.Results(plan.Refinements.FacetSize) });
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private IndexSearchResult SearchDocuments(IndexSearcher searcher, Query query, Filter? filter, QueryPlan plan, FacetCountingCollector? facets)
    {
        var wanted = Math.Max(1, plan.Offset + plan.Limit);
        ITopDocsCollector top = LuceneQueryBuilder.BuildSort(plan.Refinements.Order) is { } sort
            ? TopFieldCollector.Create(sort, wanted, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)
            : TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
        searcher.Search(query, filter, facets is null ? top : MultiCollector.Wrap(top, facets));
        var docs = top.GetTopDocs();
        var hits = docs.ScoreDocs
            .Skip(plan.Offset)
            .Select(hit => new IndexHit(ReadSource(searcher.Doc(hit.Doc)), hit.Score))
            .ToList();
        return new IndexSearchResult(docs.TotalHits, hits);
    }

    /// <summary>One hit per story (its best match, or its newest or oldest under a date order), paged over stories, each with the story's other versions.</summary>
    private IndexSearchResult SearchStories(IndexSearcher searcher, Query query, Filter? filter, QueryPlan plan, FacetCountingCollector? facets)
    {
        var collector = new StoryCollapsingCollector(IndexFields.StoryId, plan.Refinements.Order);
        searcher.Search(query, filter, facets is null ? collector : MultiCollector.Wrap(collector, facets));
        var groups = collector.Groups();
        var hits = groups
            .Skip(plan.Offset)
            .Take(plan.Limit)
            .Select(group =>
            {
                var best = ReadSource(searcher.Doc(group.Doc));
                var versions = StoryVersions(searcher, group.StoryId, QueryPlan.MaxVersions + 1, summariesOnly: true)
                    .Where(v => v.DocumentId != best.DocumentId)
                    .Take(QueryPlan.MaxVersions)
                    .ToList();
                return new IndexHit(best, group.Score, versions);
            })
            .ToList();
        return new IndexSearchResult(collector.TotalHits, hits, groups.Count);
    }

    public Task<IReadOnlyList<IReadOnlyList<StoryCandidate>>> FindStoryCandidatesAsync(IReadOnlyList<StoryCandidateQuery> queries, CancellationToken cancellationToken)
    {
        var searcher = AcquireSearcher();
        try
        {
            return Task.FromResult(StoryCandidateLookup.Find(searcher.IndexReader, queries, StoryCardField, ReadCard, storyPostingsInMemoryMaxDocuments));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<IReadOnlyList<DocumentNormalized>> GetStoryAsync(string storyId, int limit, CancellationToken cancellationToken)
    {
        var searcher = AcquireSearcher();
        try
        {
            return Task.FromResult(StoryVersions(searcher, storyId, limit));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// A story's versions, oldest first (then by id), so every caller lists them in the same order. With
    /// <paramref name="summariesOnly"/> each is read from its binary doc value summary (what a grouped hit lists: id,
    /// language, origin, outlet, title, duplicate) rather than its whole source: a page of stories lists up to 51
    /// versions each, and decompressing and parsing every version's source made grouped search several times the cost
    /// of ungrouped. Segments written before the summary existed have none; those versions are read from the source.
    /// </summary>
    private static IReadOnlyList<DocumentNormalized> StoryVersions(IndexSearcher searcher, string storyId, int limit, bool summariesOnly = false)
    {
        var top = searcher.Search(new TermQuery(new Term(IndexFields.StoryId, storyId)), Math.Max(1, limit));
        var leaves = searcher.IndexReader.Leaves;
        var scratch = new BytesRef();
        DocumentNormalized Read(int doc)
        {
            if (!summariesOnly) return ReadSource(searcher.Doc(doc));
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            scratch.Length = 0;
            leaf.AtomicReader.GetBinaryDocValues(StoryVersionField)?.Get(doc - leaf.DocBase, scratch);
            return scratch.Length > 0 ? ReadVersionSummary(scratch) : ReadSource(searcher.Doc(doc));
        }
        return [.. top.ScoreDocs
            .Select(hit => Read(hit.Doc))
            .OrderBy(d => d.SubmittedAt)
            .ThenBy(d => d.DocumentId, StringComparer.Ordinal)];
    }

    public Task<DocumentNormalized?> GetAsync(string documentId, CancellationToken cancellationToken)
    {
        var searcher = AcquireSearcher();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(IndexFields.Id, documentId)), 1);
            var stored = top.TotalHits == 0 ? null : ReadSource(searcher.Doc(top.ScoreDocs[0].Doc));
            // A tombstone is a deleted document: not found.
            return Task.FromResult(stored is { Deleted: true } ? null : stored);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        commitGate.Dispose();
        writeGate.Dispose();
        searchers.Dispose();
        // A running idle merge is aborted rather than waited for; what it merged is rewritten by the next one.
        writer?.Dispose(waitForMerges: false);
        directory.Dispose();
        folderLock?.Dispose();
    }

    /// <summary>
    /// The index folder. Buffered: every file read with positional file reads, so the OS page cache, not this process,
    /// holds the index. Memory-mapped: terms and postings are mapped, but the stored fields (each hit's source) are still
    /// read with positional reads: Lucene.NET reads a memory map one byte at a time, each read taking a reference on the
    /// mapping's handle, which made decompressing the hits' sources a fifth of a query's CPU.
    /// </summary>
    private static Directory OpenDirectory(string path, IndexFileAccess access) => access == IndexFileAccess.Buffered
        ? new PositionalReadDirectory(path)
        : new FileSwitchDirectory(StoredFieldsExtensions, new PositionalReadDirectory(path), new MMapDirectory(path), doClose: true);

    /// <summary>The stored-fields data and index files of a segment that is not a compound file.</summary>
    private static readonly ISet<string> StoredFieldsExtensions = new HashSet<string>(StringComparer.Ordinal) { "fdt", "fdx" };

    private static LuceneDocument ToLucene(IndexedDocument indexed)
    {
        var document = indexed.Document;
        var doc = new LuceneDocument
        {
            new StringField(IndexFields.Id, document.DocumentId, Field.Store.NO),
            // Doc values: the tie-break of date orders, and the facets' counts.
            new SortedDocValuesField(IndexFields.Id, new BytesRef(document.DocumentId)),
            new StringField(IndexFields.Language, document.Language, Field.Store.NO),
            new SortedDocValuesField(IndexFields.Language, new BytesRef(document.Language)),
            new StringField(IndexFields.OriginLanguage, indexed.OriginOrOwnLanguage, Field.Store.NO),
            new SortedDocValuesField(IndexFields.OriginLanguage, new BytesRef(indexed.OriginOrOwnLanguage)),
            new StringField(IndexFields.Fingerprint, document.Fingerprint, Field.Store.NO),
            new StoredField(IndexFields.Source, StoredDocument.Write(document)),
            new StringField(IndexFields.StoryId, document.StoryId, Field.Store.NO),
            new SortedDocValuesField(IndexFields.StoryId, new BytesRef(document.StoryId)),
        };
        foreach (var term in indexed.StoryEvidence.Terms) doc.Add(new StringField(IndexFields.StoryEvidence, term, Field.Store.NO));
        if (document.DuplicateOf is not null) doc.Add(new StringField(IndexFields.Duplicate, "true", Field.Store.NO));
        doc.Add(new BinaryDocValuesField(StoryCardField, new BytesRef(StoryCardCodec.Write(indexed.Candidate))));
        doc.Add(new BinaryDocValuesField(StoryVersionField, new BytesRef(JsonSerializer.SerializeToUtf8Bytes(VersionSummary.Of(document), JsonSerializerOptions.Web))));
        if (document.Outlet is { Length: > 0 } outlet && indexed.OutletKey is { } outletKey)
        {
            doc.Add(new StringField(IndexFields.Outlet, outlet, Field.Store.NO));
            doc.Add(new SortedDocValuesField(IndexFields.Outlet, new BytesRef(outlet)));
            doc.Add(new StringField(IndexFields.OutletKey, outletKey, Field.Store.NO));
        }
        if (document.PublishedAt is { } published)
        {
            // Indexed for the date filters, doc values for the date orders and the month facet.
            doc.Add(new Int64Field(IndexFields.PublishedAt, published.ToUnixTimeMilliseconds(), Field.Store.NO));
            doc.Add(new NumericDocValuesField(IndexFields.PublishedAt, published.ToUnixTimeMilliseconds()));
        }
        foreach (var cited in document.CitedSources) doc.Add(new StringField(IndexFields.CitedSources, cited, Field.Store.NO));
        foreach (var suffix in IndexFields.SuffixesFor(document.Language))
        {
            doc.Add(new global::Lucene.Net.Documents.TextField($"title_{suffix}", document.Title, Field.Store.NO));
            doc.Add(new global::Lucene.Net.Documents.TextField($"body_{suffix}", document.Text, Field.Store.NO));
        }
        foreach (var headline in document.RelatedHeadlines)
            doc.Add(new global::Lucene.Net.Documents.TextField(IndexFields.Related, headline, Field.Store.NO));
        AddAll(doc, IndexFields.Names, document.PersonNames, text: true);
        AddAll(doc, IndexFields.RelatedNames, document.RelatedPersonNames, text: true);
        AddAll(doc, IndexFields.NameForms, indexed.NameForms);
        AddAll(doc, IndexFields.NameKeys, indexed.NameKeys);
        AddAll(doc, IndexFields.RelatedNameKeys, indexed.RelatedNameKeys);
        return doc;
    }

    /// <param name="text">Analysed (a name's words), rather than one exact term each (keys and forms).</param>
    private static void AddAll(LuceneDocument doc, string field, IEnumerable<string> values, bool text = false)
    {
        foreach (var value in values)
            doc.Add(text ? new global::Lucene.Net.Documents.TextField(field, value, Field.Store.NO) : new StringField(field, value, Field.Store.NO));
    }

    /// <summary>
    /// What story assignment reads of a candidate (<see cref="StoryCandidate"/>), as a binary doc value: a lookup reads
    /// it without decompressing the stored block of the whole source.
    /// </summary>
    private const string StoryCardField = "_story_card";

    private static StoryCandidate ReadCard(BytesRef card) => StoryCardCodec.Read(card.Bytes.AsSpan(card.Offset, card.Length));

    /// <summary>What a grouped hit lists of each version of its story, as a binary doc value (<see cref="StoryVersions"/>).</summary>
    private const string StoryVersionField = "_story_version";

    private sealed record VersionSummary(string DocumentId, string Language, string? OriginLanguage, string? Outlet, string Title, string? DuplicateOf, string StoryId, DateTimeOffset SubmittedAt)
    {
        public static VersionSummary Of(DocumentNormalized document) =>
            new(document.DocumentId, document.Language, document.OriginLanguage, document.Outlet, document.Title, document.DuplicateOf, document.StoryId, document.SubmittedAt);

        /// <summary>A document holding only the summary's fields (no text): what <c>SearchHit.versions</c> shows of it.</summary>
        public DocumentNormalized ToDocument() => new()
        {
            DocumentId = DocumentId, Language = Language, OriginLanguage = OriginLanguage, Outlet = Outlet, Title = Title,
            DuplicateOf = DuplicateOf, StoryId = StoryId, SubmittedAt = SubmittedAt, Text = "",
        };
    }

    private static DocumentNormalized ReadVersionSummary(BytesRef summary) =>
        (JsonSerializer.Deserialize<VersionSummary>(summary.Bytes.AsSpan(summary.Offset, summary.Length), JsonSerializerOptions.Web)
         ?? throw new InvalidDataException("An indexed document has an empty version summary.")).ToDocument();

    private static DocumentNormalized ReadSource(LuceneDocument stored) =>
        StoredDocument.Read(stored.Get(IndexFields.Source) ?? throw new InvalidDataException("A stored document has no source."));
}
