namespace SearchSuite.Names.Tests;

public class NameScorerTests
{
    private static readonly string[] IndexedNames =
    [
        "Dmitry Peskov", "Dmitri Peskow", "Песков, Дмитрий Сергеевич", "Nikolai Petrov", "Dmitry Medvedev",
        "Steve Witkoff", "Wiotkoff", "Dmitry Peskov Jr",
    ];

    private static (NameExpander Expander, Dictionary<string, IReadOnlyList<IndexedNameToken>> Documents) Index()
    {
        var vocabulary = new NameVocabulary();
        foreach (var name in IndexedNames) vocabulary.AddName(name);
        return (new NameExpander(new NameVariantStore(), vocabulary), IndexedNames.ToDictionary(n => n, IndexedNameToken.FromName));
    }

    private static List<(string Name, NameMatch Match)> Rank(string query)
    {
        var (expander, documents) = Index();
        var expansions = expander.ExpandName(query);
        return [.. documents.Select(d => (d.Key, expander.Scorer.Score(expansions, d.Value))).OrderByDescending(r => r.Item2.Score)];
    }

    [Fact]
    public void Seed_spellings_of_Peskov_match_completely_and_outrank_other_people()
    {
        // The English and German seeds name the same man; the Russian label adds a patronymic, which is no evidence against.
        var query = SeedArticles.Snippet("003", "Dmitry Peskov");
        SeedArticles.Snippet("001", "Dmitri Peskow");
        var ranked = Rank(query);
        var ranking = string.Join(" > ", ranked.Select(r => $"{r.Name} {r.Match.Score:0.00}"));

        Assert.True(ranked[0].Name == "Dmitry Peskov", ranking);
        foreach (var name in new[] { "Dmitri Peskow", "Песков, Дмитрий Сергеевич" })
            Assert.True(ranked.Single(r => r.Name == name).Match.IsComplete, $"{name} should match completely: {ranking}");
        var worstSpelling = ranked.Where(r => r.Name.Contains("Pesk") || r.Name.Contains("Песк")).Min(r => r.Match.Score);
        Assert.True(ranked.Where(r => !r.Name.Contains("Pesk") && !r.Name.Contains("Песк")).All(r => r.Match.Score < worstSpelling), ranking);
        Assert.False(ranked.Single(r => r.Name == "Nikolai Petrov").Match.IsFull, ranking);
    }

    [Fact]
    public void A_missing_initial_is_no_evidence_against_a_match()
    {
        var (expander, _) = Index();
        var match = expander.Scorer.Score(expander.ExpandName("Steve J. Witkoff"), IndexedNameToken.FromName("Steve Witkoff"));
        Assert.True(match.IsComplete, $"{match}");
    }

    [Fact]
    public void An_initial_takes_the_given_name_it_abbreviates_and_conflicts_with_another()
    {
        var vocabulary = new NameVocabulary();
        foreach (var name in new[] { "Annalena Baerbock", "Tom Baerbock", "Yvonne Jones", "Tom Jones" }) vocabulary.AddName(name);
        var expander = new NameExpander(new NameVariantStore(), vocabulary);
        NameMatch Score(string query, string document) => expander.Scorer.Score(expander.ExpandName(query), IndexedNameToken.FromName(document));

        Assert.True(Score("A. Baerbock", "Annalena Baerbock").IsComplete, $"{Score("A. Baerbock", "Annalena Baerbock")}");
        Assert.True(Score("Y. Jones", "Yvonne Jones").Score > Score("Y. Jones", "Jones").Score - 0.001f);
        Assert.False(Score("Y. Jones", "Tom Jones").IsFull, $"{Score("Y. Jones", "Tom Jones")}");
        Assert.False(Score("A. Baerbock", "Tom Baerbock").IsFull, $"{Score("A. Baerbock", "Tom Baerbock")}");
        // A surname alone says nothing against the initial.
        Assert.True(Score("Y. Jones", "Jones").IsFull);
    }

    [Fact]
    public void An_optional_inner_query_word_left_unmatched_still_gives_a_full_match()
    {
        var (expander, _) = Index();
        var query = PersonNameQuery.Parse("Dmitry Sergeyevich Peskov", expander.IsKnownName);
        var expansions = query.Select(t => expander.Expand(t.Text)).ToList();

        Assert.True(expander.Scorer.Score(expansions, IndexedNameToken.FromName("Dmitri Peskow"), query).IsComplete);
        // The first and last words stay required: another Dmitry is no match.
        Assert.False(expander.Scorer.Score(expansions, IndexedNameToken.FromName("Dmitry Medvedev"), query).IsFull);
    }

    [Fact]
    public void Of_a_long_names_surname_alternatives_one_match_is_enough()
    {
        var vocabulary = new NameVocabulary();
        foreach (var name in new[] { "Cristóbal Montoro", "Cristóbal Colón", "Ana Romero" }) vocabulary.AddName(name);
        var expander = new NameExpander(new NameVariantStore(), vocabulary);
        var query = PersonNameQuery.Parse("Cristóbal Montoro Romero", expander.IsKnownName);
        var expansions = query.Select(t => expander.Expand(t.Text)).ToList();
        NameMatch Score(string name) => expander.Scorer.Score(expansions, IndexedNameToken.FromName(name), query);

        Assert.True(Score("Cristóbal Montoro").IsComplete);
        Assert.True(Score("Cristóbal Montoro Romero").Score > Score("Cristóbal Montoro").Score - 0.001f);
        Assert.False(Score("Cristóbal Colón").IsFull, "the surname is missing");
        Assert.False(Score("Ana Romero").IsFull, "the given name is missing");
    }

    [Fact]
    public void Known_names_are_recognised_in_any_spelling_of_their_key()
    {
        var (expander, _) = Index();
        Assert.True(expander.IsKnownName("Peskow"));
        Assert.True(expander.IsKnownName("Песков"));
        Assert.False(expander.IsKnownName("Berlin"));
    }

    [Fact]
    public void Longer_name_ranks_below_the_exact_name()
    {
        var ranked = Rank("Dmitry Peskov");
        var exact = ranked.Single(r => r.Name == "Dmitry Peskov").Match;
        var longer = ranked.Single(r => r.Name == "Dmitry Peskov Jr").Match;
        Assert.True(longer.IsFull && !longer.IsComplete && longer.Score < exact.Score, $"exact {exact}, longer {longer}");
    }

    [Fact]
    public void Seed_typo_matches_below_the_correct_spelling()
    {
        var typo = SeedArticles.Snippet("000", "Wiotkoff");
        var ranked = Rank(typo);
        var ranking = string.Join(" > ", ranked.Select(r => $"{r.Name} {r.Match.Score:0.00}"));
        Assert.True(ranked[0].Name == "Wiotkoff", ranking);
        Assert.True(ranked.Single(r => r.Name == "Steve Witkoff").Match.IsFull, ranking);
    }

    [Fact]
    public void Key_match_never_earns_more_than_the_key_weight()
    {
        var (expander, _) = Index();
        var expansions = expander.Expand("Peskov");
        var weight = expander.Scorer.MatchWeight(expansions, new IndexedNameToken("peskoff-unindexed", NameKey.Compute("Peskov")));
        Assert.Equal(expander.Options.KeyWeight, weight);
        Assert.All(expander.Scorer.KeyTerms(expansions), term => Assert.True(term.Weight <= expander.Options.KeyWeight, $"{term}"));
    }
}
