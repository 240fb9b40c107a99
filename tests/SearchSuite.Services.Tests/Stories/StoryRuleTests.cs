using SearchSuite.Contracts;
using SearchSuite.Search.Stories;
using SearchSuite.Text;

namespace SearchSuite.Services.Tests.Stories;

/// <summary>The grouping rules on real snippets: evidence steps, the same-story decision and the original.</summary>
public sealed class StoryRuleTests
{
    private static readonly DocumentNormalizer Normalizer = new();

    private static DocumentNormalized Normalize(string id, string text, string? language = null) =>
        SearchSuite.Normalize.NormalizeDocumentConsumer.Normalize(Normalizer, new DocumentSubmitted { DocumentId = id, Text = text, Language = language });

    [Fact]
    public void Numbers_keep_their_digits_whatever_the_separators()
    {
        Assert.Equal(["1000", "3.5", "2017"], StoryEvidence.Numbers("Über 1.000 Menschen, 3,5 Prozent, im Jahr 2017"));
        Assert.Equal(["1000", "3.5", "2017"], StoryEvidence.Numbers("more than 1,000 people, 3.5 percent, in 2017"));
        Assert.Empty(StoryEvidence.Numbers("vào tháng 6"));
    }

    [Fact]
    public void A_sentence_initial_word_counts_as_an_entity_only_when_capitalised_elsewhere()
    {
        var entities = StoryEvidence.Entities("Russia agreed to assist Iran. Neither Russia nor Iran have confirmed it.");
        Assert.Contains("Iran", entities);
        Assert.Contains("Russia", entities);
        Assert.DoesNotContain("Neither", entities);
    }

    [Fact]
    public void Entity_and_surname_keys_are_shared_across_spellings_and_scripts()
    {
        Assert.Equal(StoryEvidence.EntityKey("Iran"), StoryEvidence.EntityKey("Ирана"));
        Assert.Equal(StoryEvidence.SurnameKey("Dmitry Peskov"), StoryEvidence.SurnameKey("Dmitri Peskow"));
        Assert.Equal(StoryEvidence.SurnameKey("Dmitry Peskov"), StoryEvidence.SurnameKey("Дмитрий Песков"));
        Assert.Equal("bloomberg.com/news/a", StoryEvidence.UrlKey("https://www.bloomberg.com/news/a/"));
    }

    [Fact]
    public void A_translation_and_its_original_are_one_story()
    {
        var english = Normalize("en", "In 2018, Prime Minister Zoran Zaev said Macedonia would hold the referendum on 30 September; 36 percent voted. NATO and the EU welcomed it.", "en");
        var german = Normalize("de", "Im Jahr 2018 sagte Ministerpräsident Zoran Zaev, Mazedonien werde das Referendum am 30. September abhalten; 36 Prozent stimmten ab. Die NATO und die EU begrüßten es.", "de");

        var match = StoryMatcher.Compare(StoryEvidence.Extract(english), StoryEvidence.Extract(german));

        Assert.True(StoryMatcher.SameStory(match, new StoryOptions()), $"{match}");
    }

    [Fact]
    public void Two_stories_about_the_same_people_with_other_numbers_are_apart()
    {
        var february = Normalize("feb", "Donald Trump and Vladimir Putin spoke by phone on 12 February for 90 minutes about Ukraine, the Kremlin said.", "en");
        var march = Normalize("mar", "Donald Trump and Vladimir Putin spoke by phone on 18 March for 150 minutes about a ceasefire in the Black Sea, the White House said.", "en");

        var match = StoryMatcher.Compare(StoryEvidence.Extract(february), StoryEvidence.Extract(march));

        Assert.False(StoryMatcher.SameStory(match, new StoryOptions()), $"{match}");
        Assert.True(StoryMatcher.NumbersDisagree(match, new StoryOptions()), $"{match}");
    }

