namespace SearchSuite.Names.Tests;

/// <summary>
/// Pins what each word splitter and folder of the names library returns on real snippets (German, Vietnamese with
/// precomposed and decomposed diacritics, Russian, hyphenated and apostrophe names, digits, zero-width characters,
/// emoji), so that moving them onto one splitter and one folding class changes nothing. Words are joined with "|".
/// </summary>
public class TextToolkitCharacterizationTests
{
    [Theory]
    [InlineData("Yoon Suk-yeol", "yoon|suk|yeol")]
    [InlineData("O'Neal", "oneal")]
    [InlineData("Chamene'i", "chamenei")]
    [InlineData("Nguye\u0302\u0303n Phú", "nguyễn|phú")]
    [InlineData("Песков, Дмитрий Сергеевич", "песков|дмитрий|сергеевич")]
    [InlineData("Baer\u200Bbock", "baer|bock")]
    [InlineData("خامنه\u200Cای", "خامنهای")]
    [InlineData("G7 Putin 👍 2024", "g7|putin|2024")]
    [InlineData("ab''cd 'x ' y'", "abcd|x|y")]
    [InlineData("Dr. Jean-Marie Le Pen", "dr|jean|marie|le|pen")]
    public void Name_tokens_split(string name, string expected) =>
        Assert.Equal(expected, string.Join('|', NameTokens.Split(name)));

    [Theory]
    [InlineData("Am Dienstag traf Lawrow den Präsidenten in Berlin.", "Am|Dienstag|Lawrow|Präsidenten|Berlin")]
    [InlineData("Yoon Suk-yeol met O'Neal", "Yoon|Suk|yeol|O'Neal")]
    [InlineData("G7 summit in Hiroshima 2024", "G|Hiroshima")]
    [InlineData("Ông Nguyễn Phú Trọng nói", "Ông|Nguyễn|Phú|Trọng")]
    [InlineData("Ông Nguye\u0302\u0303n nói", "Ông|Nguye\u0302\u0303n")]
    [InlineData("Песков заявил, что Путин 👍", "Песков|Путин")]
    [InlineData("خامنه\u200Cای said", "خامنه|ای")]
    [InlineData("Trump's aide and Chamene\u2019i", "Trump's|Chamene\u2019i")]
    [InlineData("Baer\u200Bbock", "Baer")]
    [InlineData("O''Neal O'", "O|Neal|O")]
    public void Capitalised_words_of_running_text(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', NameTokens.CapitalisedWords(text)));

    [Theory]
    [InlineData("Außenministerin Baerbock", "Außenministerin|Baerbock")]
    [InlineData("Secretary-General Guterres", "Secretary|General|Guterres")]
    [InlineData("O'Neal, Jr. (Politiker)", "O'Neal|Jr|Politiker")]
    [InlineData("خامنه\u200Cای", "خامنه\u200Cای")]
    [InlineData("Nguye\u0302\u0303n Phú Trọng", "Nguye\u0302\u0303n|Phú|Trọng")]
    [InlineData("G7 2024 👍 Putin", "G7|2024|Putin")]
    [InlineData("ab''cd 'x y'", "ab|cd|x|y")]
    [InlineData("Baer\u200Bbock", "Baer|bock")]
    public void Person_name_query_words(string query, string expected) =>
        Assert.Equal(expected, string.Join('|', PersonNameQuery.Words(query)));

    [Theory]
    [InlineData("Песков", "peskov")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("Nguye\u0302\u0303n", "nguyen")]
    [InlineData("Đảng", "dang")]
    [InlineData("Außen", "aussen")]
    [InlineData("O'Neal", "oneal")]
    [InlineData("G7", "g")]
    [InlineData("김정은", "kimjongun")]
    [InlineData("Babiš", "babish")]
    [InlineData("Putin👍", "putinthumbsup")]
    public void Name_tokens_fold_to_ascii(string token, string expected) =>
        Assert.Equal(expected, NameTokens.Fold(token));
}
