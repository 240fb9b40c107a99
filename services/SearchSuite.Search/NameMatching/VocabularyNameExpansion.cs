using SearchSuite.Names;
using SearchSuite.Search.Querying;

namespace SearchSuite.Search.NameMatching;

/// <summary>
/// The query-time side of name matching: a query word's curated, key and fuzzy spellings from the live variant
/// store and vocabulary, so variant edits and newly indexed names apply to the next search.
/// </summary>
public sealed class VocabularyNameExpansion(NameExpander expander) : INameExpansion
{
    public IReadOnlyList<NameAlternative> Expand(string word, bool givenName = false)
    {
        var expansions = expander.Expand(word, givenName);
        // The word alone adds nothing its text-field match does not already give.
        if (expansions.All(e => e.Source == ExpansionSource.Exact)) return [];
        return [.. expansions.Select(ToAlternative)];
    }

    public bool IsKnownName(string word) => expander.IsKnownName(word);

    // The exact form carries no key: a key match cannot tell which spelling was meant, so it must not score as
    // exact. Its key still reaches the key fields through the other spellings that share it.
    private static NameAlternative ToAlternative(NameExpansion expansion) =>
        new(expansion.Form, expansion.Source == ExpansionSource.Exact ? null : expansion.Key, expansion.Source, expansion.Weight);
}
