using System.Globalization;
using System.Text;
using SearchSuite.Contracts;

namespace SearchSuite.Search.Querying;

/// <summary>What a hit shows besides the document: a snippet, the name forms it matched, and whether only a related headline matched.</summary>
public sealed record HitDecoration(string Snippet, IReadOnlyList<string> MatchedNames, bool RelatedHeadlineMatch);

/// <summary>
/// Builds snippets and match explanations from the stored document, the same way for every backend, so both
/// backends explain a hit identically.
/// </summary>
public static class HitDecorator
{
    public const int MaxSnippetLength = 240;
    /// <summary>The shortest shared prefix that counts as the same word for highlighting (a crude stem: "Atomprogramms" ~ "Atomprogramm").</summary>
    private const int MinStemPrefix = 5;

    public static HitDecoration Decorate(QueryPlan plan, DocumentNormalized document, Func<string, string?> nameKey)
    {
        var matchedNames = new List<string>();
        var words = FoldedWord.Of(plan);
        var body = BestPassage(words, Passages(document.Title, document.Text), nameKey, matchedNames);
        var related = BestPassage(words, document.RelatedHeadlines, nameKey, matchedNames);

        var relatedOnly = body.Score == 0 && related.Score > 0;
        var best = relatedOnly ? related : body;
        var snippet = best.Score > 0 ? best.Highlighted : Truncate(document.Text.Length > 0 ? document.Text : document.Title);
        return new HitDecoration(snippet, matchedNames.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), relatedOnly);
    }

    private readonly record struct Passage(int Score, string Highlighted);

    /// <summary>A query word and its name forms, folded once per hit rather than once per token of the document.</summary>
    private sealed record FoldedWord(string Text, IReadOnlyList<(string Form, string? Key)> Names)
    {
        public static FoldedWord[] Of(QueryPlan plan) =>
            [.. plan.Words.Select(w => new FoldedWord(Fold(w.Text), [.. w.Names.Select(n => (Fold(n.Form), n.Key))]))];
    }

    private static IEnumerable<string> Passages(string title, string text)
    {
        if (title.Length > 0) yield return title;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            foreach (var sentence in SplitSentences(line))
                yield return sentence;
    }

    private static IEnumerable<string> SplitSentences(string line)
    {
        var start = 0;
        for (var i = 0; i < line.Length - 1; i++)
        {
            if (line[i] is '.' or '!' or '?' && line[i + 1] == ' ' && i + 2 < line.Length && char.IsUpper(line[i + 2]))
            {
                yield return line[start..(i + 1)];
                start = i + 2;
            }
        }
        if (start < line.Length) yield return line[start..];
    }

    /// <summary>The passage that matches the most distinct query words, with the matches marked by &lt;em&gt;.</summary>
    private static Passage BestPassage(FoldedWord[] words, IEnumerable<string> passages, Func<string, string?> nameKey, List<string> matchedNames)
    {
        var best = new Passage(0, "");
        foreach (var passage in passages)
        {
            var matchedWords = new HashSet<int>();
            var highlighted = new StringBuilder(passage.Length + 16);
            var last = 0;
            foreach (var (start, length) in Tokens(passage))
            {
                var token = passage.Substring(start, length);
                var wordIndex = MatchingWord(words, token, nameKey, out var viaName);
                if (wordIndex < 0) continue;
                matchedWords.Add(wordIndex);
                if (viaName) matchedNames.Add(token);
                highlighted.Append(passage, last, start - last).Append("<em>").Append(token).Append("</em>");
                last = start + length;
            }
            highlighted.Append(passage, last, passage.Length - last);
            if (matchedWords.Count > best.Score) best = new Passage(matchedWords.Count, Truncate(highlighted.ToString()));
        }
        return best;
    }

    private static int MatchingWord(FoldedWord[] words, string token, Func<string, string?> nameKey, out bool viaName)
    {
        var folded = Fold(token);
        // The token's transliteration key, looked up only if some name form has a key to compare with.
        string? tokenKey = null;
        var tokenKeyKnown = false;
        string? TokenKey()
        {
            if (!tokenKeyKnown) (tokenKey, tokenKeyKnown) = (nameKey(token), true);
            return tokenKey;
        }

        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            foreach (var (form, key) in word.Names)
            {
                if (form == folded || (key is not null && key == TokenKey()))
                {
                    viaName = true;
                    return i;
                }
            }
            if (SameWord(word.Text, folded))
            {
                viaName = false;
                return i;
            }
        }
        viaName = false;
        return -1;
    }

    private static bool SameWord(string query, string token)
    {
        var common = 0;
        while (common < query.Length && common < token.Length && query[common] == token[common]) common++;
        if (common == query.Length && common == token.Length) return true;
        return common >= MinStemPrefix && common >= Math.Max(query.Length, token.Length) - 3;
    }

    private static IEnumerable<(int Start, int Length)> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    /// <summary>Lower case without diacritics, so "Nguyễn" highlights for "nguyen".</summary>
    public static string Fold(string text)
    {
        // Most tokens are plain ASCII, which has nothing to decompose or strip.
        if (System.Text.Ascii.IsValid(text)) return text.ToLowerInvariant();
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c == 'đ' ? 'd' : c);
        }
        return folded.ToString();
    }

    /// <summary>Cuts at a word boundary near <see cref="MaxSnippetLength"/>, keeping the first highlight and never splitting a tag.</summary>
    private static string Truncate(string text)
    {
        if (text.Length <= MaxSnippetLength) return text;
        var firstMatch = Math.Max(0, text.IndexOf("<em>", StringComparison.Ordinal));
        var start = firstMatch < MaxSnippetLength / 2 ? 0 : text.LastIndexOf(' ', firstMatch - MaxSnippetLength / 4) + 1;
        var end = Math.Min(text.Length, start + MaxSnippetLength);
        if (end < text.Length && text.LastIndexOf(' ', end - 1, end - start) is > 0 and var space) end = space;
        var open = text.LastIndexOf('<', end - 1, end - start);
        if (open >= 0 && text.IndexOf('>', open) >= end) end = open;
        var snippet = text[start..end];
        var unclosed = CountOf(snippet, "<em>") - CountOf(snippet, "</em>");
        return (start > 0 ? "… " : "") + snippet + (unclosed > 0 ? "</em>" : "") + (end < text.Length ? " …" : "");
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
