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
    // A j also reads as the soft g it transcribes, and a Hangul ㅈ as the z Korean writes with it.
    [InlineData("ロジャー", "Roger")]
    [InlineData("로저", "Roger")]
    [InlineData("제만", "Zeman")]
    public void A_j_also_reads_as_the_sound_the_script_writes_with_it(string word, string latin)
    {
        var form = NameTokens.Normalize(word);
        var latinSkeletons = KanaNames.Skeletons(NameKey.Compute(latin));
        Assert.DoesNotContain(KanaNames.Skeleton(NameKey.Compute(form)), latinSkeletons);
        Assert.Contains(KanaNames.ReadingsOf(form, NameKey.Compute(form)), reading => latinSkeletons.Contains(reading.Skeleton));
    }

    [Fact]
    public void A_kana_j_is_not_read_as_z() =>
        Assert.DoesNotContain(KanaNames.ReadingsOf("ジマン", NameKey.Compute("ジマン")), reading => KanaNames.Skeletons(NameKey.Compute("Zeman")).Contains(reading.Skeleton));

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
