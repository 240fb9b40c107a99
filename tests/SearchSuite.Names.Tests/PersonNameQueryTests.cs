using SearchSuite.Names;

namespace SearchSuite.Names.Tests;

public class PersonNameQueryTests
{
    // Stands in for the vocabulary of indexed name tokens: everything capitalised except the words listed here.
    private static readonly HashSet<string> NotNames = ["Berlin", "Baron", "Jr", "Politiker", "Rechtsanwalt"];

    private static bool IsKnownName(string word) => char.IsUpper(word[0]) && !NotNames.Contains(word);

    /// <summary>One letter per word: R required, A one of its group must match, o optional.</summary>
    private static string Shape(string query) =>
        string.Join(' ', PersonNameQuery.Parse(query, IsKnownName).Select(t => t.Required ? "R" : t.AnyOf is null ? "o" : "A"));

    [Fact]
    public void In_a_long_name_the_given_name_and_one_of_the_last_two_words_are_required()
    {
        Assert.Equal("R A A", Shape("Reinhard Eugen Bösch"));
        Assert.Equal("R A A", Shape("Cristóbal Montoro Romero"));
        Assert.Equal("R o A A", Shape("José Antonio Alonso Suárez"));
        var tokens = PersonNameQuery.Parse("Cristóbal Montoro Romero", IsKnownName);
        Assert.Equal(tokens[1].AnyOf, tokens[2].AnyOf);
        // A particle, initial or patronymic never stands for the surname: the last word is required.
        Assert.Equal("R o o R", Shape("Karl Theodor zu Guttenberg"));
        Assert.Equal("R o R", Shape("Harry F. Byrd"));
        Assert.Equal("R o R", Shape("Dmitry Sergeyevich Peskov"));
        // Nor does the father's name after "bin": Abdullah bin Ahmad Badawi is no Abdullah Ahmad.
        Assert.Equal("R o o R", Shape("Abdullah bin Ahmad Badawi"));
        Assert.Equal("R A A", Shape("Abdullah Ahmad Badawi"));
    }

    [Fact]
    public void A_double_barrelled_surname_needs_only_one_of_its_parts()
    {
        // Glawischnig-Piesczek / Glawischnig, Brennan-Baker / Baker (a married name), Touk-Geagea / Geagea.
        Assert.Equal("R A A", Shape("Eva Glawischnig-Piesczek"));
        Assert.Equal("R A A", Shape("Claire Brennan-Baker"));
        // With a first surname before it, any of the three may be the one the other spelling keeps.
        Assert.Equal("R A A A", Shape("Jesús Caldera Sánchez-Capitán"));
        // Without a given name before it, the compound is all the name there is.
        Assert.Equal("R R", Shape("Heaton-Harris"));
        Assert.Equal("R o R", Shape("Bahiya al-Hariri"));
    }

    [Fact]
    public void A_leading_title_or_abbreviated_initial_is_no_given_name()
    {
        Assert.Equal("o R R", Shape("Sir George Young"));
        Assert.Equal("o R R", Shape("Tunku Abdul Rahman"));
        Assert.Equal("o R R o", Shape("H. John Heinz III"));
        Assert.Equal("o R R", Shape("Mohd Khir Johari"));
        Assert.Equal("o R o o R", Shape("Mohd Najib bin Abdul Razak"));
        // A title before a lone surname is dropped too (issue 18: "Außenministerin Baerbock" finds Annalena Baerbock),
        // and an undotted letter is a name (the Korean surname O).
        Assert.Equal("o R", Shape("Sir Lavrov"));
        Assert.Equal("R R o", Shape("O Kuk-ryol"));
        bool[] GivenNames(string query) => [.. PersonNameQuery.Parse(query, IsKnownName).Select(t => t.IsGivenName)];
        Assert.Equal([false, true, false, false], GivenNames("H. John Heinz III"));
    }

    [Fact]
    public void A_lower_case_syllable_hyphened_onto_a_given_name_is_optional()
    {
        // Hong Kong and Korean names: "Alice Mak Mei-kuen" is Alice Mak, "Michael Tien Puk-sun" is Michael Tien.
        Assert.Equal("R A A o", Shape("Alice Mak Mei-kuen"));
        Assert.Equal("R A A o", Shape("Michael Tien Puk-sun"));
        Assert.Equal("R R o", Shape("Yun Jong-rin"));
        // A spaced dash separates two names; it joins no compound.
        Assert.Equal("R R R", Shape("Lavrov - Peskov meets"));
    }

    [Fact]
    public void Two_word_names_and_ordinary_words_stay_required()
    {
        Assert.Equal("R R", Shape("Sergei Lavrov"));
        Assert.Equal("R R R", Shape("Lavrov met Peskov"));
        // "Berlin" is no known name, so the run is no person's name.
        Assert.Equal("R R R", Shape("Angela Merkel Berlin"));
        // Lower-case queries get no name rules.
        Assert.Equal("R R R", Shape("reinhard eugen bösch"));
    }

