using System.Collections.Concurrent;
using SearchSuite.Names;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.NameMatching;

/// <summary>
/// The name vocabulary that expansion searches, following the index (<see cref="ISearchIndex.ReadNameFormsAsync"/>):
/// <see cref="NameStateRefresher"/> adds the forms other replicas indexed and removes those no live document holds.
/// Names this instance indexes join at once, ahead of the next refresh, and are protected from removal by a read of
/// the index that may have started before their commit.
/// </summary>
public sealed class IndexedNameVocabulary : IIndexedNames
{
    private const int MaxCachedKeys = 100_000;
    private readonly BoundedMemo<string?> _keys = new(MaxCachedKeys);
    private readonly BoundedMemo<string[]> _registeredNames = new(MaxCachedKeys);
    /// <summary>Forms added here by indexing, with the read generation current when they were added.</summary>
    private readonly ConcurrentDictionary<string, long> _indexedHere = new(StringComparer.Ordinal);
    private long _generation;

    public NameVocabulary Vocabulary { get; } = new();

    /// <summary>Memoised: the same names recur across documents, and a name seen before has its tokens in the vocabulary already.</summary>
    public IReadOnlyList<string> Register(string personName) => _registeredNames.GetOrAdd(personName, RegisterNew);

    private string[] RegisterNew(string personName)
    {
        var tokens = IndexedNameToken.FromName(personName);
        foreach (var token in tokens)
        {
            if (Vocabulary.Add(token.Form)) _indexedHere[token.Form] = Interlocked.Read(ref _generation);
        }
        return [.. tokens.Select(t => t.Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Memoised: hit decoration asks for the key of every word of every shown passage, and words repeat.</summary>
    public string? KeyOf(string token) => _keys.GetOrAdd(token, t => NameKey.Compute(t) is { Length: > 0 } key ? key : null);

    /// <summary>Call before reading the index's forms; pass the result to <see cref="Synchronise"/>.</summary>
    public long BeginRead() => Interlocked.Increment(ref _generation);

    /// <summary>
    /// Makes the vocabulary the index's forms: adds the missing, removes the rest, except forms indexed here since the
    /// read before <paramref name="readGeneration"/> began (their commit may not have been visible to this read).
    /// </summary>
    public (int Added, int Removed) Synchronise(IReadOnlyCollection<string> indexedForms, long readGeneration)
    {
        var indexed = indexedForms as IReadOnlySet<string> ?? new HashSet<string>(indexedForms, StringComparer.Ordinal);
        var added = indexed.Count(Vocabulary.Add);
        var removed = 0;
        foreach (var form in Vocabulary.Forms().Where(f => !indexed.Contains(f)))
        {
            if (_indexedHere.TryGetValue(form, out var generation) && generation >= readGeneration - 1) continue;
            if (Vocabulary.Remove(form)) removed++;
        }
        foreach (var (form, generation) in _indexedHere)
        {
            if (generation < readGeneration - 1) _indexedHere.TryRemove(form, out _);
        }
        return (added, removed);
    }
}

/// <summary>
/// Reads the shared name state when the host starts and every <see cref="NameMatchingOptions.RefreshSeconds"/>: the
/// index's name forms, so a replica expands the names another replica indexed and forgets those of replaced or deleted
/// documents, and the variant groups, for an edit whose <see cref="SearchSuite.Contracts.NameVariantsChanged"/> was lost.
/// </summary>
public sealed class NameStateRefresher(
    ISearchIndex index, IndexedNameVocabulary vocabulary, NameVariantState variants, Microsoft.Extensions.Options.IOptions<NameMatchingOptions> options,
    TimeProvider clock, ILogger<NameStateRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first read before the service answers, so a restarted replica expands the names indexed before.
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await RefreshAsync(stoppingToken);
    }

    /// <summary>One synchronisation with the shared state; a backend that cannot answer is logged and tried at the next tick.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await variants.RefreshAsync(cancellationToken);
            var generation = vocabulary.BeginRead();
            var forms = await index.ReadNameFormsAsync(cancellationToken);
            var (added, removed) = vocabulary.Synchronise(forms, generation);
            if (added + removed > 0)
                logger.LogInformation("Name vocabulary follows the index: {Added} forms added, {Removed} removed, {Count} in all", added, removed, vocabulary.Vocabulary.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not read the shared name state; it is read again at the next tick (Names:RefreshSeconds)");
        }
    }
}
