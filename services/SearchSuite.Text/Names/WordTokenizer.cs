using System.Buffers;
using SearchSuite.Names;

namespace SearchSuite.Text.Names;

/// <param name="BreakBefore">Punctuation or a line break separates this word from the previous one.</param>
/// <param name="SentenceStart">The word opens a sentence, line or quoted clause, so its capital letter says nothing.</param>
internal readonly record struct WordToken(string Text, int Position, bool BreakBefore, bool SentenceStart)
{
    /// <summary>Starts upper-case and has lower-case letters: "Putin", "McCain", "Saudi-Arabien"; not "USA" or "IRGC".</summary>
    public bool IsCapitalised => char.IsUpper(Text[0]) && Text.AsSpan().ContainsAnyInRange('a', 'z') | HasNonAsciiLower(Text) && !Text.AsSpan().ContainsAnyInRange('0', '9');

    private static bool HasNonAsciiLower(string text)
    {
        foreach (var c in text)
            if (c > '\u007F' && char.IsLower(c)) return true;
        return false;
    }

    /// <summary>"Trump's" → "Trump": the possessive belongs to the sentence, not the name.</summary>
    public string WithoutPossessive => Text.EndsWith("'s", StringComparison.Ordinal) ? Text[..^2] : Text;

    public bool IsPossessive => Text.EndsWith("'s", StringComparison.Ordinal);
}

/// <summary>Words (letters and digits, with inner hyphens and apostrophes) and what separates them.</summary>
internal static class WordTokenizer
{
    public static List<WordToken> Tokenize(string text)
    {
        var tokens = new List<WordToken>();
        var breakBefore = true;
        var sentenceStart = true;
        var previousEnd = 0;
        foreach (var (start, length) in ExtractorWords.Split(text))
        {
            foreach (var c in text.AsSpan(previousEnd, start - previousEnd))
            {
                if (!char.IsWhiteSpace(c) || c == '\n') breakBefore = true;
                if (c is '.' or '!' or '?' or ':' or '\n' or '"' or '(' or ';') sentenceStart = true;
            }
            tokens.Add(new WordToken(text.Substring(start, length), start, breakBefore, sentenceStart));
            breakBefore = false;
            sentenceStart = false;
            previousEnd = start + length;
        }
        return tokens;
    }

    // The extractor reads a hyphenated or possessive word as one ("Saudi-Arabien", "Trump's"), digits included, so
    // that a place compound or possessive is looked up whole.
    private static readonly WordRules ExtractorWords = new(WordChars.Letters | WordChars.Digits, SearchValues.Create("-'"));
}