    [Fact]
    public void Surname_comma_given_name_is_one_name_with_the_surname_last()
    {
        Assert.Equal("R R o", Shape("Костов, Иван Йорданов"));
        // A lower-case word ends the name; "оглы" is a patronymic marker, which the planner and scorer make optional.
        Assert.Equal("R R o R", Shape("Аббасов, Айдын Аббас оглы"));
        Assert.Equal("R R", Shape("Putin, Trump"));
    }

    [Fact]
    public void Qualifiers_in_parentheses_or_after_a_comma_are_optional()
    {
        Assert.Equal("R R o", Shape("Georg Vetter (Rechtsanwalt)"));
        Assert.Equal("R o R", Shape("Putin (Kremlin) Peskov"));
        Assert.Equal("R R o", Shape("Ian Paisley, Jr."));
        Assert.Equal("R R o", Shape("Jiří Dienstbier Jr."));
        Assert.Equal("R R o o o o o", Shape("George Robertson, Baron Robertson of Port Ellen"));
        Assert.Equal("R R o o", Shape("James McGrigor, 6. Baronet"));
    }

    [Fact]
    public void The_given_name_is_the_first_word_of_a_multi_word_name()
    {
        bool[] GivenNames(string query) => [.. PersonNameQuery.Parse(query, IsKnownName).Select(t => t.IsGivenName)];

        Assert.Equal([true, false], GivenNames("Dick Durbin"));
        Assert.Equal([false, true, false], GivenNames("Durbin, Dick J"));
        Assert.Equal([true, false, false], GivenNames("Ian Paisley, Jr."));
        // A lone word is no given name: "bill" in a search is rarely a person.
        Assert.Equal([false], GivenNames("Bill"));
        Assert.Equal([false, false], GivenNames("Bill Berlin"));
    }

    [Fact]
    public void Words_keep_apostrophes_between_letters_and_split_at_other_punctuation()
    {
        Assert.Equal(["US", "Präsident", "O'Neal", "H`Yim", "Nguyễn", "2025"], PersonNameQuery.Words("US-Präsident, O'Neal H`Yim 'Nguyễn' (2025)!"));
    }

    [Theory]
    // Titles and offices in many languages, also of several words, before a full name or a lone surname.
    [InlineData("Außenministerin Baerbock", "o R")]
    [InlineData("Außenministerin Annalena Baerbock", "o R R")]
    [InlineData("Secretary-General Guterres", "o o R")]
    [InlineData("Kremlsprecher Dmitri Peskow", "o R R")]
    [InlineData("Kremlin spokesman Dmitry Peskov", "o o R R")]
    [InlineData("Mr. Antony Blinken", "o R R")]
    [InlineData("Dr. Angela Merkel", "o R R")]
    [InlineData("President Volodymyr Zelensky", "o R R")]
    [InlineData("Präsident Selenskyj", "o R")]
    [InlineData("Bundeskanzlerin Angela Merkel", "o R R")]
    [InlineData("ông Nguyễn Phú Trọng", "o R A A")]
    [InlineData("bà Phạm Thị Thanh Trà", "o R o o R")]
    [InlineData("Sheikh Mohammed bin Zayed", "o R o R")]
    [InlineData("Thủ tướng Phạm Minh Chính", "o o R o R")]
    // An article before the title goes with it.
    [InlineData("der Außenminister Baerbock", "o o R")]
    [InlineData("Der Kremlsprecher Dmitri Peskow", "o o R R")]
    [InlineData("the President Joe Biden", "o o R R")]
    [InlineData("le président Michel Vauzelle", "o o R R")]
    public void A_title_before_a_name_is_no_part_of_it(string query, string shape) => Assert.Equal(shape, Shape(query));

    [Theory]
    // A word that is a title only in front of a name: a surname "King" or a lone "President" stays a word to find.
    [InlineData("Stephen King", "R R")]
    [InlineData("President", "R")]
    [InlineData("Angus King", "R R")]
    // An article is dropped only with a title and a name after it; a name word that is an article stays ("Le Kha Phieu").
    [InlineData("the President", "R R")]
    [InlineData("Le Kha Phieu", "R o R")]
    public void A_title_word_elsewhere_is_a_word_to_find(string query, string shape) => Assert.Equal(shape, Shape(query));

    [Theory]
    // Names typed without spaces read as their words when each part is a known name and the whole is not.
    [InlineData("AntonyBlinken", "Antony Blinken")]
    [InlineData("NguyenXuanPhuc", "Nguyen Xuan Phuc")]
    [InlineData("Annalena-Baerbock", "Annalena Baerbock")]
    public void A_name_typed_without_spaces_is_read_as_its_words(string query, string words) =>
        Assert.Equal(words, string.Join(' ', PersonNameQuery.Parse(query, w => IsKnownName(w) && !w.Skip(1).Any(char.IsUpper)).Select(t => t.Text)));

    [Fact]
    public void A_known_name_with_a_capital_inside_stays_whole()
    {
        Assert.Equal(["McDonald"], PersonNameQuery.Parse("McDonald", w => w is "McDonald" or "Donald").Select(t => t.Text));
        // "Mc" is no known name, so the word is not split.
        Assert.Equal(["McCaskill"], PersonNameQuery.Parse("McCaskill", w => w is "Caskill").Select(t => t.Text));
    }
}
