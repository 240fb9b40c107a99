using SearchSuite.Text.Boilerplate;

namespace SearchSuite.Text.Tests;

public class SourceLineExtractorTests
{
    [Fact]
    public void Seed001_quelle_line_becomes_the_source_url()
    {
        const string snippet = "Zuvor hatte US-Außenminister Marco Rubio betont, dass der Iran während der Amtszeit von Präsident Trump keine Atomwaffen besitzen werde.\n[Anzeige_2]\n"
            + "Quelle: https://dantri.com.vn/the-gioi/ong-putin-hua-giup-ong-trump-dam-phan-nhat-nhan-voi-iran-20250304212948796.htm\nKommentar (0)";
        var draft = StepRunner.Run(snippet, new SourceLineExtractor());

        Assert.Equal("https://dantri.com.vn/the-gioi/ong-putin-hua-giup-ong-trump-dam-phan-nhat-nhan-voi-iran-20250304212948796.htm", draft.SourceUrl);
        var (kind, text) = Assert.Single(draft.KindsAndTexts());
        Assert.Equal(RemovedKind.SourceLine, kind);
        Assert.StartsWith("Quelle: https://dantri.com.vn/", text);
        Assert.Equal("Zuvor hatte US-Außenminister Marco Rubio betont, dass der Iran während der Amtszeit von Präsident Trump keine Atomwaffen besitzen werde.\n[Anzeige_2]\nKommentar (0)", draft.Body());
    }

    [Fact]
    public void A_sentence_mentioning_a_source_is_not_a_source_line()
    {
        const string sentence = "Source: officials said the talks were constructive.";
        var draft = StepRunner.Run(sentence, new SourceLineExtractor());
        Assert.Null(draft.SourceUrl);
        Assert.Equal(sentence, draft.Body());
    }
}

public class MarkerLineRemoverTests
{
    [Theory]
    [InlineData("[Anzeige_2]", RemovedKind.AdMarker)]
    [InlineData("[Advertisement]", RemovedKind.AdMarker)]
    [InlineData("Kommentar (0)", RemovedKind.CommentCounter)]
    [InlineData("Comments (12)", RemovedKind.CommentCounter)]
    [InlineData("See omnystudio.com/listener for privacy information.", RemovedKind.PrivacyNotice)]
    public void Removes_the_marker_line_with_its_kind(string marker, RemovedKind expectedKind)
    {
        const string sentence = "Es bleibt jedoch unklar, wie Teheran über einen etwaigen US-Vorschlag über Russland entscheiden würde.";
        var draft = StepRunner.Run($"{sentence}\n{marker}",
            MarkerLineRemover.AdMarkers(), MarkerLineRemover.CommentCounters(), MarkerLineRemover.PrivacyNotices());

        Assert.Equal([(expectedKind, marker)], draft.KindsAndTexts());
        Assert.Equal(sentence, draft.Body());
    }

    [Fact]
    public void A_sentence_that_mentions_comments_or_privacy_stays()
    {
        const string body = "White House officials did not immediately respond to a request for comment (2 requests were sent).\n"
            + "The ministry cited privacy information rules that apply to every citizen, including those abroad, in a statement that ran to several pages and was published on Monday evening after long talks.";
        var draft = StepRunner.Run(body, MarkerLineRemover.AdMarkers(), MarkerLineRemover.CommentCounters(), MarkerLineRemover.PrivacyNotices());
        Assert.Empty(draft.Removed());
        Assert.Equal(body, draft.Body());
    }
}

public class RelatedArticlesRemoverTests
{
    [Fact]
    public void Seed000_lesen_sie_auch_block_goes_to_related_headlines()
    {
        var draft = StepRunner.Run(TestData.Seed(TestData.Seed000), new RelatedArticlesRemover());

        Assert.Equal(6, draft.RelatedHeadlines.Count);
        Assert.Equal("Wie man das Mobilisierungsproblem löst? Ein bekannter Militär nannte das Ereignis, das das Land aufwecken wird", draft.RelatedHeadlines[0]);
        Assert.Equal("Wiotkoff nannte Putins Bedingungen für Verhandlungen: Die Ukraine muss möglicherweise nachgeben", draft.RelatedHeadlines[^1]);
        var removed = draft.KindsAndTexts();
        Assert.All(removed, span => Assert.Equal(RemovedKind.RelatedArticles, span.Kind));
        Assert.Equal("Lesen Sie auch", removed[0].Text);
        Assert.Equal("- Wiotkoff nannte Putins Bedingungen für Verhandlungen: Die Ukraine muss möglicherweise nachgeben", removed[^1].Text);
        Assert.EndsWith("über Russland mit den USA zusammenzuarbeiten.", draft.Body());
    }