    [Fact]
    public void Skeleton_keys_meet_across_scripts_and_Russian_case_endings()
    {
        Assert.Equal(StoryEvidence.EntityKey("Singapore"), StoryEvidence.EntityKey("Сингапуре"));
        Assert.Equal(StoryEvidence.EntityKey("Kim"), StoryEvidence.EntityKey("Кимом"));
        Assert.Equal(StoryEvidence.EntityKey("Pompeo"), StoryEvidence.EntityKey("Помпео"));
        Assert.Equal(StoryEvidence.SurnameKey("Donald Trump"), StoryEvidence.SurnameKey("Дональда Трампа"));
        Assert.NotEqual(StoryEvidence.EntityKey("Singapore"), StoryEvidence.EntityKey("Hanoi"));
    }

    [Fact]
    public void A_Russian_translation_with_inflected_names_joins_its_English_original()
    {
        var english = Normalize("en", "Donald Trump met Kim Jong Un in Singapore on 12 June 2018. Trump said the talks with Kim were honest and direct, and North Korea agreed to work towards denuclearisation. Secretary of State Mike Pompeo will travel to Pyongyang.", "en");
        var russian = Normalize("ru", "Дональд Трамп встретился с Ким Чен Ыном в Сингапуре 12 июня 2018 года. Трамп сказал, что переговоры с Кимом были честными и прямыми, а Северная Корея согласилась работать над денуклеаризацией. Госсекретарь Майк Помпео отправится в Пхеньян.", "ru");

        var match = StoryMatcher.Compare(StoryEvidence.Extract(english), StoryEvidence.Extract(russian));

        Assert.True(StoryMatcher.SameStory(match, new StoryOptions()), $"{match}: {string.Join(" ", StoryEvidence.Extract(english).Terms)} | {string.Join(" ", StoryEvidence.Extract(russian).Terms)}");
    }

    [Fact]
    public void Two_summits_of_the_same_leaders_sharing_only_a_year_are_apart()
    {
        var singapore = Normalize("sg", "Donald Trump and Kim Jong Un signed a joint statement in Singapore on 12 June 2018 after talks that lasted 38 minutes, the White House said.", "en");
        var hanoi = Normalize("hn", "Donald Trump and Kim Jong Un will meet in Hanoi on 27 February 2019, 259 days after their first summit in 2018, the White House said.", "en");

        var match = StoryMatcher.Compare(StoryEvidence.Extract(singapore), StoryEvidence.Extract(hanoi));

        // One number of three in common (the year): not enough for one event.
        Assert.True(StoryMatcher.NumbersDisagree(match, new StoryOptions()), $"{match}");
        Assert.False(StoryMatcher.SameStory(match, new StoryOptions()), $"{match}");
    }

    [Fact]
    public void Publication_times_far_apart_rule_a_pair_out_and_unknown_times_do_not()
    {
        var options = new StoryOptions();
        Assert.False(StoryMatcher.CloseInTime(DateTimeOffset.Parse("2025-02-12T00:00Z"), DateTimeOffset.Parse("2025-03-18T00:00Z"), options));
        Assert.True(StoryMatcher.CloseInTime(DateTimeOffset.Parse("2025-02-12T00:00Z"), null, options));
    }

    [Fact]
    public void The_original_is_the_version_whose_outlet_the_others_cite()
    {
        var versions = new[]
        {
            new DocumentNormalized { DocumentId = "b", Language = "en", Text = "", Outlet = "Bloomberg" },
            new DocumentNormalized { DocumentId = "d", Language = "de", Text = "", Outlet = "Dan Tri", OriginLanguage = "vi", CitedSources = ["Bloomberg", "Reuters"] },
            new DocumentNormalized { DocumentId = "u", Language = "de", Text = "", Outlet = "UNN", CitedSources = ["Bloomberg"] },
        };
        var origin = StoryOriginal.Find(versions);
        Assert.Equal(("b", "Bloomberg"), (origin.Version?.DocumentId, origin.Outlet));
        var withoutOriginal = StoryOriginal.Find(versions[1..]);
        Assert.Equal((null, "Bloomberg"), (withoutOriginal.Version?.DocumentId, withoutOriginal.Outlet));
    }
}
