using System.Buffers;

namespace SearchSuite.Names.Tests;

public class WordRulesTests
{
    private static readonly SearchValues<char> HyphenAndApostrophe = SearchValues.Create("-'");

    [Theory]
    // Letters and digits, no joiners (the snippet highlighter's rule): every other character separates.
    [InlineData(WordChars.Letters | WordChars.Digits, false, "Saudi-Arabien's G7 👍 Nguye\u0302n", "Saudi|Arabien|s|G7|Nguye|n")]
    [InlineData(WordChars.Letters, false, "G7 2024 Baer\u200Bbock", "G|Baer|bock")]
    [InlineData(WordChars.Letters | WordChars.CombiningMarks, false, "Nguye\u0302\u0303n Phú", "Nguye\u0302\u0303n|Phú")]
    // Joiners stay inside only between word characters.
    [InlineData(WordChars.Letters | WordChars.Digits, true, "Saudi-Arabien's -x a-- 2024-25 'y'", "Saudi-Arabien's|x|a|2024-25|y")]
    public void Splits_text_into_word_ranges(WordChars chars, bool hyphenAndApostropheJoin, string text, string expected)
    {
        var rules = new WordRules(chars, hyphenAndApostropheJoin ? HyphenAndApostrophe : null);
        Assert.Equal(expected, string.Join('|', Words(rules, text)));
    }

    [Fact]
    public void A_joiner_joins_only_before_what_JoinedBefore_names()
    {
        var rules = new WordRules(WordChars.Letters | WordChars.Digits, HyphenAndApostrophe, JoinedBefore: WordChars.Letters);
        Assert.Equal("Suk-yeol|B|52", string.Join('|', Words(rules, "Suk-yeol B-52")));
    }

    [Fact]
    public void StartsWith_and_non_spacing_marks_give_the_story_evidence_words()
    {
        // Story evidence: a word starts with a letter and keeps its decomposed accents (Mn); a stray leading mark is
        // skipped and a spacing mark (Devanagari visarga, Mc) ends the word.
        var rules = new WordRules(WordChars.Letters | WordChars.NonSpacingMarks, StartsWith: WordChars.Letters);
        Assert.Equal("Nguye\u0302\u0303n|Phu\u0301|a|b|G", string.Join('|', Words(rules, "Nguye\u0302\u0303n \u0301Phu\u0301 a\u0903b G7")));
    }

    [Fact]
    public void Joiners_anywhere_never_separate_and_may_start_a_word()
    {
        var rules = new WordRules(WordChars.Letters, HyphenAndApostrophe, JoinersAnywhere: true);
        Assert.Equal("ab''cd|'x'|-", string.Join('|', Words(rules, "ab''cd 'x' -")));
    }

    [Fact]
    public void Ranges_are_offsets_in_the_text()
    {
        List<(int, int)> ranges = [];
        foreach (var range in new WordRules(WordChars.Letters).Split("  \u00D4ng Ph\u00FA.")) ranges.Add(range);
        Assert.Equal([(2, 3), (6, 3)], ranges);
    }

    private static List<string> Words(WordRules rules, string text)
    {
        List<string> words = [];
        foreach (var (start, length) in rules.Split(text)) words.Add(text.Substring(start, length));
        return words;
    }
}
