using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using Directory = Lucene.Net.Store.Directory;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// The embedded backend: one on-disk Lucene index, one writer, near-real-time searchers.
/// Every batch is committed before it is acknowledged, so an acknowledged document survives a crash.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private readonly Directory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly IIndexedNames indexedNames;
    private readonly System.Threading.Lock writeLock = new();

    public LuceneSearchIndex(IOptions<IndexOptions> options, IIndexedNames indexedNames, ILogger<LuceneSearchIndex> logger)
    {
        this.indexedNames = indexedNames;
        var path = Path.GetFullPath(options.Value.Path);
        System.IO.Directory.CreateDirectory(path);
        directory = FSDirectory.Open(path);
        writer = new IndexWriter(directory, new IndexWriterConfig(LuceneAnalyzers.Version, LuceneAnalyzers.PerField())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        });
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        logger.LogInformation("Lucene index at {Path} holds {Count} documents", path, writer.NumDocs);
    }

    public Task IndexAsync(IReadOnlyList<DocumentNormalized> documents, CancellationToken cancellationToken)
    {
        lock (writeLock)
        {
            foreach (var document in documents)
            {
                // The same content under another id (re-sent with different whitespace or boilerplate) is one document: the newest wins.
                if (document.Fingerprint.Length > 0)
                {
                    var sameContent = new BooleanQuery
                    {
                        { new TermQuery(new Term(IndexFields.Fingerprint, document.Fingerprint)), Occur.MUST },
                        { new TermQuery(new Term(IndexFields.Id, document.DocumentId)), Occur.MUST_NOT },
                    };
                    writer.DeleteDocuments(sameContent);
                }
                writer.UpdateDocument(new Term(IndexFields.Id, document.DocumentId), ToLucene(document));
            }
            writer.Commit();
        }
        searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task<IndexSearchResult> SearchAsync(QueryPlan plan, CancellationToken cancellationToken)
    {
        var searcher = searchers.Acquire();
        try
        {
            var top = searcher.Search(LuceneQueryBuilder.Build(plan), LuceneQueryBuilder.BuildFilter(plan), Math.Max(1, plan.Offset + plan.Limit));
            var hits = top.ScoreDocs
                .Skip(plan.Offset)
                .Select(hit => new IndexHit(ReadSource(searcher.Doc(hit.Doc)), hit.Score))
                .ToList();
            return Task.FromResult(new IndexSearchResult(top.TotalHits, hits));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<DocumentNormalized?> GetAsync(string documentId, CancellationToken cancellationToken)
    {
        var searcher = searchers.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(IndexFields.Id, documentId)), 1);
            return Task.FromResult(top.TotalHits == 0 ? null : ReadSource(searcher.Doc(top.ScoreDocs[0].Doc)));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
    }

    private LuceneDocument ToLucene(DocumentNormalized document)
    {
        var doc = new LuceneDocument
        {
            new StringField(IndexFields.Id, document.DocumentId, Field.Store.NO),
            new StringField(IndexFields.Language, document.Language, Field.Store.NO),
            // A document with no known origin counts as original in its own language.
            new StringField(IndexFields.OriginLanguage, document.OriginLanguage ?? document.Language, Field.Store.NO),
            new StringField(IndexFields.Fingerprint, document.Fingerprint, Field.Store.NO),
            new StoredField(IndexFields.Source, JsonSerializer.Serialize(document, JsonSerializerOptions.Web)),
        };
        if (document.Outlet is { Length: > 0 } outlet) doc.Add(new StringField(IndexFields.Outlet, outlet, Field.Store.NO));
        foreach (var cited in document.CitedSources) doc.Add(new StringField(IndexFields.CitedSources, cited, Field.Store.NO));
        foreach (var suffix in IndexFields.SuffixesFor(document.Language))
        {
            doc.Add(new global::Lucene.Net.Documents.TextField($"title_{suffix}", document.Title, Field.Store.NO));
            doc.Add(new global::Lucene.Net.Documents.TextField($"body_{suffix}", document.Text, Field.Store.NO));
        }
        foreach (var headline in document.RelatedHeadlines)
            doc.Add(new global::Lucene.Net.Documents.TextField(IndexFields.Related, headline, Field.Store.NO));
        AddNames(doc, IndexFields.Names, IndexFields.NameKeys, document.PersonNames);
        AddNames(doc, IndexFields.RelatedNames, IndexFields.RelatedNameKeys, document.RelatedPersonNames);
        return doc;
    }

    private void AddNames(LuceneDocument doc, string namesField, string keysField, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            doc.Add(new global::Lucene.Net.Documents.TextField(namesField, name, Field.Store.NO));
            foreach (var key in indexedNames.Register(name))
                doc.Add(new StringField(keysField, key, Field.Store.NO));
        }
    }

    private static DocumentNormalized ReadSource(LuceneDocument stored) =>
        JsonSerializer.Deserialize<DocumentNormalized>(stored.Get(IndexFields.Source), JsonSerializerOptions.Web)
        ?? throw new InvalidDataException("A stored document has no source.");
}
