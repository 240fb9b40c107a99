using SearchSuite.Testing;

namespace SearchSuite.Text.Tests;

public class DocumentNormalizerTests
{
    private static readonly DocumentNormalizer Normalizer = new();

    private static NormalizedDocument NormalizeSeed(string seed) => Normalizer.Normalize(new RawDocument(TestData.Seed(seed)));

    [Fact]
    public void Seed000_german_article_with_related_links()
    {
        var doc = NormalizeSeed(TestData.Seed000);

        Assert.Equal("Putin wird Trump bei den Verhandlungen mit dem Iran helfen, sagt Bloomberg.", doc.Title);
        Assert.StartsWith("Russland hat sich bereit erklärt, der Regierung des US-Präsidenten Donald Trump bei der Kommunikation mit dem Iran", doc.Body);
        Assert.EndsWith("\nRussland und der Iran stärken die Zusammenarbeit, aber es ist noch unklar, inwieweit der Iran bereit sein wird, über Russland mit den USA zusammenzuarbeiten.", doc.Body);
        Assert.Equal(8, doc.Body.Split('\n').Length);
        Assert.Equal(("de", null, null, null), (doc.Language, doc.OriginLanguage, doc.SourceUrl, doc.Outlet));
        Assert.Equal(["Bloomberg"], doc.CitedSources);
        Assert.Equal(6, doc.RelatedHeadlines.Count);
        Assert.Equal("Wiotkoff nannte Putins Bedingungen für Verhandlungen: Die Ukraine muss möglicherweise nachgeben", doc.RelatedHeadlines[^1]);
        Assert.Equal([RemovedKind.Title, .. Enumerable.Repeat(RemovedKind.RelatedArticles, 7)], doc.Removed.Select(span => span.Kind));
        Assert.Equal(["Putin", "Trump", "Donald Trump"], doc.PersonNames);
        Assert.Equal(["Putin", "Wiotkoff"], doc.RelatedPersonNames);
        Assert.DoesNotContain("Lesen Sie auch", doc.Body);
    }

    [Fact]
    public void Seed001_translated_dan_tri_article()
    {
        var doc = NormalizeSeed(TestData.Seed001);

        Assert.Equal("", doc.Title);
        Assert.StartsWith("Der russische Präsident Wladimir Putin hat sich bereit erklärt, die Regierung von US-Präsident Donald Trump bei Verhandlungen", doc.Body);
        Assert.EndsWith("\nZuvor hatte US-Außenminister Marco Rubio betont, dass der Iran während der Amtszeit von Präsident Trump keine Atomwaffen besitzen werde.", doc.Body);
        Assert.Contains("Peskow: \"Russland ist der Ansicht,", doc.Body);
        Assert.Equal("de", doc.Language);
        Assert.True(doc.LanguageConfidence > 0.5, $"confidence {doc.LanguageConfidence}");
        Assert.Equal("vi", doc.OriginLanguage);
        Assert.Equal("https://dantri.com.vn/the-gioi/ong-putin-hua-giup-ong-trump-dam-phan-nhat-nhan-voi-iran-20250304212948796.htm", doc.SourceUrl);
        Assert.Equal("Dan Tri", doc.Outlet);
        Assert.Equal(["Bloomberg"], doc.CitedSources);
        Assert.Empty(doc.RelatedHeadlines);
        Assert.Equal(
            [(RemovedKind.Dateline, "(Dan Tri) –"), (RemovedKind.AdMarker, "[Anzeige_2]"),
             (RemovedKind.SourceLine, "Quelle: " + doc.SourceUrl), (RemovedKind.CommentCounter, "Kommentar (0)")],
            doc.Removed.Select(span => (span.Kind, span.Text)));
        foreach (var name in new[] { "Wladimir Putin", "Donald Trump", "Dmitri Peskow", "Ali Khamenei", "Abbas Araghchi", "Marco Rubio" })
            Assert.Contains(name, doc.PersonNames);
        foreach (var notAName in new[] { "Russland", "Iran", "Februar", "Bloomberg", "Reuters" })
            Assert.DoesNotContain(notAName, doc.PersonNames);
        Assert.Empty(doc.RelatedPersonNames);
    }

    [Fact]
    public void Seed003_english_bloomberg_article_with_podcast_listing()
    {
        var doc = NormalizeSeed(TestData.Seed003);

        Assert.Equal("Putin Agrees to Help Trump Broker Nuclear Talks With Iran: Bloomberg Exclusive", doc.Title);
        Assert.StartsWith("Russia agreed to assist President Donald Trump's administration in communicating with Iran", doc.Body);
        Assert.EndsWith("\nRussia's Lavrov later shared details about the US meeting with his Iranian counterpart Abbas Araghchi when they met in Tehran, Araghchi said in a televised press conference after the meeting.", doc.Body);
        Assert.Equal(9, doc.Body.Split('\n').Length);
        Assert.Equal("en", doc.Language);
        Assert.Equal("Bloomberg", doc.Outlet);
        Assert.Equal("en", doc.OriginLanguage);
        Assert.Null(doc.SourceUrl);
        Assert.Empty(doc.CitedSources);
        Assert.Empty(doc.RelatedHeadlines);
        foreach (var junk in new[] { "badfluence", "Daybreak Weekend", "Avsnitt", "omnystudio" })
        {
            Assert.DoesNotContain(junk, doc.Body);
            Assert.DoesNotContain(junk, doc.Title);
        }
        var kinds = doc.Removed.Select(span => span.Kind).Distinct();
        Assert.Equal([RemovedKind.Title, RemovedKind.RepeatedTitle, RemovedKind.PrivacyNotice, RemovedKind.PodcastListing, RemovedKind.DirectoryLinks], kinds);
        Assert.Equal(["Putin", "Trump", "Donald Trump", "Vladimir Putin", "Dmitry Peskov", "Esmaeil Baghaei", "Marco Rubio", "Sergei Lavrov", "Lavrov", "Abbas Araghchi", "Araghchi"], doc.PersonNames);
    }

