using System.Globalization;
using System.Text;
using AnyAscii;

namespace SearchSuite.Names;

/// <summary>
/// The suite's two ways of folding text so that spellings compare alike. They differ on purpose: a snippet must
/// still show where a query word stands in its own script, while a name key must meet every script's spelling.
/// </summary>
public static class TextFolding
{
    /// <summary>
    /// Lower case without diacritics, script kept: "Nguyễn" → "nguyen", "Đảng" → "dang", "Йорданов" → "иорданов"
    /// (the breve is a mark too). Letters without a decomposition stay ("ß").
    /// </summary>
    public static string StripMarks(string text)
    {
        // Most tokens are plain ASCII, which has nothing to decompose or strip.
        if (Ascii.IsValid(text)) return text.ToLowerInvariant();
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            // đ is a letter of its own in Unicode, not d with a mark, but readers write it d.
            folded.Append(c == 'đ' ? 'd' : c);
        }
        return folded.ToString();
    }

    /// <summary>
    /// Lower-case ASCII letters only: any script transliterated letter by letter (AnyAscii: "песков" → "peskov",
    /// "ß" → "ss"), everything else dropped (digits, apostrophes, spaces).
    /// </summary>
    public static string ToAsciiLetters(string text)
    {
        var ascii = text.Transliterate();
        var folded = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            if (c is >= 'a' and <= 'z') folded.Append(c);
            else if (c is >= 'A' and <= 'Z') folded.Append((char)(c + ('a' - 'A')));
        }
        return folded.ToString();
    }
}
