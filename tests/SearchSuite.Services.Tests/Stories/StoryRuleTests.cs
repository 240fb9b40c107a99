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

    [Fact]
    public void Decades_and_ordinals_written_with_digits_are_numbers()
    {
        Assert.Equal(["1990", "21"], StoryEvidence.Numbers("In the 1990s, in the 21st century"));
        Assert.Equal(["1990", "21"], StoryEvidence.Numbers("In den 1990er Jahren, im 21. Jahrhundert"));
        Assert.Equal(["1990", "21"], StoryEvidence.Numbers("в 1990-х годах, в 21 веке"));
        Assert.Empty(StoryEvidence.Numbers("the 3rd of them"));
    }

    [Fact]
    public void Capitalised_common_nouns_of_a_German_text_count_less_than_its_names()
    {
        var german = StoryEvidence.Extract(Normalize("de", "Der Bundestag hat am Donnerstag die Rentenreform beschlossen. Arbeitsminister Hubertus Heil sagte, die Renten würden im Juli steigen, und die Opposition stimmte dagegen.", "de"));
        var english = StoryEvidence.Extract(Normalize("en", "The Bundestag passed the pension reform on Thursday. Labour Minister Hubertus Heil said pensions would rise in July, and the opposition voted against it because the reform would be paid for by the young.", "en"));
        float WeightOf(DocumentEvidence evidence, string word)
        {
            var at = evidence.Terms.ToList().IndexOf("e:" + StoryEvidence.EntityKey(word));
            Assert.True(at >= 0, $"{word} in {string.Join(" ", evidence.Terms)}");
            return evidence.Weights[at];
        }

        // German capitalises every noun: its nouns count half; the name, and the English text's entities, count in full.
        Assert.Equal(StoryEvidence.WeightOf(EvidenceKind.Entity) * StoryEvidence.CommonCapitalisedFactor, WeightOf(german, "Rentenreform"));
        Assert.Equal(StoryEvidence.WeightOf(EvidenceKind.Entity), WeightOf(german, "Heil"));
        Assert.Equal(StoryEvidence.WeightOf(EvidenceKind.Entity), WeightOf(english, "Bundestag"));
    }

    [Fact]
    public void Reports_sharing_their_people_places_and_numbers_in_another_order_are_apart_unless_a_citation_vouches()
    {
        const string original = "Prime Minister Boris Johnson met Emmanuel Macron in Paris on 20 August. Johnson then flew to Berlin, where Angela Merkel gave him 30 days to find an alternative to the backstop. Michel Barnier said in Brussels that 2019 would decide.";
        var german = Normalize("de", "Premierminister Boris Johnson traf am 20. August Emmanuel Macron in Paris. Johnson flog dann nach Berlin, wo Angela Merkel ihm 30 Tage gab, um eine Alternative zum Backstop zu finden. Michel Barnier sagte in Brüssel, 2019 werde entscheiden.", "de");
        // The same people, places and numbers told in another order: another report.
        var other = Normalize("other", "Michel Barnier said in Brussels that 2019 would decide. Angela Merkel met Boris Johnson in Berlin for 30 minutes; a day later, on 20 August, Emmanuel Macron received Johnson in Paris.", "en");
        var options = new StoryOptions();

        var translation = StoryMatcher.Compare(StoryEvidence.Extract(Normalize("en", original, "en")), StoryEvidence.Extract(german));
        var reordered = StoryMatcher.Compare(StoryEvidence.Extract(Normalize("en", original, "en")), StoryEvidence.Extract(other));
        var cited = StoryMatcher.Compare(
            StoryEvidence.Extract(Normalize("en-cited", original + " See https://example.org/brexit-talks for the statement.", "en")),
            StoryEvidence.Extract(Normalize("other-cited", other.Text + " See https://example.org/brexit-talks for the statement.", "en")));

        Assert.False(StoryMatcher.OrderDisagrees(translation, options), $"{translation}");
        Assert.True(StoryMatcher.SameStory(translation, options), $"{translation}");
        Assert.True(reordered.SharedPlaced >= options.MinPlacedForOrder && StoryMatcher.OrderDisagrees(reordered, options), $"{reordered}");
        Assert.False(StoryMatcher.SameStory(reordered, options), $"{reordered}");
        Assert.True(cited.SharesCitation && !StoryMatcher.OrderDisagrees(cited, options), $"{cited}");
    }

    private const string Template = "Police in {0} said on Monday that {1} people were injured when a bus left the road near the city centre. The driver, a {2}-year-old man, was taken to hospital in {3}, and the road was closed for several hours while investigators examined the scene. A spokesman said the cause of the crash was not yet known and asked witnesses to come forward.";

    [Fact]
    public void One_template_filled_with_other_places_and_numbers_is_another_story_and_an_edited_copy_is_not()
    {
        var glasgow = Normalize("glasgow", string.Format(Template, "Glasgow", 14, 52, "Paisley"), "en");
        var leeds = Normalize("leeds", string.Format(Template, "Leeds", 23, 47, "Bradford"), "en");
        var edited = Normalize("edited", string.Format(Template, "Glasgow", 14, 52, "Paisley") + " Traffic was diverted.", "en");
        var options = new StoryOptions();

        var template = StoryMatcher.Compare(StoryEvidence.Extract(glasgow), StoryEvidence.Extract(leeds));
        var copy = StoryMatcher.Compare(StoryEvidence.Extract(glasgow), StoryEvidence.Extract(edited));

        Assert.True(template.FrameOverlap >= options.TemplateFrameOverlap && StoryMatcher.SameTemplateOtherFacts(template, options), $"{template}");
        Assert.False(StoryMatcher.SameStory(template, options), $"{template}");
        Assert.False(StoryMatcher.SameTemplateOtherFacts(copy, options), $"{copy}");
        Assert.True(StoryMatcher.SameStory(copy, options), $"{copy}");
    }

    [Fact]
    public void A_rewrite_in_other_words_shares_no_frame()
    {
        var report = StoryEvidence.FrameSketch(string.Format(Template, "Glasgow", 14, 52, "Paisley"));
        var rewrite = StoryEvidence.FrameSketch("Fourteen passengers are in hospital after a bus crashed in central Glasgow on Monday, according to officers. Its 52-year-old driver is being treated in Paisley. Investigators spent hours at the site and have appealed for anyone who saw the accident to contact them.");
        var match = StoryMatcher.Compare(new DocumentEvidence([], [], [], report), new DocumentEvidence([], [], [], rewrite));

        Assert.True(match.FrameOverlap < 0.2, $"{match}");
        Assert.Empty(StoryEvidence.FrameSketch("Too short to tell."));
    }

    [Fact]
    public void Story_evidence_round_trips_through_a_card_and_a_card_of_terms_alone_still_reads()
    {
        var evidence = StoryEvidence.Extract(Normalize("en", string.Format(Template, "Glasgow", 14, 52, "Paisley"), "en"));
        var options = System.Text.Json.JsonSerializerOptions.Web;

        var read = System.Text.Json.JsonSerializer.Deserialize<DocumentEvidence>(System.Text.Json.JsonSerializer.Serialize(evidence, options), options)!;
        var legacy = System.Text.Json.JsonSerializer.Deserialize<DocumentEvidence>("""["e:glsgw","n:14"]""", options)!;

        Assert.Equal(evidence.Terms, read.Terms);
        Assert.Equal(evidence.Ranks, read.Ranks);
        Assert.Equal(evidence.Weights, read.Weights);
        Assert.Equal(evidence.Frame, read.Frame);
        Assert.Equal(["e:glsgw", "n:14"], legacy.Terms);
        Assert.Equal([-1, -1], legacy.Ranks);
        Assert.Equal([StoryEvidence.WeightOf(EvidenceKind.Entity), StoryEvidence.WeightOf(EvidenceKind.Number)], legacy.Weights);
    }
}