    [Theory]
    [InlineData(TestData.Seed000)]
    [InlineData(TestData.Seed001)]
    [InlineData(TestData.Seed003)]
    public void Nothing_is_lost_body_and_removed_spans_cover_every_word_of_the_cleaned_input(string seed)
    {
        var clean = TestData.CleanSeed(seed);
        var doc = Normalizer.Normalize(new RawDocument(TestData.Seed(seed)));

        Assert.All(doc.Removed, span => Assert.Equal(span.Text, clean.Substring(span.Start, span.Length)));
        var covered = new bool[clean.Length];
        foreach (var span in doc.Removed) Array.Fill(covered, true, span.Start, span.Length);
        var outsideSpans = string.Concat(clean.Select((c, i) => covered[i] ? ' ' : c));
        Assert.Equal(Words(doc.Body), Words(outsideSpans));
    }

    [Fact]
    public void Whitespace_and_boilerplate_differences_give_the_same_fingerprint()
    {
        var original = NormalizeSeed(TestData.Seed001);
        var rewrapped = Normalizer.Normalize(new RawDocument(TestData.Seed(TestData.Seed001).Replace("\n", "\r\n\r\n").Replace("Kommentar (0)", "Kommentare (12)")));
        Assert.Equal(original.Fingerprint, rewrapped.Fingerprint);
        Assert.NotEqual(original.Fingerprint, NormalizeSeed(TestData.Seed000).Fingerprint);
    }

    [Fact]
    public void The_client_s_fields_and_metadata_override_every_derived_field()
    {
        // Ingest has moved the "title", "source_url" and "language" keys onto their fields (DocumentSubmitted.WithMetadataOverrides).
        var metadata = new Dictionary<string, string> { ["outlet"] = "Example", ["origin_language"] = "en", ["cited_sources"] = "AP, Reuters" };
        var doc = Normalizer.Normalize(new RawDocument(TestData.Seed(TestData.Seed001), "Own title", "https://example.org/a", "vi", metadata));

        Assert.Equal(("Own title", "https://example.org/a", "Example", "vi", 1.0, "en"),
            (doc.Title, doc.SourceUrl, doc.Outlet, doc.Language, doc.LanguageConfidence, doc.OriginLanguage));
        Assert.Equal(["AP", "Reuters"], doc.CitedSources);
    }

    [Fact]
    public void Language_hint_wins_over_detection_and_caller_title_is_removed_from_the_body()
    {
        var text = TestData.Seed(TestData.Seed003);
        var doc = Normalizer.Normalize(new RawDocument(text, Title: "Putin Agrees to Help Trump Broker Nuclear Talks With Iran: Bloomberg Exclusive", LanguageHint: "en"));

        Assert.Equal(("en", 1.0), (doc.Language, doc.LanguageConfidence));
        Assert.StartsWith("Russia agreed to assist", doc.Body);
    }

    [Trait("Category", TestCategories.SharedData)]
    [Fact]
    public void Ntrex_articles_lose_nothing()
    {
        var damaged = new[] { "en", "de", "vi", "ru" }.SelectMany(TestData.Ntrex)
            .Select(doc => (doc.Title, Removed: Normalizer.Normalize(new RawDocument(doc.Text)).Removed))
            .Where(result => result.Removed.Count > 0)
            .Select(result => $"{result.Title}: {result.Removed[0].Kind} '{result.Removed[0].Text}'")
            .ToList();
        Assert.True(damaged.Count == 0, $"Boilerplate steps removed text from plain news: {string.Join("; ", damaged.Take(3))}");
    }

    [Fact]
    public void Is_safe_to_share_across_threads()
    {
        var seeds = new[] { TestData.Seed000, TestData.Seed001, TestData.Seed003 };
        var expected = seeds.Select(seed => NormalizeSeed(seed).Fingerprint + string.Join('|', NormalizeSeed(seed).PersonNames)).ToArray();
        var results = new string[seeds.Length * 32];
        Parallel.For(0, results.Length, i =>
        {
            var doc = NormalizeSeed(seeds[i % seeds.Length]);
            results[i] = doc.Fingerprint + string.Join('|', doc.PersonNames);
        });
        for (var i = 0; i < results.Length; i++) Assert.Equal(expected[i % seeds.Length], results[i]);
    }

    private static string[] Words(string text) =>
        text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
