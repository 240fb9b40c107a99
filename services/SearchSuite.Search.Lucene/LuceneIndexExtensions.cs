using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.Lucene;

public static class LuceneIndexExtensions
{
    /// <summary>The embedded Lucene backend as the host's <see cref="ISearchIndex"/> (Index:Path, Index:FileAccess).</summary>
    public static IServiceCollection AddLuceneIndex(this IServiceCollection services)
    {
        services.AddSingleton<LuceneSearchIndex>();
        services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        return services;
    }
}
