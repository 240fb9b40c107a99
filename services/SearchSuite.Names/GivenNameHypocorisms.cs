namespace SearchSuite.Names;

/// <summary>
/// English given names and their hypocorisms (Richard/Dick/Rick, Edward/Ted), and the national forms one person's given
/// name takes across languages (Davit/David, Karel/Karl, Vlad/Vladimir), from the embedded curated list. Looked up by
/// transliteration key, so every spelling of a listed name counts (Владимир finds Vlad). Meant
/// for the given name of a multi-word person name only (<see cref="QueryToken.IsGivenName"/>): as a lone query word
/// "bill" or "sue" is rarely a person.
/// </summary>
public static class GivenNameHypocorisms
{
    private const string Resource = "SearchSuite.Names.given-name-hypocorisms.tsv";

    private static readonly Lazy<Dictionary<string, string[]>> ByKey = new(Load);

    /// <summary>The other forms of <paramref name="givenName"/> (lower-cased surface forms); empty when it has none.</summary>
    public static IReadOnlyList<string> Of(string givenName) =>
        ByKey.Value.TryGetValue(NameKey.Compute(NameTokens.Normalize(givenName)), out var forms) ? forms : [];

    private static Dictionary<string, string[]> Load()
    {
        var others = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in NameVariantList.ReadEmbedded(Resource).Groups)
        {
            var forms = group.Select(NameTokens.Normalize).ToArray();
            foreach (var form in forms)
            {
                var key = NameKey.Compute(form);
                if (!others.TryGetValue(key, out var set)) others[key] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(forms.Where(f => NameKey.Compute(f) != key));
            }
        }
        return others.ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }
}
