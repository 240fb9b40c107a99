using SearchSuite.Text.Names;

namespace SearchSuite.Text.Tests;

/// <summary>
/// Pins the extractor's words and what separates them on real snippets, so that moving the tokenizer onto the shared
/// word splitter changes nothing. Each word is written with "!" when punctuation or a line break precedes it and "^"
/// when it opens a sentence.
/// </summary>
public class WordTokenizerCharacterizationTests
{
    [Theory]
    [InlineData("Am Dienstag traf Lawrow (Russland) den Amtskollegen; Saudi-Arabien's O'Neal 2024-25 G7.",
        "Am!^|Dienstag|traf|Lawrow|Russland!^|den!|Amtskollegen|Saudi-Arabien's!^|O'Neal|2024-25|G7")]
    [InlineData("Ông Nguyễn nói:\n\"Đảng\" 👍 Putin's-", "Ông!^|Nguyễn|nói|Đảng!^|Putin's!^")]
    [InlineData("Baer\u200Bbock a--b a-'b -x", "Baer!^|bock!|a|b!|a|b!|x!")]
    [InlineData("Песков заявил: Путин", "Песков!^|заявил|Путин!^")]
    [InlineData("Nguye\u0302\u0303n", "Nguye!^|n!")]
    public void Tokenizes_words_with_their_breaks(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', WordTokenizer.Tokenize(text).Select(Describe)));

    [Fact]
    public void Positions_are_offsets_in_the_text() =>
        Assert.Equal([0, 4, 11], WordTokenizer.Tokenize("\u00D4ng Nguy\u1EC5n Ph\u00FA").Select(t => t.Position));

    private static string Describe(WordToken token) =>
        token.Text + (token.BreakBefore ? "!" : "") + (token.SentenceStart ? "^" : "");
}
