using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchSuite.Search;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Lucene;
using SearchSuite.Search.Querying;

namespace SearchSuite.Services.Tests.Search;

public sealed class LuceneSearchIndexTests : IDisposable
{
    private readonly string path = Directory.CreateTempSubdirectory("searchsuite-index-").FullName;
    private readonly LuceneSearchIndex index;
    private readonly QueryPlanner planner = new(new NoNameExpansion());

    public LuceneSearchIndexTests()
    {
        index = new LuceneSearchIndex(Options.Create(new IndexOptions { Path = path }), new TextOnlyNames(), NullLogger<LuceneSearchIndex>.Instance);
    }

    public void Dispose()
    {
        index.Dispose();
        Directory.Delete(path, recursive: true);
    }

    private async Task<IReadOnlyList<string>> SearchIds(string query, string[]? languages = null, string[]? origins = null)
    {
        var result = await index.SearchAsync(planner.Plan(new SearchQuery(query, languages ?? [], origins ?? [], 0, 10, ExpandNames: false)), CancellationToken.None);
        return result.Hits.Select(h => h.Document.DocumentId).ToList();
    }

    [Fact]
    public async Task The_seed_queries_find_the_right_articles()
    {
        await index.IndexAsync(SeedDocuments.All, CancellationToken.None);

        Assert.Equal(["001"], await SearchIds("Peskow"));
        Assert.Equal(["000", "001", "003"], (await SearchIds("Putin Iran")).Order());
        Assert.Equal(["000", "001"], (await SearchIds("Atomprogramms")).Order());
    }

    [Fact]
    public async Task Language_and_origin_filters_narrow_the_hits()
    {
        await index.IndexAsync(SeedDocuments.All, CancellationToken.None);

        Assert.Equal(["003"], await SearchIds("Putin", languages: ["en"]));
        Assert.Equal(["001"], await SearchIds("Putin", origins: ["vi"]));
        Assert.Equal(["000", "001"], (await SearchIds("Putin", languages: ["de"])).Order());
    }

    [Fact]
    public async Task Indexing_the_same_document_again_replaces_it()
    {
        await index.IndexAsync(SeedDocuments.All, CancellationToken.None);
        await index.IndexAsync([SeedDocuments.All[1]], CancellationToken.None);

        var result = await index.SearchAsync(planner.Plan(new SearchQuery("Putin", [], [], 0, 10, false)), CancellationToken.None);
        Assert.Equal(3, result.TotalHits);
    }

    [Fact]
    public async Task The_same_content_under_another_id_is_one_document_and_the_newest_id_wins()
    {
        var original = SeedDocuments.All[1];
        await index.IndexAsync([original], CancellationToken.None);
        await index.IndexAsync([original with { DocumentId = "resent" }], CancellationToken.None);

        Assert.Equal(["resent"], await SearchIds("Peskow"));
        Assert.Null(await index.GetAsync(original.DocumentId, CancellationToken.None));
    }

    [Fact]
    public async Task Changed_content_under_the_same_id_replaces_the_old_version()
    {
        await index.IndexAsync([SeedDocuments.All[1]], CancellationToken.None);
        await index.IndexAsync([SeedDocuments.All[2] with { DocumentId = SeedDocuments.All[1].DocumentId }], CancellationToken.None);

        Assert.Empty(await SearchIds("Peskow"));
        Assert.Equal([SeedDocuments.All[1].DocumentId], await SearchIds("Peskov"));
    }

    [Fact]
    public async Task Concurrent_batches_are_all_committed_when_each_call_returns()
    {
        var batches = Enumerable.Range(0, 8)
            .Select(b => Enumerable.Range(0, 25).Select(i => SeedDocuments.Normalize($"doc-{b}-{i}", $"Bericht {b} {i}: Peskow sprach in Moskau über Atomprogramme, Nummer {b * 100 + i}.", "de")).ToList())
            .ToList();

        await Task.WhenAll(batches.Select(batch => Task.Run(() => index.IndexAsync(batch, CancellationToken.None))));

        // The last commit on disk, as a restart would find it, holds every acknowledged document.
        using var directory = global::Lucene.Net.Store.FSDirectory.Open(path);
        using var committed = global::Lucene.Net.Index.DirectoryReader.Open(directory);
        Assert.Equal(200, committed.NumDocs);
    }

    [Fact]
    public async Task A_document_is_not_found_until_it_is_indexed()
    {
        Assert.Null(await index.GetAsync("001", CancellationToken.None));
        await index.IndexAsync(SeedDocuments.All, CancellationToken.None);

        var stored = await index.GetAsync("001", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(SeedDocuments.All[1].Text, stored.Text);
    }

    [Fact]
    public async Task Vietnamese_matches_with_and_without_diacritics()
    {
        var vietnamese = SeedDocuments.Normalize("vi-1", "Tổng Bí thư Nguyễn Phú Trọng đã tiếp Tổng thống Nga Vladimir Putin tại Hà Nội.", language: "vi");
        await index.IndexAsync([vietnamese], CancellationToken.None);

        Assert.Equal(["vi-1"], await SearchIds("Nguyễn Phú Trọng"));
        Assert.Equal(["vi-1"], await SearchIds("Nguyen Phu Trong"));
        Assert.Equal(["vi-1"], await SearchIds("ha noi"));
    }

    [Fact]
    public async Task German_stemming_finds_inflected_forms()
    {
        await index.IndexAsync(SeedDocuments.All, CancellationToken.None);

        // Seed 000 has only "Atomprogramm" and "Kernprogramms"; the query's genitive must still find it.
        Assert.Contains("000", await SearchIds("Kernprogramm"));
        Assert.Contains("000", await SearchIds("Atomprogramms"));
    }

    [Fact]
    public async Task Paging_walks_through_all_hits_without_repeats()
    {
        await index.IndexAsync(SeedDocuments.All, CancellationToken.None);
        var seen = new List<string>();
        for (var offset = 0; offset < 3; offset++)
        {
            var page = await index.SearchAsync(planner.Plan(new SearchQuery("Putin", [], [], offset, 1, false)), CancellationToken.None);
            seen.Add(Assert.Single(page.Hits).Document.DocumentId);
        }
        Assert.Equal(3, seen.Distinct().Count());
    }
}
