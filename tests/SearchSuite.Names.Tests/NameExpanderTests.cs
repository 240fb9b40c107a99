namespace SearchSuite.Names.Tests;

/// <summary>The promise of the product: every spelling of the person, and nobody else.</summary>
public class NameExpanderTests
{
    // Spellings as they occur in the seeds and in en/de/ru/vi news, plus the false friends that must stay apart.
    private static readonly string[] IndexedNames =
    [
        "Steve Witkoff", "Wiotkoff", "Dmitry Peskov", "Dmitri Peskow", "Sergei Lavrov", "Sergej Lawrow",
        "Volodymyr Zelensky", "Wolodymyr Selenskyj", "Volodymyr Zelenskyy", "Ali Khamenei", "Ali Chamenei",
        "Abbas Araghchi", "Abbas Araghtschi", "Mikhail Gorbachev", "Michail Gorbatschow", "Nguyễn Phú Trọng",
        "Nguyen Phu Trong", "Песков", "Зеленский", "Nikolai Petrov", "Lvov", "Ruhollah Khomeini",
        "Dmitry Medvedev", "Viktor Medvedchuk",
    ];

    private static NameExpander CreateExpander(NameVariantStore? store = null, NameExpanderOptions? options = null, string[]? vocabulary = null)
    {
        var indexed = new NameVocabulary();
        foreach (var name in vocabulary ?? IndexedNames) indexed.AddName(name);
        return new NameExpander(store ?? new NameVariantStore(), indexed, options);
    }

    private static string Describe(IReadOnlyList<NameExpansion> expansions) =>
        string.Join(", ", expansions.Select(e => $"{e.Form}[{e.Source} {e.Weight:0.00}]"));

    [Theory]
    [InlineData("Witkoff", "wiotkoff")]
    [InlineData("Wiotkoff", "witkoff")]
    [InlineData("Peskov", "peskow")]
    [InlineData("Peskow", "peskov")]
    [InlineData("Lavrov", "lawrow")]
    [InlineData("Lawrow", "lavrov")]
    [InlineData("Zelensky", "selenskyj")]
    [InlineData("Zelensky", "zelenskyy")]
    [InlineData("Selenskyj", "zelensky")]
    [InlineData("Zelenskyy", "selenskyj")]
    [InlineData("Khamenei", "chamenei")]
    [InlineData("Chamenei", "khamenei")]
    [InlineData("Araghchi", "araghtschi")]
    [InlineData("Araghtschi", "araghchi")]
    [InlineData("Dmitry", "dmitri")]
    [InlineData("Dmitri", "dmitry")]
    [InlineData("Sergei", "sergej")]
    [InlineData("Sergej", "sergei")]
    [InlineData("Gorbachev", "gorbatschow")]
    [InlineData("Gorbatschow", "gorbachev")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("Trong", "trọng")]
    [InlineData("Песков", "peskow")]
    [InlineData("Peskov", "песков")]
    [InlineData("Зеленский", "selenskyj")]
    [InlineData("Selenskyj", "зеленский")]
    public void Spellings_of_one_person_find_each_other(string query, string indexedForm)
    {
        var expansions = CreateExpander().Expand(query);
        Assert.True(expansions.Any(e => e.Form == indexedForm), $"{query} should reach {indexedForm}; got {Describe(expansions)}");
    }

    [Theory]
    [InlineData("Peskov", "petrov")]
    [InlineData("Lavrov", "lvov")]
    [InlineData("Khamenei", "khomeini")]
    [InlineData("Medvedev", "medvedchuk")]
    [InlineData("Medvedchuk", "medvedev")]
    [InlineData("Petrov", "peskov")]
    public void False_friends_stay_apart(string query, string falseFriend)
    {
        var expansions = CreateExpander().Expand(query);
        Assert.False(expansions.Any(e => e.Form == falseFriend), $"{query} must not reach {falseFriend}; got {Describe(expansions)}");
    }

    [Fact]
    public void Exact_ranks_above_key_variant_and_variant_above_fuzzy()
    {
        var expansions = CreateExpander().Expand("Witkoff");
        var exact = Assert.Single(expansions, e => e.Form == "witkoff");
        var fuzzy = Assert.Single(expansions, e => e.Form == "wiotkoff");
        Assert.Equal(ExpansionSource.Exact, exact.Source);
        Assert.Equal(ExpansionSource.Fuzzy, fuzzy.Source);
        Assert.True(exact.Weight > fuzzy.Weight, Describe(expansions));

        var peskov = CreateExpander().Expand("Peskov");
        var keyVariant = Assert.Single(peskov, e => e.Form == "peskow");
        Assert.True(keyVariant.Source is ExpansionSource.Curated or ExpansionSource.Key, Describe(peskov));
        Assert.True(keyVariant.Weight < 1f && keyVariant.Weight > CreateExpander().Options.FuzzyWeight, Describe(peskov));
    }

    [Fact]
    public void Curated_group_reaches_spellings_the_key_cannot()
    {
        var expansions = CreateExpander().Expand("Putin");
        var poutine = Assert.Single(expansions, e => e.Form == "poutine");
        Assert.Equal(ExpansionSource.Curated, poutine.Source);
    }

    [Fact]
    public void User_group_applies_to_the_next_expansion_and_removal_undoes_it()
    {
        var store = new NameVariantStore();
        var expander = CreateExpander(store);
        Assert.DoesNotContain(expander.Expand("Lvov"), e => e.Form == "lviv");

        var group = store.Add(["Lvov", "Lviv"]);
        Assert.Contains(expander.Expand("Lvov"), e => e.Form == "lviv" && e.Source == ExpansionSource.Curated);

        Assert.True(store.Remove(group.Id));
        Assert.DoesNotContain(expander.Expand("Lvov"), e => e.Form == "lviv");
    }

