using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SearchSuite.Names;

/// <summary>The kinds of character a word is made of.</summary>
[Flags]
public enum WordChars
{
    /// <summary>Any Unicode letter (upper, lower, title case, modifier and caseless letters).</summary>
    Letters = 1,
    /// <summary>Decimal digits of any script.</summary>
    Digits = 2,
    /// <summary>Non-spacing and spacing combining marks, as decomposed text writes accents and Indic vowel signs.</summary>
    CombiningMarks = 4,
    /// <summary>Non-spacing marks only (decomposed accents), without the spacing ones.</summary>
    NonSpacingMarks = 8,
}

/// <summary>
/// How a text splits into words: the one word splitter of the suite. Each caller keeps its own rules as a named
/// preset, because they differ on purpose (digits are words in a query but not in a name; a hyphen joins the extractor's
/// "Saudi-Arabien" but separates the name tokens "Suk-yeol"). <see cref="Split"/> yields word ranges without allocating.
/// </summary>
/// <param name="Chars">The characters words are made of; a word starts with one of them.</param>
/// <param name="Joiners">
/// Characters that stay inside a word when they stand between two of its characters ("O'Neal", "Saudi-Arabien"); a
/// joiner anywhere else separates words.
/// </param>
/// <param name="JoinedBefore">What must follow a joiner for it to join; null for <paramref name="Chars"/>.</param>
/// <param name="StartsWith">What a word may start with; null for <paramref name="Chars"/> (a word of letters and marks may have to start with a letter).</param>
/// <param name="JoinersAnywhere">
/// Joiners never separate words, wherever they stand, and may start one: callers that drop them from the word (name
/// tokens: "Chamene'i" is one token "chamenei") must then skip a word made only of joiners.
/// </param>
public sealed record WordRules(WordChars Chars, SearchValues<char>? Joiners = null, WordChars? JoinedBefore = null, bool JoinersAnywhere = false, WordChars? StartsWith = null)
{
    private readonly WordChars joinedBefore = JoinedBefore ?? Chars;
    private readonly WordChars startsWith = StartsWith ?? Chars;

    /// <summary>The words of <paramref name="text"/> as (start, length) ranges.</summary>
    public WordRanges Split(ReadOnlySpan<char> text) => new(text, this);

    /// <summary>
    /// The first word at or after <paramref name="from"/>; false when there is none. For callers that cannot hold
    /// a span enumerator (iterators).
    /// </summary>
    public bool TryFindWord(ReadOnlySpan<char> text, int from, out int start, out int end)
    {
        start = from;
        while (start < text.Length && !StartsWord(text[start])) start++;
        end = start;
        if (start >= text.Length) return false;
        end = start + 1;
        while (end < text.Length && ContinuesWord(text, end)) end++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsWordChar(char c) => Is(c, Chars);

    /// <summary>True when <paramref name="c"/> is of one of the kinds in <paramref name="chars"/>.</summary>
    // Inlined, like the other per-character tests: they run for every character of every document.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Is(char c, WordChars chars) =>
        // char.IsLetter and char.IsDigit look Latin-1 up in a table; no combining mark lies below U+0300.
        (chars & WordChars.Letters) != 0 && char.IsLetter(c)
        || (chars & WordChars.Digits) != 0 && char.IsDigit(c)
        || (chars & WordChars.CombiningMarks) != 0 && c >= '\u0300'
            && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        || (chars & WordChars.NonSpacingMarks) != 0 && c >= '\u0300'
            && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsJoiner(char c) => Joiners is not null && Joiners.Contains(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool StartsWord(char c) => Is(c, startsWith) || JoinersAnywhere && IsJoiner(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ContinuesWord(ReadOnlySpan<char> text, int i) =>
        IsWordChar(text[i]) || IsJoiner(text[i]) && (JoinersAnywhere || i + 1 < text.Length && Is(text[i + 1], joinedBefore));
}

/// <summary>The words of a text as (start, length) ranges; a span enumerator, so splitting allocates nothing.</summary>
public ref struct WordRanges(ReadOnlySpan<char> text, WordRules rules)
{
    private readonly ReadOnlySpan<char> text = text;
    private int next;

    public (int Start, int Length) Current { get; private set; }

    public readonly WordRanges GetEnumerator() => this;

    public bool MoveNext()
    {
        if (!rules.TryFindWord(text, next, out var start, out var end)) return false;
        Current = (start, end - start);
        next = end;
        return true;
    }
}