    [Fact]
    public void Read_more_block_ends_at_the_blank_line()
    {
        const string text = "Araghchi said in a televised press conference after the meeting.\nRead more:\n- Putin Agrees to Help Trump\n\nThe talks resume on Monday.";
        var draft = StepRunner.Run(text, new RelatedArticlesRemover());
        Assert.Equal(["Putin Agrees to Help Trump"], draft.RelatedHeadlines);
        Assert.Equal("Araghchi said in a televised press conference after the meeting.\nThe talks resume on Monday.", draft.Body());
    }

    [Fact]
    public void Vietnamese_doc_them_header_is_recognised()
    {
        var draft = StepRunner.Run("Ông Putin hứa giúp ông Trump.\nĐọc thêm\nÔng Trump nói về Iran", new RelatedArticlesRemover());
        Assert.Equal(["Ông Trump nói về Iran"], draft.RelatedHeadlines);
    }
}

public class PodcastListingRemoverTests
{
    [Fact]
    public void Seed003_episode_list_and_directory_links_are_removed_with_their_kinds()
    {
        var draft = StepRunner.Run(TestData.Seed(TestData.Seed003), MarkerLineRemover.PrivacyNotices(), new PodcastListingRemover());
        var removed = draft.KindsAndTexts();

        Assert.Equal((RemovedKind.PrivacyNotice, "See omnystudio.com/listener for privacy information."), removed[0]);
        Assert.Equal((RemovedKind.PodcastListing, "Avsnitt(1616)"), removed[1]);
        Assert.Contains((RemovedKind.PodcastListing, "Daybreak Weekend: Nvidia Earnings, UK Special Election, Modi Israel Visit"), removed);
        Assert.Contains((RemovedKind.PodcastListing, "20 Feb 38min"), removed);
        Assert.Contains((RemovedKind.DirectoryLinks, "Populärt inom Business & ekonomi"), removed);
        Assert.Contains((RemovedKind.DirectoryLinks, "badfluence"), removed);
        Assert.Equal((RemovedKind.DirectoryLinks, "bathina-en-podcast"), removed[^1]);
        Assert.EndsWith("Araghchi said in a televised press conference after the meeting.", draft.Body());
        Assert.DoesNotContain("Daybreak", draft.Body());
    }

    [Theory]
    [InlineData("rss-dagen-med-di", true)]
    [InlineData("24fragor", true)]
    [InlineData("Avsnitt(1616)", false)]
    [InlineData("20 Feb 38min", false)]
    public void Slugs_are_lower_case_link_names(string line, bool expected) =>
        Assert.Equal(expected, PodcastListingRemover.IsSlug(line));

    [Fact]
    public void Without_an_episode_header_nothing_is_removed()
    {
        const string text = "Trump relayed that interest directly to President Vladimir Putin.\n\nbadfluence";
        Assert.Empty(StepRunner.Run(text, new PodcastListingRemover()).Removed());
    }
}

public class TitleExtractorTests
{
    [Fact]
    public void Seed003_title_and_its_repetition_are_taken_out()
    {
        var draft = StepRunner.Run(TestData.Seed(TestData.Seed003), new TitleExtractor());
        const string title = "Putin Agrees to Help Trump Broker Nuclear Talks With Iran: Bloomberg Exclusive";

        Assert.Equal(title, draft.Title);
        Assert.Equal([(RemovedKind.Title, title), (RemovedKind.RepeatedTitle, title)], draft.KindsAndTexts());
        Assert.StartsWith("Russia agreed to assist President Donald Trump's administration", draft.Body());
    }

    [Fact]
    public void Seed001_has_no_headline_line_so_no_title()
    {
        var draft = StepRunner.Run(TestData.Seed(TestData.Seed001), new TitleExtractor());
        Assert.Null(draft.Title);
        Assert.Empty(draft.Removed());
    }
}

public class DatelineExtractorTests
{
    [Theory]
    [InlineData("(Dan Tri) – Der russische Präsident Wladimir Putin hat sich bereit erklärt.", "Dan Tri", "(Dan Tri) –", "Der russische Präsident Wladimir Putin hat sich bereit erklärt.")]
    [InlineData("MOSCOW (Reuters) - Russia agreed to assist.", "Reuters", "MOSCOW (Reuters) -", "Russia agreed to assist.")]
    public void Dateline_outlet_is_taken_from_the_first_line(string text, string outlet, string removed, string body)
    {
        var draft = StepRunner.Run(text, new DatelineExtractor());
        Assert.Equal(outlet, draft.DatelineOutlet);
        Assert.Equal([(RemovedKind.Dateline, removed)], draft.KindsAndTexts());
        Assert.Equal(body, draft.Body());
    }

    [Fact]
    public void A_parenthesis_inside_the_first_sentence_is_not_a_dateline()
    {
        const string text = "Der Korps der Islamischen Revolutionsgarde (IRGC) – so heißt es – lehnt das ab.";
        var draft = StepRunner.Run(text, new DatelineExtractor());
        Assert.Null(draft.DatelineOutlet);
        Assert.Equal(text, draft.Body());
    }
}
