using System.Text;
using System.Text.RegularExpressions;

namespace SearchSuite.Names;

/// <summary>
/// Names written in Japanese kana: katakana (and hiragana) read in Hepburn, the romanisation the press uses
/// (ジョン: jon, シュレーダー: shureda), and the "Japanese ear" skeleton that lets a kana transcription of a foreign name
/// meet its Latin spelling. Japanese hears a foreign name as syllables of one consonant and a vowel: it adds vowels
/// (Turnbull: ターンブル, tanburu), drops an r after a vowel (Howard: ハワード, hawado), has one sound for l and r
/// (Gillard: ギラード) and writes v as b (Kevin: ケビン). The skeleton keeps what survives that: the consonants of the
/// key, with l as r, without the r after a vowel and the silent h (Turnbull and ターンブル: "tnbr"). Korean transcribes
/// foreign names the same way (턴불: Turnbull, 케빈: Kevin), with its own stops, which the fold reads as the press spells
/// Korean names (ㅂ as p, ㄷ as t), so the skeleton also takes b, p, f and v as one, d and t, g and k, and s and sh.
/// </summary>
public static class KanaNames
{
    /// <summary>True when the token has a katakana or hiragana letter (the long-vowel mark included).</summary>
    public static bool IsKana(string token)
    {
        foreach (var c in token)
            if (c is >= '\u3041' and <= '\u3096' or >= '\u30A1' and <= '\u30FA' or '\u30FC') return true;
        return false;
    }

    /// <summary>
    /// Kana read in Hepburn without macrons: a small ャ, ュ, ョ joins the syllable before (キャ kya, シュ shu), a small
    /// vowel replaces its vowel (ファ fa, ティ ti, ウィ wi, ヴェ ve), ッ doubles the next consonant and the long-vowel
    /// mark ー is dropped. Other characters are kept.
    /// </summary>
    public static string Romanise(string text)
    {
        if (!IsKana(text)) return text;
        var romanised = new StringBuilder(text.Length * 3);
        var geminate = false;
        var syllableStart = -1;
        foreach (var original in text)
        {
            // Hiragana sits 0x60 below the katakana of the same sound.
            var c = original is >= '\u3041' and <= '\u3096' ? (char)(original + 0x60) : original;
            if (c is < '\u30A1' or > '\u30FA' && c != '\u30FC')
            {
                romanised.Append(original);
                syllableStart = -1;
                continue;
            }
            if (c == '\u30FC') continue;
            if (c == 'ッ')
            {
                geminate = true;
                continue;
            }
            if (c is 'ャ' or 'ュ' or 'ョ' && syllableStart >= 0)
            {
                var vowel = SmallY[c];
                var consonant = romanised.ToString(syllableStart, romanised.Length - syllableStart).TrimEnd('a', 'i', 'u', 'e', 'o');
                romanised.Length = syllableStart;
                romanised.Append(consonant).Append(consonant is "sh" or "ch" or "j" ? vowel : "y" + vowel);
                continue;
            }
            if (c is 'ァ' or 'ィ' or 'ゥ' or 'ェ' or 'ォ' && syllableStart >= 0)
            {
                var consonant = romanised.ToString(syllableStart, romanised.Length - syllableStart).TrimEnd('a', 'i', 'u', 'e', 'o');
                romanised.Length = syllableStart;
                romanised.Append(consonant.Length == 0 ? "w" : consonant).Append(SmallVowels[c]);
                continue;
            }
            if (!Syllables.TryGetValue(c, out var syllable) && !SmallVowels.TryGetValue(c, out syllable) && !SmallY.TryGetValue(c, out syllable)) syllable = "";
            if (geminate && syllable.Length > 0 && !IsVowel(syllable[0])) romanised.Append(syllable[0] == 'c' ? 't' : syllable[0]);
            geminate = false;
            syllableStart = romanised.Length;
            romanised.Append(syllable);
        }
        return romanised.ToString();

        static bool IsVowel(char c) => c is 'a' or 'i' or 'u' or 'e' or 'o';
    }

    /// <summary>
    /// The consonants of a <see cref="NameKey"/> as Japanese hears them; see the class summary. Kana and Latin spellings
    /// of one foreign name share it (Turnbull "turnbul" and ターンブル "tanburu": "tnbr"). Empty when no consonant is left.
    /// </summary>
    public static string Skeleton(string key) => Skeleton(key, silentR: true);

