using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchSuite.Search;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Lucene;

namespace SearchSuite.Services.Tests.Search;

/// <summary>The backend behaviour suite on the embedded Lucene index, in a temporary folder.</summary>
public sealed class LuceneSearchIndexTests : SearchIndexBehaviour
{
    private readonly string path = Directory.CreateTempSubdirectory("searchsuite-index-").FullName;
    private LuceneSearchIndex? index;

    protected override Task<ISearchIndex> CreateEmptyIndexAsync(IIndexedNames names)
    {
        index = new LuceneSearchIndex(Options.Create(new IndexOptions { Path = path }), names, NullLogger<LuceneSearchIndex>.Instance);
        return Task.FromResult<ISearchIndex>(index);
    }

    protected override Task DeleteIndexAsync()
    {
        index?.Dispose();
        Directory.Delete(path, recursive: true);
        return Task.CompletedTask;
    }
}
