using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using AnyAscii;

namespace SearchSuite.Names;

/// <summary>Splits person names into tokens and folds tokens to a script- and accent-free form.</summary>
public static class NameTokens
{
    // Declared first: static fields initialise in order, and the word rules below use them.
    /// <summary>Apostrophes and the marks typed for them (see <see cref="IsApostrophe"/>).</summary>
    private const string ApostropheChars = "'\u2019\u02BC\u02BB`\u00B4";
    internal static readonly SearchValues<char> Apostrophes = SearchValues.Create(ApostropheChars);
    /// <summary>Apostrophes and the zero-width non-joiner, which only shapes the letters of one Persian word (خامنه‌ای): dropped from a token, never splitting it.</summary>
    internal static readonly SearchValues<char> WordJoiners = SearchValues.Create(ApostropheChars + "\u200C");

    /// <summary>
    /// Lower-cased name tokens in their original script, with diacritics kept (the surface forms of the <c>names</c> field).
    /// Hyphens, dots, commas and spaces separate tokens; apostrophes are dropped because they mark a glottal stop or
    /// a soft sign ("Chamene'i", "Ilyich'") rather than a word boundary.
    /// </summary>
    public static IReadOnlyList<string> Split(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = name.Normalize(NormalizationForm.FormC);
        var tokens = new List<string>();
        var token = new StringBuilder();
        foreach (var (start, length) in NameTokenWords.Split(normalized))
        {
            token.Clear();
            // Most tokens have no joiner: lower-cased in one piece.
            var word = normalized.AsSpan(start, length);
            for (var joiner = word.IndexOfAny(WordJoiners); joiner >= 0; joiner = word.IndexOfAny(WordJoiners))
            {
                AppendLower(word[..joiner]);
                word = word[(joiner + 1)..];
            }
            AppendLower(word);
            if (token.Length > 0) tokens.Add(token.ToString());
        }
        return tokens;

        void AppendLower(ReadOnlySpan<char> part)
        {
            foreach (var c in part) token.Append(char.ToLowerInvariant(c));
        }
    }

    // Name tokens keep digits ("G7") and decomposed accents; a joiner anywhere is dropped, never a boundary.
    private static readonly WordRules NameTokenWords =
        new(WordChars.Letters | WordChars.Digits | WordChars.CombiningMarks, WordJoiners, JoinersAnywhere: true);

