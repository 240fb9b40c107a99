namespace SearchSuite.Names.Tests;

public class NameTokensTests
{
    [Fact]
    public void Split_lowercases_tokens_from_a_seed_sentence()
    {
        var snippet = SeedArticles.Snippet("001", "Kremlsprecher Dmitri Peskow:");
        Assert.Equal(["kremlsprecher", "dmitri", "peskow"], NameTokens.Split(snippet));
    }

    [Theory]
    [InlineData("Chamene'i", new[] { "chamenei" })]
    [InlineData("Kim Il-Jin", new[] { "kim", "il", "jin" })]
    [InlineData("Бганба, Валерий Рамшухович", new[] { "бганба", "валерий", "рамшухович" })]
    [InlineData("Nguyễn Phú Trọng", new[] { "nguyễn", "phú", "trọng" })]
    [InlineData("  ", new string[0])]
    // A zero-width non-joiner sits inside a Persian word.
    [InlineData("علی خامنه\u200Cای", new[] { "علی", "خامنهای" })]
    public void Split_separates_on_spaces_hyphens_and_commas_but_not_apostrophes(string name, string[] expected) =>
        Assert.Equal(expected, NameTokens.Split(name));

    [Theory]
    [InlineData("Песков", "peskov")]
    [InlineData("Зеленський", "zelenskiy")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("Đạt", "dat")]
    [InlineData("Gorbatschow", "gorbatschow")]
    [InlineData("Ţurcan", "tsurcan")]
    public void Fold_transliterates_and_strips_accents(string token, string expected) => Assert.Equal(expected, NameTokens.Fold(token));

    [Theory]
    // A soft or hard sign before a vowel is the glide y/j of the English and German spellings.
    [InlineData("Васильев", "vasilyev")]
    [InlineData("Соловьёв", "solovyov")]
    [InlineData("Илья", "ilyya")]
    [InlineData("Ильич", "ilyich")]
    // Háček letters are ш, ж, ч; in a Czech or Baltic spelling c is ц.
    [InlineData("Babiš", "babish")]
    [InlineData("Krēsliņš", "kreslinsh")]
    [InlineData("Cilevičs", "tsilevichs")]
    [InlineData("Šics", "shitss")]
    [InlineData("Choulong", "choulong")]
    // Azerbaijani ə is a.
    [InlineData("Rüfət", "rufat")]
    // Romanian spellings read as Moldovan Cyrillic: ce/ci are че/чи, che/chi are ке/ки, ea is я, ă is э.
    [InlineData("Ghileşchi", "ghileshki")]
    [InlineData("Ghileţchi", "ghiletski")]
    [InlineData("Leancă", "lyanke")]
    [InlineData("Untilă", "untile")]
    [InlineData("Ceaușescu", "chaushescu")]
    // Not Romanian: Vietnamese ă is never final, and a one-syllable minority name is no Romanian word.
    [InlineData("Văn", "van")]
    [InlineData("KPă", "kpa")]
    [InlineData("Ceban", "ceban")]
    public void Fold_reads_letter_groups_as_the_press_transliterates_them(string token, string expected) =>
        Assert.Equal(expected, NameTokens.Fold(token));

    [Theory]
    [InlineData("Васильев", true)]
    [InlineData("Solovyov", false)]
    public void IsCyrillic_tells_the_script(string token, bool expected) => Assert.Equal(expected, NameTokens.IsCyrillic(token));

    [Theory]
    [InlineData("Nguyễn", true)]
    [InlineData("Đinh", true)]
    [InlineData("Trọng", true)]
    [InlineData("Thưởng", true)]
    [InlineData("Lâm", false)]
    [InlineData("José", false)]
    [InlineData("Nguyen", false)]
    public void IsVietnamese_needs_a_mark_only_Vietnamese_uses(string token, bool expected) =>
        Assert.True(NameTokens.IsVietnamese(token) == expected, $"IsVietnamese({token}) should be {expected}");

    [Theory]
    [InlineData("Сергеевич", true)]
    [InlineData("Ivanovna", true)]
    [InlineData("оглы", true)]
    [InlineData("Ильич", true)]
    [InlineData("Medvedchuk", false)]
    [InlineData("Ivanov", false)]
    // -ović/-ovič ends Serbian, Croatian and Czech surnames.
    [InlineData("Gandalovič", false)]
    [InlineData("Milošević", false)]
    public void IsPatronymic_recognises_patronymic_endings(string token, bool expected) =>
        Assert.True(NameTokens.IsPatronymic(token) == expected, $"IsPatronymic({token}) should be {expected}");
}
