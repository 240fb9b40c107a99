using SearchSuite.Search.Querying;

namespace SearchSuite.Services.Tests.Search;

public class QueryPlannerTests
{
    [Fact]
    public void Words_are_runs_of_letters_digits_and_combining_marks()
    {
        Assert.Equal(["US", "Präsident", "Nguyễn", "Phú", "2025"], QueryPlanner.Words("US-Präsident, Nguyễn Phú (2025)!"));
        // Decomposed diacritics stay inside the word.
        Assert.Single(QueryPlanner.Words("Nguye\u0302\u0303n"));
    }

    [Fact]
    public void Stop_words_are_optional_and_get_no_name_expansion()
    {
        var expansions = new RecordingExpansion();
        var plan = new QueryPlanner(expansions).Plan(new SearchQuery("the Kremlin und Putin", [], [], 0, 10, ExpandNames: true));

        Assert.Equal([false, true, false, true], plan.Words.Select(w => w.Required));
        Assert.Equal(["Kremlin", "Putin"], expansions.Asked);
    }

    [Fact]
    public void The_planner_s_stop_words_are_exactly_those_the_english_and_german_analyzers_drop()
    {
        // The planner must not import a backend, but its lists must track what the analyzers drop on both backends.
        Assert.Equal(Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet.Select(w => w.ToString()!).Order(StringComparer.Ordinal), StopWords.English.Order(StringComparer.Ordinal));
        Assert.Equal(Lucene.Net.Analysis.De.GermanAnalyzer.DefaultStopSet.Select(w => w.ToString()!).Order(StringComparer.Ordinal), StopWords.German.Order(StringComparer.Ordinal));
        Assert.True(QueryPlanner.IsStopWord("Und") && QueryPlanner.IsStopWord("THE") && !QueryPlanner.IsStopWord("Kremlin"));
    }

    [Fact]
    public void Initials_are_optional_like_stop_words()
    {
        var expansions = new RecordingExpansion();
        var plan = new QueryPlanner(expansions).Plan(new SearchQuery("John R. Baird", [], [], 0, 10, ExpandNames: true));

        Assert.Equal([true, false, true], plan.Words.Select(w => w.Required));
        Assert.Equal(["John", "Baird"], expansions.Asked);
    }

    [Fact]
    public void A_long_names_surname_may_be_either_of_its_last_two_words_and_every_word_is_still_expanded()
    {
        var expansions = new RecordingExpansion("Reinhard", "Bösch");
        var plan = new QueryPlanner(expansions).Plan(new SearchQuery("Reinhard Eugen Bösch", [], [], 0, 10, ExpandNames: true));

        // The given name is required; the surname is "Bösch" or, were a second surname to follow, "Eugen": one must match.
        Assert.Equal([true, false, false], plan.Words.Select(w => w.Required));
        Assert.Null(plan.Words[0].AnyOf);
        Assert.True(plan.Words[1].AnyOf is not null && plan.Words[1].AnyOf == plan.Words[2].AnyOf);
        Assert.Equal(["Reinhard", "Eugen", "Bösch"], expansions.Asked);
        // Only the given name of a person's name is expanded with hypocorisms.
        Assert.Equal(["Reinhard"], expansions.AskedAsGivenNames);
    }

    [Fact]
    public void Inverted_labels_patronymics_and_parenthesised_qualifiers_are_optional()
    {
        var plan = new QueryPlanner(new RecordingExpansion("Костов", "Иван", "Peskov", "Dmitry"))
            .Plan(new SearchQuery("Костов, Иван Йорданов; Dmitry Sergeyevich Peskov (Kremlin)", [], [], 0, 10, ExpandNames: true));

        Assert.Equal([true, true, false, true, false, true, false], plan.Words.Select(w => w.Required));
    }

    [Fact]
    public void Unknown_names_keep_every_word_required()
    {
        var plan = new QueryPlanner(new RecordingExpansion()).Plan(new SearchQuery("Reinhard Eugen Bösch", [], [], 0, 10, ExpandNames: false));
        Assert.All(plan.Words, w => Assert.True(w.Required));
    }

    [Fact]
    public void Expansion_switched_off_asks_for_no_names()
    {
        var expansions = new RecordingExpansion();
        new QueryPlanner(expansions).Plan(new SearchQuery("Peskov", [], [], 0, 10, ExpandNames: false));
        Assert.Empty(expansions.Asked);
    }

    private sealed class RecordingExpansion(params string[] knownNames) : INameExpansion
    {
        public List<string> Asked { get; } = [];

        public List<string> AskedAsGivenNames { get; } = [];

        public IReadOnlyList<NameAlternative> Expand(string word, bool givenName = false, bool inName = false)
        {
            Asked.Add(word);
            if (givenName) AskedAsGivenNames.Add(word);
            return [];
        }

        public bool IsKnownName(string word) => knownNames.Contains(word);
    }
}
