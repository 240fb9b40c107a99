namespace SearchSuite.Names.Tests;

public class GreekNamesTests
{
    [Theory]
    // Greek writes the b, d, g and j of foreign names with two letters anywhere in the word, and y before a vowel as γι.
    [InlineData("Άμποτ", "Abbott")]
    [InlineData("Γκίλαρντ", "Gillard")]
    [InlineData("Τζον", "Jon")]
    [InlineData("Ίνγκραχαμ", "Ingraham")]
    [InlineData("Γιάντρανκα", "Jadranka")]
    [InlineData("Χάουαρντ", "Howard")]
    [InlineData("Μπάροου", "Barrow")]
    [InlineData("Ουίλιαμ", "William")]
    public void A_foreign_name_in_greek_reads_with_its_latin_key(string greek, string latin)
    {
        var form = NameTokens.Normalize(greek);
        Assert.Equal(NameKey.Compute(latin), GreekNames.ForeignReadingKey(form, NameKey.Compute(form)));
    }

    [Theory]
    // A Greek name keeps its mb and nd inside the word, so its own key is still the one that meets its Latin spelling.
    [InlineData("Λάμπρος", "Lampros")]
    [InlineData("Αντώνης", "Antonis")]
    public void A_greek_name_keeps_its_own_key(string greek, string latin) =>
        Assert.Equal(NameKey.Compute(latin), NameKey.Compute(NameTokens.Normalize(greek)));

    [Theory]
    [InlineData("Abbott")]
    [InlineData("Ράμα")]
    public void Words_without_a_foreign_cluster_have_no_other_reading(string word)
    {
        var form = NameTokens.Normalize(word);
        Assert.Empty(ScriptReadings.OtherReadingKeys(form, NameKey.Compute(form)));
    }
}
