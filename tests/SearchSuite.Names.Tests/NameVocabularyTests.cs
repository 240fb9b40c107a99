namespace SearchSuite.Names.Tests;

public class NameVocabularyTests
{
    [Fact]
    public void Add_keeps_one_entry_per_surface_form_and_groups_forms_by_key()
    {
        var vocabulary = new NameVocabulary();
        Assert.True(vocabulary.Add("Peskov"));
        Assert.False(vocabulary.Add("PESKOV"));
        Assert.True(vocabulary.Add("Peskow"));
        Assert.True(vocabulary.Add("Песков"));
        Assert.False(vocabulary.Add("—"));
        Assert.Equal(3, vocabulary.Count);
        Assert.True(vocabulary.Contains("peskow"));
        Assert.Equal(["peskov", "peskow", "песков"], vocabulary.FormsWithKey(NameKey.Compute("Peskov")).Order());
    }

    [Fact]
    public void Remove_forgets_a_form_and_its_key_once_no_other_form_has_it()
    {
        var vocabulary = new NameVocabulary();
        foreach (var token in new[] { "Peskov", "Peskow", "Wiotkoff" }) vocabulary.Add(token);

        Assert.True(vocabulary.Remove("PESKOW"));
        Assert.False(vocabulary.Remove("Peskow"));
        Assert.Equal(["peskov"], vocabulary.FormsWithKey(NameKey.Compute("Peskov")));
        Assert.True(vocabulary.Remove("Wiotkoff"));
        Assert.Empty(vocabulary.FormsWithKey(NameKey.Compute("Wiotkoff")));
        Assert.Empty(vocabulary.FormsWithFold("wiotkoff"));
        Assert.Empty(vocabulary.KeysWithSkeleton(AbjadNames.Skeleton(NameKey.Compute("Wiotkoff"))));
        // The fuzzy index no longer leads to the removed key.
        Assert.Empty(vocabulary.FuzzyMatches(NameKey.Compute("Witkoff"), 0.5f));
        Assert.Empty(vocabulary.FuzzyFoldMatches("witkoff", 0.5f));
        Assert.Empty(vocabulary.KeysWithKanaSkeleton(KanaNames.Skeleton(NameKey.Compute("Wiotkoff"))));
        Assert.Equal(["peskov"], vocabulary.Forms());
    }

    [Fact]
    public void FormsWithFold_joins_accented_and_stripped_Vietnamese()
    {
        var vocabulary = new NameVocabulary();
        vocabulary.AddName("Nguyễn Văn Chiến");
        vocabulary.AddName("Nguyễn Văn Hiện");
        Assert.Equal(["chiến"], vocabulary.FormsWithFold("chien"));
    }

    [Fact]
    public void FuzzyMatches_finds_keys_one_edit_away_within_budget()
    {
        var vocabulary = new NameVocabulary();
        foreach (var token in new[] { "Witkoff", "Wiotkoff", "Witkowski", "Petrov", "Peskov" }) vocabulary.Add(token);

        var matches = vocabulary.FuzzyMatches(NameKey.Compute("Witkoff"), 0.5f);
        var match = Assert.Single(matches);
        Assert.Equal(NameKey.Compute("Wiotkoff"), match.Key);
        Assert.Equal(["wiotkoff"], match.Forms);
        Assert.Empty(vocabulary.FuzzyMatches(NameKey.Compute("Peskov"), 1f));
    }

    [Fact]
    public void FuzzyFoldMatches_compares_the_letters_typed()
    {
        var vocabulary = new NameVocabulary();
        foreach (var token in new[] { "Stephen", "Stefan", "Petrov", "Peskov" }) vocabulary.Add(token);

        // "Stehpen" is one transposition from Stephen's letters, but its key (steXpen) is two edits from stefen.
        Assert.Empty(vocabulary.FuzzyMatches(NameKey.Compute("Stehpen"), 1f));
        var match = Assert.Single(vocabulary.FuzzyFoldMatches("stehpen", 1f));
        Assert.Equal("stephen", match.Fold);
        Assert.Equal(["stephen"], match.Forms);
        // Two full edits apart, Peskov never reaches Petrov.
        Assert.Empty(vocabulary.FuzzyFoldMatches("peskov", 1f));
    }

    [Theory]
    // Two substitutions, two deletions, a deletion and a substitution: beyond the one-deletion index's reach.
    [InlineData("vladimyx", "vladimir")]
    [InlineData("vkadimyr", "vladimir")]
    [InlineData("oztanian", "oskanian")]
    [InlineData("osanan", "oskanian")]
    [InlineData("sterhensn", "stephenson")]
    // A transposition across the edge of a piece, and one more edit.
    [InlineData("vldaimi", "vladimir")]
    public void FuzzyFoldMatches_reaches_a_long_name_two_edits_away(string typed, string indexed)
    {
        var vocabulary = new NameVocabulary();
        foreach (var token in new[] { "Vladimir", "Oskanian", "Stephenson", "Petrov" }) vocabulary.Add(token);

        Assert.Contains(vocabulary.FuzzyFoldMatches(typed, 2f), m => m.Fold == indexed);
        Assert.DoesNotContain(vocabulary.FuzzyFoldMatches(typed, 1f), m => m.Fold == indexed);
    }

    [Fact]
    public void FuzzyFoldMatches_keeps_short_names_and_removed_ones_out_of_two_edits()
    {
        var vocabulary = new NameVocabulary();
        foreach (var token in new[] { "Petrov", "Vladimir" }) vocabulary.Add(token);

        // Peskov and Petrov are two substitutions apart, but six letters are too few for two edits to be a typo.
        Assert.DoesNotContain(vocabulary.FuzzyFoldMatches("peskov", 2f), m => m.Fold == "petrov");
        Assert.Contains(vocabulary.FuzzyFoldMatches("vladimyx", 2f), m => m.Fold == "vladimir");
        vocabulary.Remove("vladimir");
        Assert.Empty(vocabulary.FuzzyFoldMatches("vladimyx", 2f));
    }

    [Fact]
    public void Concurrent_adds_and_lookups_lose_nothing()
    {
        var vocabulary = new NameVocabulary();
        var tokens = Enumerable.Range(0, 4000).Select(i => $"Name{(char)('a' + i % 26)}{(char)('a' + i / 26 % 26)}{(char)('a' + i / 676)}").ToArray();
        Parallel.ForEach(tokens, token =>
        {
            vocabulary.Add(token);
            vocabulary.FuzzyMatches(NameKey.Compute(token), 1f);
        });
        Assert.Equal(tokens.Distinct(StringComparer.OrdinalIgnoreCase).Count(), vocabulary.Count);
        Assert.All(tokens, token => Assert.True(vocabulary.Contains(token), $"{token} was lost"));
    }
}
