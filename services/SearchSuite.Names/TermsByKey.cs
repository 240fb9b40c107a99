namespace SearchSuite.Names;

/// <summary>
/// The postings of the neighbour indexes (<see cref="DeletionNeighbourIndex"/>, <see cref="TwoEditNeighbourIndex"/>):
/// each key maps to the terms filed under it. Most keys hold one term, so a value is a single string or a
/// <c>List&lt;string&gt;</c>, which keeps 100k terms within a few tens of MB. Not thread-safe.
/// </summary>
internal sealed class TermsByKey
{
    private readonly Dictionary<string, object> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object>.AlternateLookup<ReadOnlySpan<char>> _termsBySpan;

    public TermsByKey() => _termsBySpan = _terms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Files <paramref name="term"/> under <paramref name="key"/>; the owner files a term once per key.</summary>
    public void Add(string key, string term)
    {
        if (!_terms.TryGetValue(key, out var entry)) _terms[key] = term;
        else if (entry is List<string> terms) terms.Add(term);
        else if ((string)entry != term) _terms[key] = new List<string> { (string)entry, term };
    }

    public void Remove(string key, string term)
    {
        if (!_terms.TryGetValue(key, out var entry)) return;
        if (entry is not List<string> terms)
        {
            if ((string)entry == term) _terms.Remove(key);
            return;
        }
        terms.Remove(term);
        if (terms.Count == 1) _terms[key] = terms[0];
    }

    /// <summary>The terms filed under <paramref name="key"/>, read without wrapping a single term in a list.</summary>
    public Entry Get(ReadOnlySpan<char> key) => _termsBySpan.TryGetValue(key, out var entry) ? new Entry(entry) : default;

    public readonly struct Entry(object? value)
    {
        public int Count => value switch { null => 0, List<string> terms => terms.Count, _ => 1 };

        public string this[int index] => value as string ?? ((List<string>)value!)[index];
    }
}
