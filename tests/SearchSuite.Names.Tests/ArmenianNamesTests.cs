namespace SearchSuite.Names.Tests;

public class ArmenianNamesTests
{
    [Theory]
    // The father's name in the genitive, as official Armenian lists give it (Aram A. Grigoryan, Armen T. Sargsyan).
    [InlineData("Արամայիսի")]
    [InlineData("Թեմուրի")]
    [InlineData("Վլադիմիրի")]
    public void A_fathers_name_in_the_genitive_is_a_patronymic(string word) => Assert.True(NameTokens.IsPatronymic(word));

    [Theory]
    // Given names and family names are nominative; women's names in -ուհի ("daughter") only look genitive.
    [InlineData("Զարուհի")]
    [InlineData("Արամ")]
    [InlineData("Գրիգորյան")]
    public void Given_and_family_names_are_not(string word) => Assert.False(NameTokens.IsPatronymic(word));
}
