using System.Text;
using SearchSuite.Names;
using SearchSuite.Search.Querying;

namespace SearchSuite.Search.NameMatching;

/// <summary>
/// The query-time side of name matching: a query word's curated, key and fuzzy spellings from the live variant
/// store and vocabulary, so variant edits and newly indexed names apply to the next search.
/// </summary>
public sealed class VocabularyNameExpansion(NameExpander expander) : INameExpansion
{
    public IReadOnlyList<NameAlternative> Expand(string word, bool givenName = false, bool inName = false)
    {
        var expansions = expander.Expand(word, givenName, inName);
        // A plain ASCII word alone adds nothing its text-field match does not already give; a word with accents or
        // in another script ("Đỗ", "Лавров") still meets the unaccented and Latin spellings of any text through its key.
        if (expansions.All(e => e.Source == ExpansionSource.Exact) && Ascii.IsValid(word)) return [];
        return [.. expansions.Select(ToAlternative)];
    }

    public bool IsKnownName(string word) => expander.IsKnownName(word);

    // A key match cannot tell which spelling was meant, so it never scores as exact: the exact form's key (which
    // reaches the names the extractor missed, through the keys of capitalised words) earns the key weight.
    private NameAlternative ToAlternative(NameExpansion expansion) =>
        new(expansion.Form, expansion.Key, expansion.Source, expansion.Weight) { KeyWeight = Math.Min(expansion.Weight, expander.Options.KeyWeight) };
}
