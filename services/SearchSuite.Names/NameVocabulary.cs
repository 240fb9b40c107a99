namespace SearchSuite.Names;

/// <summary>
/// The distinct person-name tokens seen at index time, grouped by <see cref="NameKey"/> and by fold, with a
/// deletion-neighbourhood index over each for the fuzzy fallback. Thread-safe: indexing adds while searches read.
/// </summary>
public sealed class NameVocabulary
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, List<string>> _formsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _formsByFold = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _keysBySkeleton = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _keysByKanaSkeleton = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forms = new(StringComparer.Ordinal);
    // Keys one edit apart meet in the key index; spellings whose letter groups a typo broke ("Stehpen": the key
    // "steXpen" is two edits from Stephen's "stefen") meet in the fold index, where the typo is one edit.
    private readonly DeletionNeighbourIndex _keyNeighbours = new();
    private readonly DeletionNeighbourIndex _foldNeighbours = new();
    // Two edits of a long word (two substitutions or deletions) are out of the deletion index's reach.
    private readonly TwoEditNeighbourIndex _longFoldNeighbours = new(TwoEditMinLength);

    /// <summary>The fewest letters a fold needs for <see cref="FuzzyFoldMatches"/> to reach it two edits away.</summary>
    public const int TwoEditMinLength = 8;

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
                _keyNeighbours.Add(key);
                foreach (var consonants in AbjadNames.Skeletons(key)) Post(_keysBySkeleton, consonants, key);
                foreach (var heard in KanaNames.Skeletons(key)) Post(_keysByKanaSkeleton, heard, key);
            }
            forms.Add(form);
            var fold = NameTokens.Fold(form);
            if (!_formsByFold.ContainsKey(fold))
            {
                _foldNeighbours.Add(fold);
                _longFoldNeighbours.Add(fold);
            }
            Post(_formsByFold, fold, form);
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
                _keyNeighbours.Remove(key);
                foreach (var consonants in AbjadNames.Skeletons(key)) Unpost(_keysBySkeleton, consonants, key);
                foreach (var heard in KanaNames.Skeletons(key)) Unpost(_keysByKanaSkeleton, heard, key);
            }
            var fold = NameTokens.Fold(form);
            Unpost(_formsByFold, fold, form);
            if (!_formsByFold.ContainsKey(fold))
            {
                _foldNeighbours.Remove(fold);
                _longFoldNeighbours.Remove(fold);
            }
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

    /// <summary>The indexed keys with <paramref name="skeleton"/> among their consonant skeletons (<see cref="AbjadNames.Skeletons"/>).</summary>
    public IReadOnlyList<string> KeysWithSkeleton(string skeleton) => Lookup(_keysBySkeleton, skeleton);

    /// <summary>The indexed keys with <paramref name="skeleton"/> among their skeletons as kana and Hangul hear them (<see cref="KanaNames.Skeletons"/>).</summary>
    public IReadOnlyList<string> KeysWithKanaSkeleton(string skeleton) => Lookup(_keysByKanaSkeleton, skeleton);

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
    /// Indexed keys within <paramref name="maxCost"/> of <paramref name="key"/> (<see cref="ConfusionEditDistance"/>:
    /// one edit, or two beyond one full edit), with their forms, closest first.
    /// </summary>
    public IReadOnlyList<(string Key, float Cost, IReadOnlyList<string> Forms)> FuzzyMatches(string key, float maxCost) =>
        Neighbours(_keyNeighbours, _formsByKey, key, maxCost);

    /// <summary>
    /// Indexed folds (<see cref="NameTokens.Fold"/>) within <paramref name="maxCost"/> of <paramref name="fold"/>, with
    /// their forms, closest first: a typo is one edit of the letters typed, which the key rules may turn into more
    /// ("Stehpen", "Cihris"). Beyond one full edit, the folds of <see cref="TwoEditMinLength"/> letters or more are
    /// reached by any two edits ("Oztanian": Oskanian), and folds of any length by a transposition and one more edit
    /// ("Vldaimi": Vladimir); the others as <see cref="DeletionNeighbourIndex.Within"/> says.
    /// </summary>
    public IReadOnlyList<(string Fold, float Cost, IReadOnlyList<string> Forms)> FuzzyFoldMatches(string fold, float maxCost) =>
        Neighbours(_foldNeighbours, _formsByFold, fold, maxCost, maxCost > ConfusionEditDistance.FullCost ? _longFoldNeighbours : null);

    private IReadOnlyList<(string Term, float Cost, IReadOnlyList<string> Forms)> Neighbours(
        DeletionNeighbourIndex index, Dictionary<string, List<string>> formsByTerm, string term, float maxCost,
        TwoEditNeighbourIndex? twoEdits = null)
    {
        if (term.Length == 0 || maxCost <= 0) return [];
        _lock.EnterReadLock();
        try
        {
            var within = index.Within(term, maxCost);
            if (twoEdits is not null)
                within = within.Concat(twoEdits.Within(term, maxCost)).Concat(index.WithinAfterTransposition(term, maxCost)).DistinctBy(m => m.Term, StringComparer.Ordinal);
            var matches = within.Select(m => (m.Term, m.Cost, (IReadOnlyList<string>)formsByTerm[m.Term].ToArray())).ToList();
            matches.Sort((x, y) => x.Cost.CompareTo(y.Cost));
            return matches;
        }
        finally { _lock.ExitReadLock(); }
    }
}
