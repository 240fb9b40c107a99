namespace SearchSuite.Names;

/// <summary>
/// Names written in Armenian. Official Armenian lists give the family name, the given name and the father's given name
/// in the genitive, which ends in ի (Գրիգորյան Արամ Արամայիսի: Aram, son of Aramayis), where Latin spellings drop it
/// or keep its initial (Aram A. Grigoryan): a patronymic, which says nothing against a match when missing.
/// </summary>
public static class ArmenianNames
{
    /// <summary>
    /// True for an Armenian word in the genitive ending -ի of at least <see cref="MinPatronymicLength"/> letters, except
    /// the women's given names in -ուհի, "daughter" (Զարուհի: Zaruhi), which are nominative.
    /// </summary>
    public static bool IsPatronymic(string token) =>
        token.Length >= MinPatronymicLength && token[^1] is 'ի' or 'Ի' && IsArmenian(token)
        && !token.EndsWith("ուհի", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the token has an Armenian letter.</summary>
    public static bool IsArmenian(string token) => token.AsSpan().IndexOfAnyInRange('\u0531', '\u058F') >= 0;

    /// <summary>A father's name and its ending: shorter words in -ի are given names or particles.</summary>
    private const int MinPatronymicLength = 4;
}
