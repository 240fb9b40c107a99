namespace SearchSuite.Names.Tests;

public class AbjadNamesTests
{
    [Theory]
    // Arabic and Persian leave short vowels out and write long ones as glides; the Latin spelling writes them all.
    [InlineData("نادری", "Naderi")]
    [InlineData("فوزیه", "Fawzia")]
    [InlineData("خوري", "Khouri")]
    [InlineData("طارق", "Tareq")]
    [InlineData("ميشال", "Michel")]
    [InlineData("خامنه‌ای", "Khamenei")]
    [InlineData("راما", "Rama")]
    // The article ال is written apart or dropped in Latin spellings.
    [InlineData("العنزي", "Enezi")]
    // Hebrew ב is b, a doubled ו is v and a single one a vowel.
    [InlineData("טרנבול", "Turnbull")]
    [InlineData("קווין", "Kevin")]
    [InlineData("ביל", "Bill")]
    [InlineData("שורטן", "Shorten")]
    // Letters of two sounds: ف is also v and ج also g in foreign names; Hebrew פ is also p, ב v, כ k and ג j.
    [InlineData("كيفن", "Kevin")]
    [InlineData("بوريسوف", "Borisov")]
    [InlineData("جيلارد", "Gillard")]
    [InlineData("פול", "Paul")]
    [InlineData("פרבאנוב", "Parvanov")]
    [InlineData("כריסטיאן", "Kristian")]
    [InlineData("גוליה", "Julia")]
    // An English h after a vowel is silent, and the other scripts leave it out.
    [InlineData("جونسون", "Johnson")]
    public void An_abjad_spelling_shares_its_consonant_skeleton_with_the_latin_one(string abjad, string latin)
    {
        var latinSkeletons = AbjadNames.Skeletons(NameKey.Compute(NameTokens.Normalize(latin)));
        var skeletons = AbjadNames.ReadingsOf(NameTokens.Normalize(abjad)).Select(reading => reading.Skeleton);
        Assert.Contains(skeletons, latinSkeletons.Contains);
    }

    [Theory]
    [InlineData("فياض", "Fayez")]
    [InlineData("ראד", "Rand")]
    public void Other_consonants_give_another_skeleton(string abjad, string latin) =>
        Assert.DoesNotContain(AbjadNames.ReadingsOf(NameTokens.Normalize(abjad)), reading => AbjadNames.Skeletons(NameKey.Compute(NameTokens.Normalize(latin))).Contains(reading.Skeleton));

    [Theory]
    [InlineData("Naderi")]
    [InlineData("Песков")]
    [InlineData("习近平")]
    public void Only_arabic_and_hebrew_words_search_by_skeleton(string word) => Assert.Empty(AbjadNames.ReadingsOf(NameTokens.Normalize(word)));
}
