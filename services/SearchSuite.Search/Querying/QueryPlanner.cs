using System.Globalization;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using SearchSuite.Names;

namespace SearchSuite.Search.Querying;

/// <summary>Supplies the name forms a query word may stand for (none when name expansion is unavailable).</summary>
public interface INameExpansion
{
    IReadOnlyList<NameAlternative> Expand(string word);
}

/// <summary>Turns a query into a <see cref="QueryPlan"/>: words, which of them are required, and their name alternatives.</summary>
public sealed class QueryPlanner(INameExpansion names)
{
    public const int MaxWords = 32;

    /// <summary>Splits a query into words: runs of letters, digits and combining marks.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }
        return words;
    }

    public QueryPlan Plan(SearchQuery query)
    {
        var words = Words(query.Text)
            .Select(w => IsOptional(w) ? new QueryWord(w, Required: false, []) : new QueryWord(w, Required: true, query.ExpandNames ? names.Expand(w) : []))
            .ToList();
        return new QueryPlan(words, query.Languages, query.OriginLanguages, query.Offset, query.Limit);
    }

    /// <summary>Stop words and initials ("R." in "John R. Baird"): they only add to the score, as other spellings drop initials.</summary>
    public static bool IsOptional(string word) => IsStopWord(word) || NameTokens.IsInitial(word);

    /// <summary>
    /// Stop words ("the", "und") are dropped by some analyzers but not others; requiring them would make a query
    /// fail on every document whose language drops them, so they only add to the score.
    /// </summary>
    public static bool IsStopWord(string word)
    {
        var lower = word.ToLowerInvariant();
        return EnglishAnalyzer.DefaultStopSet.Contains(lower) || GermanAnalyzer.DefaultStopSet.Contains(lower);
    }

    private static bool IsWordChar(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };
}

/// <summary>Used until a name expander is configured, and when expansion is switched off.</summary>
public sealed class NoNameExpansion : INameExpansion
{
    public IReadOnlyList<NameAlternative> Expand(string word) => [];
}
