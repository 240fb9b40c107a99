using System.Buffers;
using System.Text;
using SearchSuite.Contracts;
using SearchSuite.Names;

namespace SearchSuite.Search.Querying;

/// <summary>What a hit shows besides the document: a snippet, the name forms it matched, and whether only a related headline matched.</summary>
public sealed record HitDecoration(string Snippet, IReadOnlyList<string> MatchedNames, bool RelatedHeadlineMatch);

/// <summary>
/// Builds snippets and match explanations from the stored document, the same way for every backend, so both
/// backends explain a hit identically. One decorator serves the hits of one search, on one thread: the query's words
/// and name forms are folded once, and each distinct token is matched against them once per search.
/// </summary>
public sealed class HitDecorator
{
    public const int MaxSnippetLength = 240;
    /// <summary>The shortest shared prefix that counts as the same word for highlighting (a crude stem: "Atomprogramms" ~ "Atomprogramm").</summary>
    private const int MinStemPrefix = 5;

    private readonly FoldedWord[] words;
    private readonly Func<string, string?> nameKey;
    /// <summary>
    /// What each token met in this search's hits matched, looked up by span: the hits of one search repeat their words,
    /// so most tokens cost this one lookup instead of folding, a form and a key lookup per query word, and a substring.
    /// </summary>
    private readonly Dictionary<string, (int Word, bool ViaName)>.AlternateLookup<ReadOnlySpan<char>> tokenMatches =
        new Dictionary<string, (int Word, bool ViaName)>(InitialTokens, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>About the distinct words of a page of hits, so that the table rarely grows.</summary>
    private const int InitialTokens = 512;

    /// <param name="nameKey">The transliteration key of a document token (null for none), compared with the name forms' keys.</param>
    public HitDecorator(QueryPlan plan, Func<string, string?> nameKey)
    {
        words = FoldedWord.Of(plan);
        this.nameKey = nameKey;
    }

    public HitDecoration Decorate(DocumentNormalized document)
    {
        var matchedNames = new List<string>();
        var body = BestPassage(Passages(document.Title, document.Text), matchedNames);
        var related = BestPassage(document.RelatedHeadlines.Select(h => new Passage(h, 0, h.Length)), matchedNames);

        var relatedOnly = body.Score == 0 && related.Score > 0;
        var best = relatedOnly ? related : body;
        var snippet = best.Score > 0 ? best.Highlighted : Truncate(document.Text.Length > 0 ? document.Text : document.Title);
        return new HitDecoration(snippet, matchedNames.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), relatedOnly);
    }

    private readonly record struct Scored(int Score, string Highlighted);

    /// <summary>A sentence or headline: a range of a document string, so that splitting a document allocates nothing.</summary>
    private readonly record struct Passage(string Source, int Start, int Length)
    {
        public ReadOnlySpan<char> Text => Source.AsSpan(Start, Length);
    }

    /// <summary>
    /// A query word, its name forms folded and their keys: folded once per search rather than once per hit, and held in
    /// sets, since a name may have dozens of forms and every token of every hit is compared with them.
    /// </summary>
    private sealed class FoldedWord(string text, IEnumerable<NameAlternative> names)
    {
        public string Text { get; } = TextFolding.StripMarks(text);

        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> forms =
            names.Select(n => TextFolding.StripMarks(n.Form)).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        private readonly HashSet<string> keys = names.Select(n => n.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);

        public bool HasKeys => keys.Count > 0;

        public bool HasForm(ReadOnlySpan<char> folded) => forms.Set.Count > 0 && forms.Contains(folded);

        public bool HasKey(string? key) => key is not null && keys.Contains(key);

        public static FoldedWord[] Of(QueryPlan plan) => [.. plan.MatchedWords.Select(w => new FoldedWord(w.Text, w.Names))];
    }

