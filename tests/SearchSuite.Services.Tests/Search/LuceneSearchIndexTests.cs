using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchSuite.Search;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Lucene;
using SearchSuite.Search.Querying;

namespace SearchSuite.Services.Tests.Search;

/// <summary>The backend behaviour suite on the embedded Lucene index, in a temporary folder, plus Lucene's own durability.</summary>
public class LuceneSearchIndexTests : SearchIndexBehaviour
{
    protected virtual IndexFileAccess FileAccess => IndexFileAccess.MemoryMapped;

    protected virtual int StoryPostingsInMemoryMaxDocuments => new IndexOptions().StoryPostingsInMemoryMaxDocuments;

    private readonly string path = Directory.CreateTempSubdirectory("searchsuite-index-").FullName;
    private LuceneSearchIndex? index;

    protected override Task<ISearchIndex> CreateEmptyIndexAsync()
    {
        index = new LuceneSearchIndex(Options.Create(new IndexOptions { Path = path, FileAccess = FileAccess, StoryPostingsInMemoryMaxDocuments = StoryPostingsInMemoryMaxDocuments }), NullLogger<LuceneSearchIndex>.Instance);
        return Task.FromResult<ISearchIndex>(index);
    }

    protected override Task DeleteIndexAsync()
    {
        index?.Dispose();
        Directory.Delete(path, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Concurrent_batches_are_all_committed_when_each_call_returns()
    {
        var batches = Enumerable.Range(0, 8)
            .Select(b => Enumerable.Range(0, 25).Select(i => SeedDocuments.Normalize($"doc-{b}-{i}", $"Bericht {b} {i}: Peskow sprach in Moskau über Atomprogramme, Nummer {b * 100 + i}.", "de")).ToList())
            .ToList();

        await Task.WhenAll(batches.Select(batch => Task.Run(() => index!.IndexAsync(batch, TransliteratedNames.Instance, CancellationToken.None))));

        // The last commit on disk, as a restart would find it, holds every acknowledged document.
        using var directory = global::Lucene.Net.Store.FSDirectory.Open(path);
        using var committed = global::Lucene.Net.Index.DirectoryReader.Open(directory);
        Assert.Equal(200, committed.NumDocs);
    }

    [Fact]
    public async Task A_read_only_replica_on_the_same_folder_sees_each_commit_and_refuses_to_index()
    {
        var peskow = SeedDocuments.Normalize("peskow", "Kremlsprecher Dmitri Peskow sprach in Moskau.", "de") with { PersonNames = ["Dmitri Peskow"] };
        await index!.IndexAsync([peskow], TransliteratedNames.Instance, CancellationToken.None);
        using var replica = new LuceneSearchIndex(Options.Create(new IndexOptions { Path = path, FileAccess = FileAccess, ReadOnly = true }),
            NullLogger<LuceneSearchIndex>.Instance);

        Assert.NotNull(await replica.GetAsync("peskow", CancellationToken.None));
        await index!.IndexAsync([peskow with { DocumentId = "lawrow", PersonNames = ["Sergej Lawrow"] }], TransliteratedNames.Instance, CancellationToken.None);
        Assert.NotNull(await replica.GetAsync("lawrow", CancellationToken.None));
        Assert.Equal((await index!.ReadNameFormsAsync(CancellationToken.None)).Order(), (await replica.ReadNameFormsAsync(CancellationToken.None)).Order());
        await Assert.ThrowsAsync<InvalidOperationException>(() => replica.IndexAsync([peskow], TransliteratedNames.Instance, CancellationToken.None));
    }

    [Fact]
    public void A_read_only_replica_without_an_index_fails_naming_the_folder()
    {
        var empty = Directory.CreateTempSubdirectory("searchsuite-no-index-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => new LuceneSearchIndex(Options.Create(new IndexOptions { Path = empty, ReadOnly = true }),
                NullLogger<LuceneSearchIndex>.Instance));
            Assert.Contains(empty, error.Message);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task Facet_counts_over_several_segments_equal_brute_force_counts_of_the_matches()
    {
        var random = new Random(14);
        string[] languages = ["de", "en", "vi", "fr"];
        string[] outlets = ["Dan Tri", "Bloomberg", "Reuters", "Tuổi Trẻ", ""];
        var documents = Enumerable.Range(0, 300).Select(i => SeedDocuments.Normalize($"f-{i}",
                // Every third document lacks the query word, so the counts are over matches, not the index.
                $"{(i % 3 == 0 ? "Bericht" : "Peskow")} sprach über die Lage, Nummer {i}.", languages[random.Next(languages.Length)]) with
            {
                Outlet = outlets[random.Next(outlets.Length)] is { Length: > 0 } outlet ? outlet : null,
                OriginLanguage = random.Next(3) == 0 ? "vi" : null,
                PublishedAt = random.Next(4) == 0 ? null : new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(24 * 500)),
            }).ToList();
        // One commit per batch: several segments, each with its own ordinals.
        foreach (var batch in documents.Chunk(70)) await index!.IndexAsync(batch, TransliteratedNames.Instance, CancellationToken.None);
        var matches = documents.Where(d => d.Text.StartsWith("Peskow", StringComparison.Ordinal)).ToList();

        var plan = new QueryPlan([new("Peskow", true, [])], [], [], 0, 10)
        {
            Refinements = new(Facets: FacetFields.All, FacetSize: FacetFields.MaxSize),
        };
        var result = await index!.SearchAsync(plan, CancellationToken.None);

        static IEnumerable<KeyValuePair<string, long>> Count(IEnumerable<string?> values) =>
            values.OfType<string>().GroupBy(v => v).Select(g => KeyValuePair.Create(g.Key, (long)g.Count()));
        FacetCounts[] expected =
        [
            FacetCounts.Top(FacetField.Language, Count(matches.Select(d => d.Language)), FacetFields.MaxSize),
            FacetCounts.Top(FacetField.OriginLanguage, Count(matches.Select(d => d.OriginLanguage ?? d.Language)), FacetFields.MaxSize),
            FacetCounts.Top(FacetField.Outlet, Count(matches.Select(d => d.Outlet)), FacetFields.MaxSize),
            FacetCounts.Top(FacetField.PublishedMonth, Count(matches.Select(d => d.PublishedAt is { } p ? FacetFields.MonthOf(p) : null)), FacetFields.MaxSize),
        ];
        Assert.Equal(matches.Count, result.TotalHits);
        Assert.Equal(expected.Select(f => (f.Field, string.Join(",", f.Values))), result.Facets.Select(f => (f.Field, string.Join(",", f.Values))));
        Assert.True(expected[3].Values.Count > 12, "the dates span more than a year of months");
    }
}

/// <summary>The same suite with the index files read through buffers, as the all-in-one reads them.</summary>
public sealed class BufferedLuceneSearchIndexTests : LuceneSearchIndexTests
{
    protected override IndexFileAccess FileAccess => IndexFileAccess.Buffered;
}

/// <summary>The suite with every story candidate lookup seeking its terms in every segment (none held in memory): the same answers.</summary>
public sealed class SoughtStoryPostingsLuceneSearchIndexTests : LuceneSearchIndexTests
{
    protected override int StoryPostingsInMemoryMaxDocuments => 0;
}
