namespace SearchSuite.Names;

/// <summary>
/// The distinct person-name tokens seen at index time, grouped by <see cref="NameKey"/>, with a deletion-neighbourhood
/// index over the keys for the fuzzy fallback. Thread-safe: indexing adds while searches read.
/// </summary>
public sealed class NameVocabulary
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, List<string>> _formsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _formsByFold = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _keysBySkeleton = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forms = new(StringComparer.Ordinal);
    // Every key and each of its one-letter deletions point to the key, so keys one edit apart (insertion, deletion,
    // substitution, adjacent transposition) meet under a shared entry: a handful of lookups instead of a scan.
    // A value is a single key (most entries) or a List<string>, to keep 100k keys within a few tens of MB.
    private readonly Dictionary<string, object> _keysByDeletion = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _forms.Count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Adds one name token (any case, script or accents); false when it was already known or has no letters.</summary>
    public bool Add(string surfaceForm)
    {
        var form = NameTokens.Normalize(surfaceForm);
        var key = NameKey.Compute(form);
        if (key.Length == 0) return false;
        _lock.EnterWriteLock();
        try
        {
            if (!_forms.Add(form)) return false;
            if (!_formsByKey.TryGetValue(key, out var forms))
            {
                _formsByKey[key] = forms = [];
                foreach (var neighbour in DeletionNeighbourhood(key)) IndexNeighbour(neighbour, key);
                Post(_keysBySkeleton, AbjadNames.Skeleton(key), key);
            }
            forms.Add(form);
            Post(_formsByFold, NameTokens.Fold(form), form);
            return true;
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>
    /// Removes one indexed form (as <see cref="Forms"/> lists it), and its key from the fuzzy index once no form has that
    /// key: the vocabulary follows the index, which loses names when documents are replaced or deleted.
    /// </summary>
    public bool Remove(string surfaceForm)
    {
        var form = NameTokens.Normalize(surfaceForm);
        _lock.EnterWriteLock();
        try
        {
            if (!_forms.Remove(form)) return false;
            var key = NameKey.Compute(form);
            var forms = _formsByKey[key];
            forms.Remove(form);
            if (forms.Count == 0)
            {
                _formsByKey.Remove(key);
                foreach (var neighbour in DeletionNeighbourhood(key)) UnindexNeighbour(neighbour, key);
                Unpost(_keysBySkeleton, AbjadNames.Skeleton(key), key);
            }
            Unpost(_formsByFold, NameTokens.Fold(form), form);
            return true;
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>A snapshot of every form (normalised as <see cref="NameTokens.Normalize"/> does).</summary>
    public IReadOnlyCollection<string> Forms()
    {
        _lock.EnterReadLock();
        try { return [.. _forms]; }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Adds every token of a full name ("Nguyễn Phú Trọng" adds three tokens).</summary>
    public void AddName(string name)
    {
        foreach (var token in NameTokens.Split(name)) Add(token);
    }

    public bool Contains(string surfaceForm)
    {
        var form = NameTokens.Normalize(surfaceForm);
        _lock.EnterReadLock();
        try { return _forms.Contains(form); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>The indexed surface forms whose key is exactly <paramref name="key"/>.</summary>
    public IReadOnlyList<string> FormsWithKey(string key) => Lookup(_formsByKey, key);

    /// <summary>The indexed surface forms that differ from <paramref name="fold"/> only by case, accents or script.</summary>
    public IReadOnlyList<string> FormsWithFold(string fold) => Lookup(_formsByFold, fold);

    /// <summary>The indexed keys whose consonant skeleton (<see cref="AbjadNames.Skeleton"/>) is <paramref name="skeleton"/>.</summary>
    public IReadOnlyList<string> KeysWithSkeleton(string skeleton) => Lookup(_keysBySkeleton, skeleton);

    private static void Post(Dictionary<string, List<string>> index, string term, string value)
    {
        if (!index.TryGetValue(term, out var values)) index[term] = values = [];
        values.Add(value);
    }

    private static void Unpost(Dictionary<string, List<string>> index, string term, string value)
    {
        var values = index[term];
        values.Remove(value);
        if (values.Count == 0) index.Remove(term);
    }

    private IReadOnlyList<string> Lookup(Dictionary<string, List<string>> index, string term)
    {
        _lock.EnterReadLock();
        try { return index.TryGetValue(term, out var forms) ? forms.ToArray() : []; }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>
    /// Indexed keys one edit away from <paramref name="key"/> whose <see cref="ConfusionEditDistance"/> is within
    /// <paramref name="maxCost"/>, with their forms, closest first.
    /// </summary>
    public IReadOnlyList<(string Key, float Cost, IReadOnlyList<string> Forms)> FuzzyMatches(string key, float maxCost)
    {
        if (key.Length == 0 || maxCost <= 0) return [];
        var matches = new List<(string, float, IReadOnlyList<string>)>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { key };
        _lock.EnterReadLock();
        try
        {
            // Beyond one full edit, the query's two-letter deletions also meet the indexed keys' one-letter deletions:
            // two insertions, or an insertion with a deletion or substitution (never two substitutions).
            var neighbours = maxCost > ConfusionEditDistance.FullCost
                ? DeletionNeighbourhood(key).SelectMany(DeletionNeighbourhood).Distinct(StringComparer.Ordinal)
                : DeletionNeighbourhood(key);
            foreach (var neighbour in neighbours)
            {
                if (!_keysByDeletion.TryGetValue(neighbour, out var entry)) continue;
                foreach (var candidate in entry as List<string> ?? [(string)entry])
                {
                    if (!seen.Add(candidate)) continue;
                    var cost = ConfusionEditDistance.Compute(key, candidate, maxCost);
                    if (cost <= maxCost) matches.Add((candidate, cost, _formsByKey[candidate].ToArray()));
                }
            }
        }
        finally { _lock.ExitReadLock(); }
        matches.Sort((x, y) => x.Item2.CompareTo(y.Item2));
        return matches;
    }

    private void IndexNeighbour(string neighbour, string key)
    {
        if (!_keysByDeletion.TryGetValue(neighbour, out var entry)) _keysByDeletion[neighbour] = key;
        else if (entry is List<string> keys) keys.Add(key);
        else if ((string)entry != key) _keysByDeletion[neighbour] = new List<string> { (string)entry, key };
    }

    private void UnindexNeighbour(string neighbour, string key)
    {
        if (!_keysByDeletion.TryGetValue(neighbour, out var entry)) return;
        if (entry is not List<string> keys)
        {
            if ((string)entry == key) _keysByDeletion.Remove(neighbour);
            return;
        }
        keys.Remove(key);
        if (keys.Count == 1) _keysByDeletion[neighbour] = keys[0];
    }

    private static IEnumerable<string> DeletionNeighbourhood(string key)
    {
        yield return key;
        for (var i = 0; i < key.Length; i++)
        {
            // Deleting either letter of a double gives the same string; offer it once.
            if (i > 0 && key[i] == key[i - 1]) continue;
            yield return string.Concat(key.AsSpan(0, i), key.AsSpan(i + 1));
        }
    }
}