    /// <summary>The title, then each sentence of each non-blank line of the text, trimmed.</summary>
    private static IEnumerable<Passage> Passages(string title, string text)
    {
        if (title.Length > 0) yield return new Passage(title, 0, title.Length);
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var start = lineStart;
            var end = lineEnd;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            lineStart = lineEnd + 1;
            // Sentence ends: ". " (or "!", "?") before a capital.
            for (var i = start; i < end - 1; i++)
            {
                if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && i + 2 < end && char.IsUpper(text[i + 2]))
                {
                    yield return new Passage(text, start, i + 1 - start);
                    start = i + 2;
                }
            }
            if (start < end) yield return new Passage(text, start, end - start);
        }
    }

    /// <summary>
    /// The passage that matches the most distinct query words, with the matches marked by &lt;em&gt;. Passages are
    /// scored without building strings; only a passage that beats the best so far is highlighted.
    /// </summary>
    private Scored BestPassage(IEnumerable<Passage> passages, List<string> matchedNames)
    {
        var best = new Scored(0, "");
        Span<bool> matched = words.Length <= 64 ? stackalloc bool[words.Length] : new bool[words.Length];
        foreach (var passage in passages)
        {
            matched.Clear();
            var score = 0;
            foreach (var (start, length) in Tokens(passage.Text))
            {
                var wordIndex = MatchingWord(passage.Source, passage.Start + start, length, out var viaName);
                if (wordIndex < 0) continue;
                if (!matched[wordIndex]) (matched[wordIndex], score) = (true, score + 1);
                if (viaName) matchedNames.Add(passage.Source.Substring(passage.Start + start, length));
            }
            if (score > best.Score) best = new Scored(score, Truncate(Highlight(passage)));
        }
        return best;
    }

    private string Highlight(Passage passage)
    {
        var text = passage.Text;
        var highlighted = new StringBuilder(passage.Length + 16);
        var last = 0;
        foreach (var (start, length) in Tokens(text))
        {
            if (MatchingWord(passage.Source, passage.Start + start, length, out _) < 0) continue;
            highlighted.Append(text[last..start]).Append("<em>").Append(text.Slice(start, length)).Append("</em>");
            last = start + length;
        }
        return highlighted.Append(text[last..]).ToString();
    }

    private int MatchingWord(string source, int start, int length, out bool viaName)
    {
        var token = source.AsSpan(start, length);
        // A lower-case syllable hyphened onto a word may have a key where the same word alone has none, so its match
        // depends on where it stands and is not remembered (such syllables are rare).
        if (start > 0 && source[start - 1] == '-' && !NameTokens.IsCapitalised(token)) return Match(token.ToString(), mayHaveKey: true, out viaName);
        if (tokenMatches.TryGetValue(token, out var known))
        {
            viaName = known.ViaName;
            return known.Word;
        }
        var text = token.ToString();
        var word = Match(text, NameTokens.IsCapitalised(token), out viaName);
        tokenMatches.Dictionary[text] = (word, viaName);
        return word;
    }

    /// <param name="mayHaveKey">
    /// Whether the index could have matched this token by its key: it keys a document's extracted names and its
    /// capitalised words, caseless scripts and syllables hyphened onto them included (<see cref="NameTokens.CapitalisedWords"/>).
    /// A lower-case word of running text ("tramp" for Trump) has no key there: looking its key up marked a match the
    /// index never made, and these lookups were most of what names on added to decoration (docs/benchmarks.md).
    /// </param>
    private int Match(string token, bool mayHaveKey, out bool viaName)
    {
        var length = token.Length;
        // Most tokens are plain ASCII: lower-cased on the stack. The rest are folded once and remembered.
        Span<char> asciiBuffer = stackalloc char[64];
        ReadOnlySpan<char> folded = length <= asciiBuffer.Length && Ascii.ToLower(token, asciiBuffer, out var written) == OperationStatus.Done
            ? asciiBuffer[..written]
            : FoldCached(token);
        string? key = null;
        var keyLooked = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            // The token's key is looked up only if some name form has a key to compare with, and then once.
            if (word.HasForm(folded) || word.HasKeys && mayHaveKey && word.HasKey(KeyOnce()))
            {
                viaName = true;
                return i;
            }
            if (SameWord(word.Text, folded))
            {
                viaName = false;
                return i;
            }
        }
        viaName = false;
        return -1;

        string? KeyOnce()
        {
            if (!keyLooked) (key, keyLooked) = (nameKey(token), true);
            return key;
        }
    }

    private static bool SameWord(ReadOnlySpan<char> query, ReadOnlySpan<char> token)
    {
        var common = query.CommonPrefixLength(token);
        if (common == query.Length && common == token.Length) return true;
        return common >= MinStemPrefix && common >= Math.Max(query.Length, token.Length) - 3;
    }

    private static WordRanges Tokens(ReadOnlySpan<char> text) => SnippetWords.Split(text);

    // A snippet highlights runs of letters and digits: a hyphen or apostrophe separates, so "Saudi-Arabien" highlights
    // for "arabien" and "O'Neal" for "neal".
    private static readonly WordRules SnippetWords = new(WordChars.Letters | WordChars.Digits);

    private static readonly BoundedMemo<string> FoldedTokens = new(100_000);

    /// <summary>
    /// <see cref="TextFolding.StripMarks"/> of a token that is not plain ASCII, memoised: documents repeat their words (Vietnamese text is
    /// all such tokens), and folding one allocates several strings.
    /// </summary>
    private static string FoldCached(ReadOnlySpan<char> token) => FoldedTokens.GetOrAdd(token, TextFolding.StripMarks);

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