    /// <summary>
    /// The words of running text that may be (part of) a person's name, in their original case: capitalised words,
    /// words of scripts without case (Arabic, Chinese), and a lower-case syllable hyphened onto one ("Suk-yeol").
    /// Search indexes their keys beside the extracted names', so that a name the extractor missed ("Am Dienstag traf
    /// Lawrow …") is still found in any spelling that shares its key.
    /// </summary>
    public static IEnumerable<string> CapitalisedWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var previousCapitalised = false;
        for (var from = 0; RunningTextWords.TryFindWord(text, from, out var start, out var end); from = end)
        {
            var word = text[start..end];
            var hyphenedOn = previousCapitalised && start > 0 && text[start - 1] == '-';
            previousCapitalised = IsCapitalised(word) && end < text.Length && text[end] == '-';
            if (IsCapitalised(word) || hyphenedOn) yield return word;
        }
    }

    // Running text's name words are letters (a digit ends one: "G7" gives "G"), with an apostrophe inside before a
    // letter ("O'Neal", "Trump's"); a hyphen separates, so that "Suk-yeol" gives both syllables.
    private static readonly WordRules RunningTextWords =
        new(WordChars.Letters | WordChars.CombiningMarks, Apostrophes, JoinedBefore: WordChars.Letters);

    /// <summary>Starts with a capital, or is written in a script without case (Arabic, Chinese), which cannot show one.</summary>
    public static bool IsCapitalised(string word) => IsCapitalised(word.AsSpan());

    /// <inheritdoc cref="IsCapitalised(string)"/>
    public static bool IsCapitalised(ReadOnlySpan<char> word)
    {
        var first = word[0];
        return char.IsUpper(first) || char.IsLetter(first) && !char.IsLower(first);
    }

    /// <summary>The lower-cased surface form of one token (NFC, apostrophes removed, diacritics and script kept).</summary>
    public static string Normalize(string token)
    {
        var parts = Split(token);
        return parts.Count == 1 ? parts[0] : string.Concat(parts);
    }

    /// <summary>
    /// Lower-case ASCII letters only: any script is transliterated (Cyrillic "Песков" → "peskov") and diacritics
    /// are folded ("Nguyễn" → "nguyen", "Đ" → "d"), so spellings that differ only by script or accents fold alike.
    /// Hangul reads as the press spells Korean names (<see cref="EastAsianNames.RomaniseHangul"/>: 김정은 → "kimjongun"),
    /// kana in Hepburn (<see cref="KanaNames.Romanise"/>: ジョン → "jon").
    /// </summary>
    public static string Fold(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return TextFolding.ToAsciiLetters(Respell(KanaNames.Romanise(EastAsianNames.RomaniseHangul(token.Normalize(NormalizationForm.FormC).ToLowerInvariant()))));
    }

    /// <summary>
    /// True when the token carries a mark only Vietnamese uses: đ, a horn (ơ, ư), a dot below or hook above, or two
    /// marks on one vowel (ế, ầ). Such tokens are never re-transliterated by the press, only stripped of accents.
    /// </summary>
    public static bool IsVietnamese(string token)
    {
        var marksOnLetter = 0;
        foreach (var c in token.Normalize(NormalizationForm.FormD))
        {
            if (c is 'đ' or 'Đ' or '\u031B' or '\u0323' or '\u0309') return true;
            marksOnLetter = IsCombiningMark(c) ? marksOnLetter + 1 : 0;
            if (marksOnLetter >= 2) return true;
        }
        return false;
    }

    /// <summary>True when the token is written in Cyrillic.</summary>
    public static bool IsCyrillic(string token) => token.AsSpan().IndexOfAnyInRange('\u0400', '\u04FF') >= 0;

    /// <summary>
    /// True for an East Slavic patronymic (Sergeyevich, Ivanovna, Ильич), the Azerbaijani "oglu"/"qizi" marker or an
    /// Armenian father's name in the genitive (<see cref="ArmenianNames.IsPatronymic"/>).
    /// Russian labels carry them ("Песков, Дмитрий Сергеевич") and other languages drop them, so a missing
    /// patronymic says nothing against a match.
    /// </summary>
    public static bool IsPatronymic(string token)
    {
        // -ović/-ovič is a Serbian, Croatian or Czech surname (Milošević, Gandalovič), never a patronymic.
        if (token.AsSpan().IndexOfAny("čćČĆ") >= 0) return false;
        if (ArmenianNames.IsArmenian(token)) return ArmenianNames.IsPatronymic(token);
        var folded = Fold(token);
        return folded.Length >= 5 && PatronymicEndings.Any(folded.EndsWith) || PatronymicMarkers.Contains(folded);
    }

    /// <summary>
    /// True for a token one spelling of a name carries and another drops, so its absence says nothing against a
    /// match: a patronymic or an initial ("R." in "John R. Baird"). "Jr." is not one: it names another person.
    /// </summary>
    public static bool IsOptional(string token) => IsPatronymic(token) || IsInitial(token);

    /// <summary>A single letter ("R."), never the word that tells one person from another.</summary>
    public static bool IsInitial(string token) => Fold(token).Length == 1;

    private static readonly string[] PatronymicEndings = ["ovich", "evich", "ovna", "evna", "ichna", "ilich", "ilyich"];
    private static readonly HashSet<string> PatronymicMarkers = ["ogly", "ogli", "oglu", "kyzy", "kizi", "qizi", "gyzy"];

    /// <summary>
    /// Rewrites the letters AnyAscii reads one by one but that the press transliterates as a group, so that Latin
    /// and Cyrillic spellings of one name fold alike. <paramref name="token"/> is lower-case NFC.
    /// </summary>
    private static string Respell(string token)
    {
        if (IsRomanian(token)) return RomanianSpelling.Replace(token, m => RomanianSounds[m.Value]);
        if (token.AsSpan().IndexOfAny(BalticAndWestSlavicMarks) >= 0) token = ConsonantsAsTs.Replace(token, "ts");
        return LettersAsClusters.Replace(token, m => ClusterSounds[m.Value]);
    }

    // Soft and hard signs before a vowel are the glide English writes y and German j (Васильев: Vasilyev/Wassiljew,
    // Соловьёв: Solovyov/Solowjow, Илья: Ilya); AnyAscii drops them. Czech, Baltic and other háček letters are the
    // Cyrillic ш, ж, ч (Babiš/Бабиш, Krēsliņš/Креслиньш), which AnyAscii reduces to s, z, c. Azerbaijani ə is
    // the a of English and most Russian spellings (Rüfət/Rufat/Руфат), not AnyAscii's e.
    private static readonly Dictionary<string, string> ClusterSounds = new(StringComparer.Ordinal)
    {
        ["ьё"] = "йо", ["ъё"] = "йо", ["ь"] = "й", ["ъ"] = "й",
        ["š"] = "sh", ["ž"] = "zh", ["č"] = "ch", ["ə"] = "a",
        // Modern Greek writes an initial b, d or g with two letters, and u as ου (Γκουτέρες: Guterres, Ντόναλντ: Donald).
        ["μπ"] = "b", ["ντ"] = "d", ["γκ"] = "g", ["ου"] = "u", ["ού"] = "u",
        // Hebrew writes foreign names' b with ב, which AnyAscii reads v, and v with a doubled ו; a single ו is the
        // vowel o or u (ביל: Bill, טרנבול: Turnbull, קווין: Kevin). ש without the sin dot is sh (שורטן: Shorten).
        ["ב"] = "b", ["וו"] = "v", ["ו"] = "u", ["ש"] = "sh",
        // Arabic alif is the long a that AnyAscii drops (راما: Rama); with hamza below it is i (إيدي: Edi). Kept, it
        // brings the right Latin spelling nearest among those with the same consonants (خاما: Khama before Him).
        ["ا"] = "a", ["آ"] = "a", ["أ"] = "a", ["إ"] = "i",
    };
    private static readonly Regex LettersAsClusters =
        new("[ьъ]ё|[ьъ](?=[еюяиоєії])|[šžčə]|^(?:μπ|ντ|γκ)|ου|ού|ב|וו|ו|ש(?!\u05C2)|[اآأإ]", RegexOptions.CultureInvariant);

    // In Czech, Slovak, Latvian and Lithuanian spellings c is always ц (Šics/Шицс); a háček or Baltic letter tells them.
    private static readonly Regex ConsonantsAsTs =
        new("c(?!h)", RegexOptions.CultureInvariant);
    private static readonly SearchValues<char> BalticAndWestSlavicMarks = SearchValues.Create("šžčřěůāēīūņļķģėąęįų");

    /// <summary>
    /// A Romanian spelling: ș, ț or î, or a final ă after another vowel (a Vietnamese token is one syllable, and its ă
    /// is never final; a minority name such as "Kpă" has no other vowel). Its letters read as in Moldovan
    /// Cyrillic: ce/ci are че/чи, che/chi are ке/ки, ea is я, ă is э (Ghileţchi/Гилецкий, Leancă/Лянкэ, Untilă/Унтилэ).
    /// </summary>
    private static bool IsRomanian(string token) =>
        token.AsSpan().IndexOfAny(RomanianOnlyLetters) >= 0 || token.EndsWith('ă') && token[..^1].Transliterate().AsSpan().IndexOfAny("aeiouyAEIOUY") >= 0;

    private static readonly SearchValues<char> RomanianOnlyLetters = SearchValues.Create("șşțţî");
    private static readonly Dictionary<string, string> RomanianSounds = new(StringComparer.Ordinal)
    {
        ["ch"] = "k", ["ce"] = "ch", ["ci"] = "ch", ["c"] = "ch", ["că"] = "ke", ["ea"] = "ya", ["ă"] = "e",
        ["ș"] = "sh", ["ş"] = "sh", ["ț"] = "ts", ["ţ"] = "ts",
    };
    // "cea", "cia", "ciu" are ча, ча, чу: the vowel after c only softens it. Alternatives are tried left to right.
    private static readonly Regex RomanianSpelling =
        new("ch(?=[ei])|c[ei](?=[aou])|c(?=[ei])|că|ea|[ășşțţ]", RegexOptions.CultureInvariant);

    /// <summary>Apostrophes and the marks typed for them: inside a name they mark a glottal stop or soft sign, not a word boundary.</summary>
    internal static bool IsApostrophe(char c) => Apostrophes.Contains(c);

    private static bool IsCombiningMark(char c) => WordRules.Is(c, WordChars.CombiningMarks);
}
