using SearchSuite.Names;

namespace SearchSuite.Names.Tests;

public class PersonNameQueryTests
{
    // Stands in for the vocabulary of indexed name tokens: everything capitalised except the words listed here.
    private static readonly HashSet<string> NotNames = ["Berlin", "Baron", "Jr", "Politiker", "Rechtsanwalt"];

    private static bool IsKnownName(string word) => char.IsUpper(word[0]) && !NotNames.Contains(word);

    private static bool[] Required(string query) => [.. PersonNameQuery.Parse(query, IsKnownName).Select(t => t.Required)];

    [Fact]
    public void Inner_words_of_a_long_name_are_optional_first_and_last_are_required()
    {
        Assert.Equal([true, false, true], Required("Reinhard Eugen Bösch"));
        Assert.Equal([true, false, false, true], Required("Karl Theodor zu Guttenberg"));
    }

    [Fact]
    public void A_double_barrelled_surname_needs_only_its_first_part()
    {
        Assert.Equal([true, true, false], Required("Eva Glawischnig-Piesczek"));
        Assert.Equal([true, false, true, false], Required("Jesús Caldera Sánchez-Capitán"));
        // Without a given name before it, the compound is all the name there is.
        Assert.Equal([true, true], Required("Heaton-Harris"));
        Assert.Equal([true, false, true], Required("Bahiya al-Hariri"));
    }

    [Fact]
    public void Two_word_names_and_ordinary_words_stay_required()
    {
        Assert.Equal([true, true], Required("Sergei Lavrov"));
        Assert.Equal([true, true, true], Required("Lavrov met Peskov"));
        // "Berlin" is no known name, so the run is no person's name.
        Assert.Equal([true, true, true], Required("Angela Merkel Berlin"));
        // Lower-case queries get no name rules.
        Assert.Equal([true, true, true], Required("reinhard eugen bösch"));
    }

    [Fact]
    public void Surname_comma_given_name_is_one_name_with_the_surname_last()
    {
        Assert.Equal([true, true, false], Required("Костов, Иван Йорданов"));
        // A lower-case word ends the name; "оглы" is a patronymic marker, which the planner and scorer make optional.
        Assert.Equal([true, true, false, true], Required("Аббасов, Айдын Аббас оглы"));
        Assert.Equal([true, true], Required("Putin, Trump"));
    }

    [Fact]
    public void Qualifiers_in_parentheses_or_after_a_comma_are_optional()
    {
        Assert.Equal([true, true, false], Required("Georg Vetter (Rechtsanwalt)"));
        Assert.Equal([true, false, true], Required("Putin (Kremlin) Peskov"));
        Assert.Equal([true, true, false], Required("Ian Paisley, Jr."));
        Assert.Equal([true, true, false], Required("Jiří Dienstbier Jr."));
        Assert.Equal([true, true, false, false, false, false, false], Required("George Robertson, Baron Robertson of Port Ellen"));
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
}
