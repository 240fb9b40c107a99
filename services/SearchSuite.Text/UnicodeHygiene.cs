using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SearchSuite.Text;

/// <summary>
/// First pipeline step: one canonical form of the text so that every later step, and every
/// RemovedSpan offset, works on the same characters.
/// Quotes become ASCII (' and ") because apostrophes inside words ("Trump’s") must tokenize like
/// a typed query ("Trump's"); en and em dashes stay because they are readable and analyzers split
/// on them anyway, but their rarer look-alikes are folded onto them.
/// </summary>
public static partial class UnicodeHygiene
{
    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('<')) text = HtmlTag().Replace(text, m => IsBlockTag(m.ValueSpan) ? "\n" : "");
        if (text.Contains('&')) text = WebUtility.HtmlDecode(text);
        if (!text.IsNormalized(NormalizationForm.FormC)) text = text.Normalize(NormalizationForm.FormC);
        return FoldCharacters(text);
    }

    /// <summary>The replacement for one character: itself, another string, or "" to drop it.</summary>
    internal static string? Replacement(char c, char next) => c switch
    {
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => "",
        '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' or '\u2002' or '\u2003' or '\t' => " ",
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' => "'",
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => "\"",
        '\u2010' or '\u2011' => "-",
        '\u2012' or '\u2212' => "\u2013",
        '\u2015' => "\u2014",
        '\r' => next == '\n' ? "" : "\n",
        _ => null,
    };

    private static string FoldCharacters(string text)
    {
        var firstChange = -1;
        for (var i = 0; i < text.Length && firstChange < 0; i++)
            if (Replacement(text[i], Next(text, i)) is not null) firstChange = i;
        if (firstChange < 0) return text;

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstChange);
        for (var i = firstChange; i < text.Length; i++)
        {
            var replacement = Replacement(text[i], Next(text, i));
            if (replacement is null) builder.Append(text[i]);
            else builder.Append(replacement);
        }
        return builder.ToString();
    }

    private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';

    private static bool IsBlockTag(ReadOnlySpan<char> tag) => BlockTag().IsMatch(tag);

    [GeneratedRegex(@"<(?:/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?|!--.*?--)>", RegexOptions.Singleline)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^</?(?:p|br|div|li|ul|ol|h[1-6]|tr|blockquote|section|article|header|footer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();
}
