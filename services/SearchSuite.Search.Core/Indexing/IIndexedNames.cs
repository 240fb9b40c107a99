namespace SearchSuite.Search.Indexing;

/// <summary>
/// What indexing does with each person name: records it in the vocabulary that name expansion searches,
/// and returns the transliteration keys to index with the document.
/// </summary>
public interface IIndexedNames
{
    IReadOnlyList<string> Register(string personName);

    /// <summary>The transliteration key of one name token, or null when it has none.</summary>
    string? KeyOf(string token);
}

/// <summary>Used when no name matching is configured: names are indexed as text only.</summary>
public sealed class TextOnlyNames : IIndexedNames
{
    public IReadOnlyList<string> Register(string personName) => [];

    public string? KeyOf(string token) => null;
}
