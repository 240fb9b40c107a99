using SearchSuite.Testing;

namespace SearchSuite.Text.Tests;

public class UnicodeHygieneTests
{
    [Theory]
    // Seed 001: German quotes around a quotation.
    [InlineData("sagte Kremlsprecher Dmitri Peskow: „Russland ist der Ansicht“", "sagte Kremlsprecher Dmitri Peskow: \"Russland ist der Ansicht\"")]
    // Seed 003: curly apostrophe and English quotes.
    [InlineData("President Donald Trump’s administration, it was “natural”", "President Donald Trump's administration, it was \"natural\"")]
    // Seed 001 dateline: the en dash stays.
    [InlineData("(Dan Tri) – Der russische Präsident", "(Dan Tri) – Der russische Präsident")]
    // Seed 003: the em dash stays.
    [InlineData("directly with Putin — including a Feb. 12 phone call", "directly with Putin — including a Feb. 12 phone call")]
    [InlineData("Russian «quotes» and a non\u2011breaking hyphen", "Russian \"quotes\" and a non-breaking hyphen")]
    public void Folds_quotes_to_ascii_and_keeps_dashes(string input, string expected) =>
        Assert.Equal(expected, UnicodeHygiene.Apply(input));

    [Fact]
    public void Removes_zero_width_spaces_and_turns_no_break_spaces_into_spaces()
    {
        const string input = "Ông Putin\u200B hứa giúp\u00A0ông Trump\uFEFF";
        Assert.Equal("Ông Putin hứa giúp ông Trump", UnicodeHygiene.Apply(input));
    }

    [Fact]
    public void Composes_decomposed_vietnamese_letters_to_nfc()
    {
        var decomposed = "Nguye\u0302\u0303n Phu\u0301 Tro\u0323ng";
        Assert.Equal("Nguyễn Phú Trọng", UnicodeHygiene.Apply(decomposed));
    }

    [Fact]
    public void Decodes_entities_and_strips_tags_keeping_paragraph_breaks()
    {
        const string input = "<p>Laut Bloomberg hat Trump dies Putin &amp; anderen vorgeschlagen.</p><p>Quelle: <a href=\"x\">Bloomberg</a></p>";
        Assert.Equal("\nLaut Bloomberg hat Trump dies Putin & anderen vorgeschlagen.\n\nQuelle: Bloomberg\n", UnicodeHygiene.Apply(input));
    }

    [Fact]
    public void Encoded_markup_is_decoded_after_tag_stripping_so_it_survives_as_text()
    {
        Assert.Equal("a <b> c", UnicodeHygiene.Apply("a &lt;b&gt; c"));
    }

    [Fact]
    public void Normalizes_line_endings()
    {
        Assert.Equal("Lesen Sie auch\n- Der Kreml\n", UnicodeHygiene.Apply("Lesen Sie auch\r\n- Der Kreml\r"));
    }

    [Fact]
    public void Returns_the_same_instance_when_nothing_changes()
    {
        const string clean = "Russland hat seine Hilfe angeboten.";
        Assert.Same(clean, UnicodeHygiene.Apply(clean));
    }

    [Trait("Category", TestCategories.SharedData)]
    [Fact]
    public void Vietnamese_ntrex_text_has_no_zero_width_spaces_after_hygiene()
    {
        var withZeroWidth = TestData.Ntrex("vi").Select(doc => doc.Text).Where(text => text.Contains('\u200B')).ToList();
        Assert.True(withZeroWidth.Count > 0, "NTREX vi was expected to contain U+200B; the shared data changed.");
        Assert.All(withZeroWidth, text => Assert.DoesNotContain('\u200B', UnicodeHygiene.Apply(text)));
    }
}
