using SearchSuite.Text.Attribution;

namespace SearchSuite.Text.Tests;

public class CitedSourceExtractorTests
{
    [Theory]
    [InlineData("Putin wird Trump bei den Verhandlungen mit dem Iran helfen, sagt Bloomberg.")]
    [InlineData("Laut Bloomberg hat Trump dies Putin während eines Telefonats vorgeschlagen.")]
    [InlineData("In einem Interview mit der Nachrichtenagentur Bloomberg sagte Kremlsprecher Dmitri Peskow: \"Russland ist der Ansicht\"")]
    [InlineData("Russia agreed to assist, according to Bloomberg.")]
    public void Attributions_to_bloomberg_are_citations(string sentence) =>
        Assert.Equal(["Bloomberg"], CitedSourceExtractor.Extract(sentence));

    [Fact]
    public void Sources_told_reuters_is_a_citation() =>
        Assert.Equal(["Reuters"], CitedSourceExtractor.Extract("Two sources told Reuters the talks had stalled."));

    [Fact]
    public void Photo_credit_is_not_a_citation() =>
        Assert.Empty(CitedSourceExtractor.Extract("US-Präsident Donald Trump und sein russischer Amtskollege Wladimir Putin (Foto: Reuters)."));

    [Fact]
    public void Questions_sent_by_the_outlet_itself_are_not_a_citation() =>
        Assert.Empty(CitedSourceExtractor.Extract("Kremlin spokesman Dmitry Peskov said in response to questions sent by Bloomberg that Russia believes."));

    [Fact]
    public void Citations_are_unique_and_in_text_order() =>
        Assert.Equal(["Reuters", "Bloomberg"],
            CitedSourceExtractor.Extract("According to Reuters, talks resumed. Laut Bloomberg ja. Bloomberg reported more."));
}

public class KnownOutletsTests
{
    [Theory]
    [InlineData("https://dantri.com.vn/the-gioi/ong-putin-hua-giup-ong-trump-dam-phan-nhat-nhan-voi-iran-20250304212948796.htm", "Dan Tri", "vi")]
    [InlineData("https://www.bloomberg.com/news/articles/2025-03-04/x", "Bloomberg", "en")]
    public void Known_hosts_give_outlet_and_language(string url, string outlet, string language)
    {
        var known = KnownOutlets.FromUrl(url);
        Assert.Equal(outlet, known?.Name);
        Assert.Equal(language, OriginLanguage.Infer(known, url));
    }

    [Fact]
    public void Unknown_host_falls_back_to_the_country_domain()
    {
        const string url = "https://www.example.de/politik/artikel";
        Assert.Null(KnownOutlets.FromUrl(url));
        Assert.Equal("de", OriginLanguage.Infer(null, url));
        Assert.Null(OriginLanguage.Infer(null, "https://example.com/x"));
        Assert.Null(OriginLanguage.Infer(null, null));
    }

    [Theory]
    [InlineData("Dan Tri", "Dan Tri")]
    [InlineData("Dân trí", "Dan Tri")]
    [InlineData("Reuters", "Reuters")]
    public void Dateline_names_resolve_to_outlets(string name, string expected) =>
        Assert.Equal(expected, KnownOutlets.FromName(name)?.Name);

    [Theory]
    [InlineData("Putin Agrees to Help Trump Broker Nuclear Talks With Iran: Bloomberg Exclusive", "Bloomberg")]
    [InlineData("Russia offers to mediate with Iran - Reuters", "Reuters")]
    [InlineData("Putin wird Trump bei den Verhandlungen mit dem Iran helfen, sagt Bloomberg.", null)]
    public void Headline_suffix_names_the_outlet(string title, string? expected) =>
        Assert.Equal(expected, KnownOutlets.FromHeadlineSuffix(title)?.Name);
}
