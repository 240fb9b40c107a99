using SearchSuite.Text.Names;

namespace SearchSuite.Text.Tests;

public class PersonNameExtractorTests
{
    private static IReadOnlyList<string> NamesIn(string seed) => PersonNameExtractor.Extract([TestData.CleanSeed(seed)]);

    [Fact]
    public void Seed001_names_are_found_and_german_nouns_places_and_months_are_not()
    {
        var names = NamesIn(TestData.Seed001);
        string[] expected = ["Wladimir Putin", "Donald Trump", "Putin", "Trump", "Dmitri Peskow", "Ali Khamenei", "Abbas Araghchi", "Marco Rubio"];
        Assert.True(expected.SequenceEqual(names), $"Got: {string.Join(", ", names)}");
    }

    [Fact]
    public void Seed003_names_with_titles_stripped()
    {
        var names = NamesIn(TestData.Seed003);
        foreach (var name in new[] { "Vladimir Putin", "Dmitry Peskov", "Esmaeil Baghaei", "Marco Rubio", "Sergei Lavrov", "Lavrov", "Abbas Araghchi" })
            Assert.True(names.Contains(name), $"Missing {name} in: {string.Join(", ", names)}");
        foreach (var notAName in new[] { "Secretary of State Marco Rubio", "White House", "Bloomberg News", "Saudi Arabia", "Islamic Republic", "Kremlin", "Feb" })
            Assert.False(names.Contains(notAName), $"{notAName} taken for a name in: {string.Join(", ", names)}");
    }

    [Theory]
    [InlineData("In einem Interview sagte Kremlsprecher Dmitri Peskow etwas.", "Dmitri Peskow")]
    [InlineData("Letzten Monat erklärte der Oberste Führer Ali Khamenei, dass Herr Trump unzuverlässig sei.", "Ali Khamenei|Trump")]
    [InlineData("Zuvor hatte US-Außenminister Marco Rubio betont, dass der Iran keine Atomwaffen besitzen werde.", "Marco Rubio")]
    [InlineData("Top US and Russian officials, including Secretary of State Marco Rubio and Foreign Minister Sergei Lavrov, met.", "Marco Rubio|Sergei Lavrov")]
    [InlineData("Kremlin spokesman Dmitry Peskov said in response to questions sent by Bloomberg.", "Dmitry Peskov")]
    [InlineData("Ông Putin hứa giúp ông Trump đàm phán với Tổng Bí thư Nguyễn Phú Trọng.", "Putin|Trump|Nguyễn Phú Trọng")]
    [InlineData("Об этом заявил президент Владимир Путин.", "Владимир Путин")]
    public void Titles_and_honorifics_are_stripped(string sentence, string expected)
    {
        var names = PersonNameExtractor.Extract([sentence]);
        Assert.True(expected.Split('|').SequenceEqual(names), $"Expected {expected} but got {string.Join("|", names)} for: {sentence}");
    }

    [Theory]
    [InlineData("Die Internationale Atomenergiebehörde hat die USA und den Iran aufgefordert.")]
    [InlineData("Viele Hardliner in wichtigen iranischen Institutionen, wie etwa dem Korps der Islamischen Revolutionsgarde (IRGC), haben sich gewehrt.")]
    [InlineData("Ende Februar schloss der Iran die Möglichkeit aus, im Nahen Osten zu verhandeln.")]
    [InlineData("Hochrangige Beamte aus den USA und Russland haben das Interesse Washingtons erörtert.")]
    [InlineData("White House officials did not immediately respond to a request for comment.")]
    public void Capitalised_nouns_places_and_organisations_are_not_names(string sentence)
    {
        var names = PersonNameExtractor.Extract([sentence]);
        Assert.True(names.Count == 0, $"Expected no names but got {string.Join("|", names)} for: {sentence}");
    }

    [Fact]
    public void A_bare_surname_needs_support_from_a_full_name_in_the_same_document()
    {
        Assert.Empty(PersonNameExtractor.Extract(["Araghchi spoke at a televised press conference after the meeting."]));
        Assert.Equal(["Abbas Araghchi", "Araghchi"], PersonNameExtractor.Extract(
            ["Russia's Lavrov later shared details with his counterpart, Abbas Araghchi.", "Araghchi said in a televised press conference after the meeting."]));
    }

    [Fact]
    public void Title_case_headline_words_count_only_when_the_body_names_them()
    {
        var names = PersonNameExtractor.Extract(["Putin Agrees to Help Trump Broker Nuclear Talks With Iran", "Trump relayed that interest directly to President Vladimir Putin."]);
        Assert.Equal(["Putin", "Vladimir Putin"], names);
    }

    [Fact]
    public void German_genitive_of_a_known_name_is_that_name() =>
        Assert.Equal(["Putin"], PersonNameExtractor.Extract(["Bloomberg nannte Putins Bedingungen für Verhandlungen"], knownNames: ["Putin"]));

    [Fact]
    public void The_subject_of_a_verb_of_saying_is_a_name_unless_a_determiner_makes_it_a_noun()
    {
        Assert.Equal(["Wiotkoff", "Putin"], PersonNameExtractor.Extract(["Wiotkoff nannte Putins Bedingungen für Verhandlungen"], knownNames: ["Putin"]));
        Assert.Equal(["Araghchi"], PersonNameExtractor.Extract(["Araghchi said talks would go on."]));
        Assert.Empty(PersonNameExtractor.Extract(["Der Kreml sagte nichts.", "Die Zentralbank erklärte den Schritt."]));
    }

    [Fact]
    public void A_capitalised_function_word_after_name_words_is_part_of_the_name() =>
        Assert.Equal(["Nguyen Phu Trong"], PersonNameExtractor.Extract(["The delegation was received by General Secretary Nguyen Phu Trong in the capital."]));
}
