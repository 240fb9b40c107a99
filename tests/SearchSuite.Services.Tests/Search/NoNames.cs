using SearchSuite.Names;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;

namespace SearchSuite.Services.Tests.Search;

/// <summary>Name matching that knows no names: words are planned and indexed as text only.</summary>
internal sealed class NoNames : INameExpansion, IIndexedNames
{
    public static readonly NoNames Instance = new();

    public IReadOnlyList<NameAlternative> Expand(string word, bool givenName = false, bool inName = false) => [];
    public bool IsKnownName(string word) => false;
    public IReadOnlyList<string> Register(string personName) => [];
    public string? KeyOf(string token) => null;
}
