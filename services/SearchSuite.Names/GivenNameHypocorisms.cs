namespace SearchSuite.Names;

/// <summary>
/// English given names and their hypocorisms (Richard/Dick/Rick, Edward/Ted), from the embedded curated list. Meant
/// for the given name of a multi-word person name only (<see cref="QueryToken.IsGivenName"/>): as a lone query word
/// "bill" or "sue" is rarely a person.
/// </summary>
public static class GivenNameHypocorisms
{
    private const string Resource = "SearchSuite.Names.given-name-hypocorisms.tsv";

    private static readonly Lazy<Dictionary<string, string[]>> ByForm = new(Load);

    /// <summary>The other forms of <paramref name="givenName"/> (lower-cased surface forms); empty when it has none.</summary>
    public static IReadOnlyList<string> Of(string givenName) =>
        ByForm.Value.TryGetValue(NameTokens.Normalize(givenName), out var forms) ? forms : [];

    private static Dictionary<string, string[]> Load()
    {
        var others = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in NameVariantList.ReadEmbedded(Resource).Groups)
        {
            var forms = group.Select(NameTokens.Normalize).ToArray();
            foreach (var form in forms)
            {
                if (!others.TryGetValue(form, out var set)) others[form] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(forms.Where(f => f != form));
            }
        }
        return others.ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }
}
