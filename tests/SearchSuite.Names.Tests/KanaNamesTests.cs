namespace SearchSuite.Names.Tests;

public class KanaNamesTests
{
    [Theory]
    // Hepburn without macrons: small ya/yu/yo join the syllable, small vowels replace its vowel, ッ doubles, ー drops.
    [InlineData("ジョン", "jon")]
    [InlineData("ハワード", "hawado")]
    [InlineData("シュレーダー", "shureda")]
    [InlineData("ラッド", "raddo")]
    [InlineData("マッチ", "matchi")]
    [InlineData("ファビウス", "fabiusu")]
    [InlineData("ウィルソン", "wiruson")]
    [InlineData("ヴェルナー", "veruna")]
    [InlineData("ティム", "timu")]
    [InlineData("きしだ", "kishida")]
    public void Kana_reads_in_Hepburn(string kana, string romanised) => Assert.Equal(romanised, KanaNames.Romanise(kana));

    [Fact]
    public void The_fold_reads_kana_in_Hepburn() => Assert.Equal("kebin", NameTokens.Fold("ケビン"));

    [Theory]
    // The consonants Japanese hears in a foreign name: vowels added, r after a vowel dropped, l as r, v as b.
    [InlineData("ターンブル", "Turnbull")]
    [InlineData("ギラード", "Gillard")]
    [InlineData("ケビン", "Kevin")]
    [InlineData("ハワード", "Howard")]
    [InlineData("ビーズリー", "Beazley")]
    [InlineData("アレクサンダー", "Alexander")]
    [InlineData("ノードランド", "Nordlund")]
    // Hangul transcribes a foreign name alike, and writes b and v as ㅂ, f and p as ㅍ (케빈 러드: Kevin Rudd).
    [InlineData("케빈", "Kevin")]
    [InlineData("턴불", "Turnbull")]
    [InlineData("길라드", "Gillard")]
    // An r after a vowel that the name sounds has its own syllable (Umberto: ウンベルト).
    [InlineData("ウンベルト", "Umberto")]
    [InlineData("ベルサーニ", "Bersani")]
    public void A_kana_spelling_shares_a_skeleton_of_the_Latin_one(string kana, string latin) =>
        Assert.Contains(KanaNames.Skeleton(NameKey.Compute(kana)), KanaNames.Skeletons(NameKey.Compute(latin)));

    [Theory]
    [InlineData("ラッド", "Ross")]
    [InlineData("ケビン", "Cohen")]
    public void Other_names_keep_other_skeletons(string kana, string latin) =>
        Assert.DoesNotContain(KanaNames.Skeleton(NameKey.Compute(kana)), KanaNames.Skeletons(NameKey.Compute(latin)));

    [Fact]
    public void Latin_and_Cyrillic_tokens_are_not_kana()
    {
        Assert.False(KanaNames.IsKana("Kevin"));
        Assert.False(KanaNames.IsKana("Песков"));
        Assert.Equal("Kevin", KanaNames.Romanise("Kevin"));
    }
}