    /// <summary>
    /// The readings a kana or Hangul word searches with, each as its key and skeleton: its own, and with j read as the
    /// soft g of the Latin spelling it transcribes (ロジャー, 로저: Roger; ジルベール: Gilbert), which the key would
    /// otherwise take for the glide of a Latin j (John: "ioXn"); a Hangul ㅈ also as the z that Korean writes with it
    /// (제만: Zeman, 라작: Razak). Empty when no consonant is left.
    /// </summary>
    public static IReadOnlyList<(string Key, string Skeleton)> ReadingsOf(string form, string key)
    {
        var readings = new List<(string Key, string Skeleton)>(2);
        if (Skeleton(key) is { Length: > 0 } heard) readings.Add((key, heard));
        var romanised = Romanise(EastAsianNames.RomaniseHangul(form));
        if (!romanised.Contains('j')) return readings;
        foreach (var sound in form.Any(EastAsianNames.IsHangulSyllable) ? HangulJAlsoSpells : KanaJAlsoSpells)
        {
            var otherKey = NameKey.Compute(romanised.Replace('j', sound));
            if (Skeleton(otherKey) is { Length: > 0 } heardAs && readings.All(r => r.Skeleton != heardAs)) readings.Add((otherKey, heardAs));
        }
        return readings;
    }

    /// <summary>
    /// The skeletons an indexed key is heard with: an r after a vowel is silent in English names (Turnbull: ターンブル) but
    /// sounded, and written with its own syllable, in most others (Umberto: ウンベルト), so both are kept. A kana or Hangul
    /// word has no r before a consonant, so its <see cref="Skeleton(string)"/> meets either.
    /// </summary>
    public static IReadOnlyList<string> Skeletons(string key)
    {
        var silent = Skeleton(key, silentR: true);
        var sounded = Skeleton(key, silentR: false);
        return silent == sounded ? [silent] : [silent, sounded];
    }

    private static string Skeleton(string key, bool silentR)
    {
        var skeleton = silentR ? SilentR.Replace(key, "") : key;
        foreach (var (pattern, replacement) in EarRules) skeleton = pattern.Replace(skeleton, replacement);
        var collapsed = new StringBuilder(skeleton.Length);
        foreach (var c in skeleton)
            if (collapsed.Length == 0 || collapsed[^1] != c) collapsed.Append(c);
        return collapsed.ToString();
    }

    // On the key, whose rules already made w v, y and j i, ch and kh X: an h (X) and an r after a vowel are silent
    // unless a vowel follows (John: ジョン, Howard: ハワード, Turnbull: ターンブル); X then sounds k (Michael: ミカエル);
    // stops lose their voicing (see the class summary).
    // Korean writes z with ㅈ; kana has its own z (ズ, ザ), and reading ジ as zi as well lost kana 0.571 -> 0.538.
    private static readonly char[] HangulJAlsoSpells = ['g', 'z'];
    private static readonly char[] KanaJAlsoSpells = ['g'];

    private static readonly Regex SilentR = new("(?<=[aeiou])r(?![aeiou])", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly (Regex Pattern, string Replacement)[] EarRules =
    [
        .. new (string, string)[]
        {
            ("(?<=[aeiou])X(?![aeiou])", ""), ("X", "k"), ("l", "r"), ("[vfp]", "b"), ("t", "d"), ("g", "k"), ("S", "s"), ("m(?=b)", "n"), ("[aeiou]", ""),
        }.Select(rule => (new Regex(rule.Item1, RegexOptions.CultureInvariant | RegexOptions.Compiled), rule.Item2)),
    ];

    private static readonly Dictionary<char, string> SmallY = new() { ['ャ'] = "a", ['ュ'] = "u", ['ョ'] = "o" };
    private static readonly Dictionary<char, string> SmallVowels = new() { ['ァ'] = "a", ['ィ'] = "i", ['ゥ'] = "u", ['ェ'] = "e", ['ォ'] = "o", ['ヮ'] = "a" };

    private static readonly Dictionary<char, string> Syllables = BuildSyllables();

    private static Dictionary<char, string> BuildSyllables()
    {
        // Katakana from ア in Unicode order, small letters as the vowel they are; "" for ッ, handled above.
        string[] readings =
        [
            "a", "a", "i", "i", "u", "u", "e", "e", "o", "o",
            "ka", "ga", "ki", "gi", "ku", "gu", "ke", "ge", "ko", "go",
            "sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo",
            "ta", "da", "chi", "ji", "", "tsu", "zu", "te", "de", "to", "do",
            "na", "ni", "nu", "ne", "no",
            "ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be", "pe", "ho", "bo", "po",
            "ma", "mi", "mu", "me", "mo",
            "ya", "ya", "yu", "yu", "yo", "yo",
            "ra", "ri", "ru", "re", "ro",
            "wa", "wa", "i", "e", "o", "n", "vu", "ka", "ke", "va", "vi", "ve", "vo",
        ];
        var syllables = new Dictionary<char, string>();
        for (var i = 0; i < readings.Length; i++) syllables[(char)('\u30A1' + i)] = readings[i];
        return syllables;
    }
}
