namespace SearchSuite.Search.Indexing;

/// <summary>
/// What indexing does with each person name: records it in the vocabulary that name expansion searches,
/// and returns the transliteration keys to index with the document.
/// </summary>
public interface IIndexedNames
{
    IReadOnlyList<string> Register(string personName);

    /// <summary>The normalised tokens of <paramref name="personNames"/> that have a key, as <see cref="IndexFields.NameForms"/> holds them.</summary>
    static IReadOnlyList<string> FormsOf(IEnumerable<string> personNames) =>
        [.. personNames.SelectMany(SearchSuite.Names.IndexedNameToken.FromName).Where(t => t.Key.Length > 0).Select(t => t.Form).Distinct(StringComparer.Ordinal)];

    /// <summary>The transliteration key of one name token, or null when it has none.</summary>
    string? KeyOf(string token);

    /// <summary>
    /// The keys of the capitalised words of running text (<see cref="SearchSuite.Names.NameTokens.CapitalisedWords"/>),
    /// indexed with the name keys so that matching never depends on the name extractor having seen the name.
    /// </summary>
    IReadOnlyList<string> KeysOfCapitalisedWords(string text) =>
        [.. SearchSuite.Names.NameTokens.CapitalisedWords(text).Select(KeyOf).OfType<string>().Distinct(StringComparer.Ordinal)];
}
