namespace SearchSuite.Names.Tests;

public class EastAsianNamesTests
{
    [Theory]
    // A Chinese name is its family name and its given name, which Pinyin writes as one word (Xi Jinping).
    [InlineData("习近平", new[] { "习", "近平" })]
    [InlineData("王毅", new[] { "王", "毅" })]
    // A Korean name is its family name and the syllables of its given name, which the press hyphenates (Kim Jong-un).
    [InlineData("김정은", new[] { "김", "정", "은" })]
    [InlineData("문재인", new[] { "문", "재", "인" })]
    public void Parts_split_a_name_where_the_press_spells_it_apart(string word, string[] expected) =>
        Assert.Equal(expected, EastAsianNames.Parts(word));

    [Theory]
    [InlineData("Kim")]
    [InlineData("김")]
    [InlineData("조선민주주의인민공화국")]
    [InlineData("习近平ABC")]
    public void Parts_leave_other_words_whole(string word) => Assert.Null(EastAsianNames.Parts(word));

    [Theory]
    // McCune–Reischauer without its marks, as the press writes North Korean names, with ㅈ as j.
    [InlineData("김정은", "kimjongun")]
    [InlineData("최룡해", "choeryonghae")]
    [InlineData("황병서", "hwangpyongso")]
    [InlineData("강석주", "kangsokju")]
    [InlineData("Kim 김", "Kim kim")]
    public void RomaniseHangul_reads_syllables_as_the_press_spells_them(string text, string expected) =>
        Assert.Equal(expected, EastAsianNames.RomaniseHangul(text));

    [Fact]
    public void Hangul_also_has_its_Revised_Romanisation_reading()
    {
        var key = NameKey.Compute("근");
        Assert.Equal("kun", key);
        Assert.Equal([NameKey.Compute("geun")], EastAsianNames.OtherReadingKeys("근", key));
        Assert.Empty(EastAsianNames.OtherReadingKeys("Geun", NameKey.Compute("Geun")));
    }

    [Fact]
    public void A_silent_initial_before_i_also_reads_as_the_r_South_Korean_spelling_drops() =>
        Assert.Contains(NameKey.Compute("ri"), EastAsianNames.OtherReadingKeys("이", NameKey.Compute("이")));
}
