using System.Text.RegularExpressions;

namespace SearchSuite.Names;

/// <summary>One ordered rewrite step of <see cref="NameKey"/>; public so each step can be tested on its own.</summary>
public sealed record NameKeyRule(string Name, string Pattern, string Replacement)
{
    private readonly Regex _regex = new(Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public string Apply(string input) => _regex.Replace(input, Replacement);
}

/// <summary>
/// Transliteration key shared by the English, German (Duden), French and Vietnamese-press spellings of one
/// Russian, Ukrainian, Persian or Arabic name: "Peskov", "Peskow" and "Песков" all give "peskov".
/// Keys are lower-case ASCII letters plus two class symbols: X for the velar/affricate family
/// (kh, ch, h, tsch, tch) and S for the hushing family (sh, sch, zh). Store them verbatim (keyword field, no analyzer).
/// </summary>
public static class NameKey
{
    /// <summary>
    /// The rewrite rules, in the order they run on the folded token. Order matters: longer German and French
    /// clusters must be consumed before their parts (tsch before sch before ch), and doubled letters collapse last
    /// so that every earlier rule can create doubles ("Selenskyj" → "selenskii" → "selenski").
    /// </summary>
    public static IReadOnlyList<NameKeyRule> Rules { get; } =
    [
        // x spells ks in Latin-script names (Alexander/Aleksandr); frees the letter for nothing else.
        new("x-as-ks", "x", "ks"),
        // Romanian (and Italian) spellings: -schi is -ский (Juravschi/Журавский; German -tschi is ч, as in Araghtschi),
        // "ciu" and "cea" spell чу and ча (Panciuc/Панчук, Ceaușescu/Чаушеску), and -ovici/-evici is -ович (Palihovici/Палихович).
        new("romanian-schi-as-ski", "(?<!t)schi$", "ski"),
        new("romanian-ciu-cea-as-X", "ci(?=u)|ce(?=a)", "X"),
        new("romanian-ovici-as-X", "(?<=[oe]vi)ci$", "X"),
        // -sky/-ski/-skyj/-skiy/-skyy/-skij: English, German, French and Ukrainian renderings of -ский/-ський.
        // Latvian adds its nominative -s to the same ending (Zemļinskis/Землинский).
        new("slavic-adjective-ending", "sk(?:yj|yy|iy|ij|yi|ii|is|y|i)$", "ski"),
        // German dsch and Russian-style dzh spell the English j of Arabic, Persian and Caucasian names (Dschumblat/Jumblatt,
        // Dzhugashvili/Jugashvili); as j it then joins the y/j/i glide.
        new("dsch-dzh-as-j", "dsch|dzh", "j"),
        // The Arabic and Persian ending -iyeh/-iyah/-iya is -ija in German and -ieh in French (Mughniyeh/Mughnija).
        new("arabic-iyeh-as-ia", "i[yj](?:eh|ah|a)$|ieh$", "ia"),
        // German tsch, French tch and English ch all spell ч; kh, German/Persian ch and a bare h spell х/خ/ح.
        new("tsch-tch-as-X", "tsch|tch", "X"),
        new("sch-sh-zh-as-S", "sch|[sz]h", "S"),
        new("kh-ch-as-X", "[kc]h", "X"),
        new("ph-as-f", "ph", "f"),
        // English and German th is a plain t in the other spellings (Thomson/Томсон, Matthew/Мэтью).
        new("th-as-t", "th", "t"),
        new("gh-as-g", "gh", "g"),
        new("h-as-X", "h", "X"),
        new("ck-q-as-k", "ck|q", "k"),
        new("soft-c-as-s", "c(?=[eiy])", "s"),
        new("hard-c-as-k", "c", "k"),
        // ц is ts in English and z in German; з is z in English and s in German: one class for all three.
        new("ts-tz-z-as-s", "t[sz]|z", "s"),
        new("w-as-v", "w", "v"),
        // French ou for the u sound (Poutine).
        new("ou-as-u", "ou", "u"),
        // French eau, and au before a consonant, for the o sound (Saumura/Somora, Dassault/Дассо, Garneau/Гарно); a final
        // au stays, as in the unaccented Vietnamese Châu or Sáu.
        new("french-au-as-o", "e?au(?=[^aeiou])|eau$", "o"),
        // y, j and i are the same glide across the languages (Sergei/Sergej/Sergey, Jelzin/Yeltsin).
        new("y-j-as-i", "[yj]", "i"),
        // Latvian and Lithuanian add a nominative -s to Slavic names: Sergejs Dolgopolovs is Sergei Dolgopolov.
        new("baltic-nominative-s", "(?<=[oe]v|in|[aeo]i)s$", ""),
        // Iotated е at the start or after a vowel: Yevgeny/Jewgeni/Evgeni, Sergeyev/Sergejew/Sergeev.
        new("iotated-e", "(?:^|(?<=[aeiou]))ie", "e"),
        // ё after a hushing consonant is "ev" in English and "ow" in German (Gorbachev/Gorbatschow).
        new("yo-after-hush", "(?<=[XS])ev(?=a?$)", "ov"),
        new("collapse-doubles", "(.)\\1+", "$1"),
    ];

    /// <summary>
    /// The key of one name token in any script; empty when the token has no letters. A token with Vietnamese-only
    /// marks keys to its folded letters, because ch, h, th and kh are distinct Vietnamese consonants (Chiến ≠ Hiện,
    /// Thịnh ≠ Tính) and Vietnamese names are only ever stripped of accents, never re-transliterated.
    /// </summary>
    public static string Compute(string token)
    {
        var key = NameTokens.Fold(token);
        if (NameTokens.IsVietnamese(token)) return key;
        foreach (var rule in Rules) key = rule.Apply(key);
        return key;
    }
}
