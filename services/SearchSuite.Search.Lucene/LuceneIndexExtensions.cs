using Microsoft.Extensions.DependencyInjection.Extensions;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.Lucene;

public static class LuceneIndexExtensions
{
    /// <summary>The embedded Lucene backend as the host's <see cref="ISearchIndex"/> (Index:Path, Index:FileAccess), merged when idle (Index:IdleMergeAfterSeconds).</summary>
    public static IServiceCollection AddLuceneIndex(this IServiceCollection services)
    {
        services.AddSingleton<LuceneSearchIndex>();
        services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<IdleSegmentMerger>();
        return services;
    }
}
