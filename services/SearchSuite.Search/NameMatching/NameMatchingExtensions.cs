using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SearchSuite.Names;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using SearchSuite.Hosting;

namespace SearchSuite.Search.NameMatching;

public static class NameMatchingExtensions
{
    /// <summary>
    /// Cross-language name matching for every backend: the vocabulary read from the index keys names at index time, the variant
    /// store (curated list, configured lists, run-time edits) and the expander widen queries.
    /// </summary>
    public static IServiceCollection AddNameMatching(this IServiceCollection services)
    {
        services.AddValidatedOptions<NameMatchingOptions>(NameMatchingOptions.SectionName);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NameMatchingOptions>>().Value;
            var logger = sp.GetRequiredService<ILogger<NameVariantStore>>();
            var store = new NameVariantStore();
            foreach (var file in options.ListFiles)
            {
                using var reader = File.OpenText(file);
                logger.LogInformation("Loaded {Count} name variant groups from {File}", store.AddConfiguredList(NameVariantList.Read(reader)), file);
            }
            // The shared edits before the first search; NameStateRefresher and NameVariantsChanged keep them current.
            store.Apply(sp.GetRequiredService<INameVariantRepository>().ReadAsync(CancellationToken.None).GetAwaiter().GetResult());
            return store;
        });
        services.TryAddSingleton<INameVariantRepository>(sp => new FileNameVariantRepository(
            sp.GetRequiredService<IOptions<NameMatchingOptions>>().Value.VariantsPath(sp.GetRequiredService<IOptions<IndexOptions>>().Value)));
        services.AddSingleton<NameVariantState>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IndexedNameVocabulary>();
        services.AddSingleton<IIndexedNames>(sp => sp.GetRequiredService<IndexedNameVocabulary>());
        services.AddHostedService<NameStateRefresher>();
        services.AddSingleton(sp => new NameExpander(sp.GetRequiredService<NameVariantStore>(), sp.GetRequiredService<IndexedNameVocabulary>().Vocabulary));
        services.AddSingleton<INameExpansion, VocabularyNameExpansion>();
        return services;
    }

    /// <summary>The per-instance endpoint that hears of other replicas' variant edits.</summary>
    public static IBusRegistrationConfigurator AddNameStateConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<NameVariantsChangedConsumer, NameVariantsChangedConsumerDefinition>();
        return bus;
    }
}