    [Fact]
    public void Hypocorisms_apply_to_a_given_name_only()
    {
        var expander = CreateExpander();
        var given = expander.Expand("Dick", givenName: true);
        Assert.Contains(given, e => e.Form == "richard" && e.Source == ExpansionSource.Curated);
        Assert.Contains(expander.Expand("Richard", givenName: true), e => e.Form == "dick");
        // A lone "dick" or "bill" in a search is rarely a person.
        Assert.DoesNotContain(expander.Expand("Dick"), e => e.Form == "richard");
    }

    [Theory]
    [InlineData("Rihards", "рихард")]
    [InlineData("Eigims", "эйгим")]
    [InlineData("Ivans", "иван")]
    [InlineData("Эйгим", "eigims")]
    public void A_Baltic_nominative_s_is_dropped_across_scripts(string query, string indexedForm)
    {
        var expander = CreateExpander(vocabulary: ["Рихард Эйгим", "Rihards Eigims", "Иван Клементьев", "Peter Peters"]);
        var expansions = expander.Expand(query);
        var expansion = Assert.Single(expansions, e => e.Form == indexedForm);
        Assert.True(expansion.Weight <= expander.Options.FuzzyWeight, $"a guessed ending weighs no more than a fuzzy match; got {Describe(expansions)}");
    }

    [Theory]
    [InlineData("Peters", "peter")]
    [InlineData("Peter", "peters")]
    public void The_nominative_s_rule_never_joins_spellings_in_one_script(string query, string otherForm)
    {
        var expansions = CreateExpander(vocabulary: ["Peter Peters"]).Expand(query);
        Assert.DoesNotContain(expansions, e => e.Form == otherForm);
    }

    [Theory]
    // Singapore, Taiwan and Hong Kong names in the Vietnamese press: Lee Hsien Loong is Lý Hiển Long, Wang Jin-pyng
    // is Vương Kim Bình, Sylvia Lim is Sylvia Lâm Thụy Liên.
    [InlineData("Lee", "lý")]
    [InlineData("Lý", "lee")]
    [InlineData("Wang", "vương")]
    [InlineData("Lim", "lâm")]
    [InlineData("Leong", "lương")]
    [InlineData("Teo", "trương")]
    public void A_Chinese_surname_reaches_its_Sino_Vietnamese_reading(string query, string indexedForm)
    {
        var expansions = CreateExpander(vocabulary: ["Lý Hiển Long", "Lee Hsien Loong", "Vương Kim Bình", "Lâm Thụy Liên", "Lương Gia Kiệt", "Trương Chí Hiền"]).Expand(query);
        Assert.Contains(expansions, e => e.Form == indexedForm && e.Source == ExpansionSource.Curated);
    }

    [Theory]
    // Unaccented Vietnamese syllables that are also romanisations of a Chinese surname must not reach another reading.
    [InlineData("tan", "trần")]
    [InlineData("hong", "trương")]
    [InlineData("van", "ôn")]
    [InlineData("cong", "khổng")]
    [InlineData("phong", "phương")]
    public void Unaccented_Vietnamese_syllables_keep_their_own_reading(string query, string otherReading)
    {
        var expansions = CreateExpander(vocabulary: ["Trần Văn Tấn", "Trương Văn Hồng", "Ôn Văn Công", "Khổng Văn Phong", "Phương Văn Tân"]).Expand(query);
        Assert.DoesNotContain(expansions, e => e.Form == otherReading);
    }

    [Theory]
    // National forms of one person's given name, found from any spelling: Vlad Filat is Владимир Филат, Dawit
    // Usupaschwili is David Usupashvili, Hrant Bagratyan is Грант Багратян, Karel Schwarzenberg is Karl zu Schwarzenberg.
    [InlineData("Владимир", "vlad")]
    [InlineData("Vlad", "владимир")]
    [InlineData("Dawit", "david")]
    [InlineData("Davit", "давид")]
    [InlineData("Hrant", "грант")]
    [InlineData("Karl", "karel")]
    [InlineData("Veaceslav", "вячеслав")]
    public void A_given_name_reaches_its_national_forms(string query, string indexedForm)
    {
        var expander = CreateExpander(vocabulary: ["Vlad Filat", "Владимир Филат", "Давид Усупашвили", "David Usupashvili", "Грант Багратян", "Karel Schwarzenberg", "Вячеслав Унтилэ"]);
        Assert.Contains(expander.Expand(query, givenName: true), e => e.Form == indexedForm && e.Source == ExpansionSource.Curated);
        Assert.DoesNotContain(expander.Expand(query), e => e.Form == indexedForm && e.Source == ExpansionSource.Curated);
    }

    [Fact]
    public void Fuzzy_fallback_can_be_switched_off()
    {
        var expansions = CreateExpander(options: new NameExpanderOptions { EnableFuzzy = false }).Expand("Witkoff");
        Assert.DoesNotContain(expansions, e => e.Source == ExpansionSource.Fuzzy);
    }

    [Fact]
    public void Every_expansion_carries_the_key_of_its_form()
    {
        foreach (var expansion in CreateExpander().Expand("Zelensky"))
            Assert.True(NameKey.Compute(expansion.Form) == expansion.Key,
                $"{expansion} has a key that is not its form's ({NameKey.Compute(expansion.Form)})");
    }

    [Fact]
    public void Tokens_without_letters_expand_to_nothing() => Assert.Empty(CreateExpander().Expand("—"));
}
