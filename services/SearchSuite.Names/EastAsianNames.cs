using System.Text;
using AnyAscii;

namespace SearchSuite.Names;

/// <summary>
/// Chinese and Korean names written in their own scripts: one word without spaces ("习近平", "김정은"), where the press
/// writes the family name apart from the given name ("Xi Jinping", "Kim Jong-un"). Splitting the word where the Latin
/// spelling has its boundaries lets each part meet its Latin spelling by key.
/// </summary>
public static class EastAsianNames
{
    /// <summary>Names of more syllables are no person's name (a place, an organisation) or not Chinese or Korean.</summary>
    private const int MaxSyllables = 4;

    /// <summary>
    /// The parts a Han or Hangul word of two to four syllables splits into as the press spells the name: a Chinese name
    /// is its family name (one character) and its given name, written as one word in Pinyin (习近平: 习, 近平 = Xi Jinping);
    /// a Korean name is its family name and each syllable of the given name, which the press hyphenates and tokens
    /// split (김정은: 김, 정, 은 = Kim Jong-un). Null for any other word.
    /// </summary>
    public static IReadOnlyList<string>? Parts(string word)
    {
        if (word.Length is < 2 or > MaxSyllables) return null;
        if (word.All(IsHan)) return [word[..1], word[1..]];
        if (word.All(IsHangulSyllable)) return [.. word.Select(c => c.ToString())];
        return null;
    }

    /// <summary>Both words are written in Han, or both in Hangul.</summary>
    public static bool SameScript(string a, string b) =>
        a.Length > 0 && b.Length > 0 && (IsHan(a[0]) && IsHan(b[0]) || IsHangulSyllable(a[0]) && IsHangulSyllable(b[0]));

    /// <summary>A CJK ideograph (the unified block and extension A, and the compatibility ideographs).</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    public static bool IsHangulSyllable(char c) => c is >= FirstSyllable and <= LastSyllable;

    /// <summary>
    /// Hangul syllables read as the press spells Korean names, which is mostly McCune–Reischauer without its marks
    /// (Choe Ryong-hae, Kang Sok-ju, Kim Jong-un): ㅓ and ㅗ are o, ㅡ and ㅜ are u, plain stops are k, t, p, except
    /// ㅈ, which the press writes j. Revised Romanisation (AnyAscii's reading: "GimJeongEun") differs from it in letters
    /// the fuzzy gate allows as cheap edits (eo/o, g/k, b/p). Other characters are kept.
    /// </summary>
    public static string RomaniseHangul(string text)
    {
        if (!text.Any(IsHangulSyllable)) return text;
        var romanised = new StringBuilder(text.Length * 3);
        foreach (var c in text)
        {
            if (!IsHangulSyllable(c))
            {
                romanised.Append(c);
                continue;
            }
            var index = c - FirstSyllable;
            romanised.Append(Initials[index / (VowelCount * FinalCount)])
                .Append(Vowels[index % (VowelCount * FinalCount) / FinalCount])
                .Append(Finals[index % FinalCount]);
        }
        return romanised.ToString();
    }

    /// <summary>
    /// The keys of readings a token has besides its own key: for Hangul the Revised Romanisation, which South Korean
    /// names follow more often than the press's McCune–Reischauer ("Geun-hye", "Jeong"), and, for a syllable that opens
    /// with a silent ㅇ before i or y, the initial r that South Korean spelling drops there and North Korean keeps
    /// (이/리: Lee, Ri; 유/류: Yoo, Ryu). Empty for other tokens.
    /// </summary>
    public static IReadOnlyList<string> OtherReadingKeys(string token, string key)
    {
        if (token.Length == 0 || !IsHangulSyllable(token[0])) return [];
        var readings = new List<string>(2);
        var revised = NameKey.Compute(token.Transliterate());
        if (revised.Length > 0 && revised != key) readings.Add(revised);
        var romanised = RomaniseHangul(token);
        if ((token[0] - FirstSyllable) / (VowelCount * FinalCount) == SilentInitial && romanised[0] is 'i' or 'y')
            readings.Add(NameKey.Compute("r" + romanised));
        return readings;
    }

    /// <summary>ㅇ, the initial that is silent, in <see cref="Initials"/>.</summary>
    private const int SilentInitial = 11;

    private const char FirstSyllable = '\uAC00';
    private const char LastSyllable = '\uD7A3';
    private const int VowelCount = 21;
    private const int FinalCount = 28;

    // In Unicode order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ.
    private static readonly string[] Initials = ["k", "kk", "n", "d", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "th", "p", "h"];

    // ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ.
    private static readonly string[] Vowels = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"];

    // None, then ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ, as a final is heard.
    private static readonly string[] Finals =
        ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];
}
