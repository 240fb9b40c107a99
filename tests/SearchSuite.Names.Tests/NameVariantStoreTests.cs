namespace SearchSuite.Names.Tests;

public sealed class NameVariantStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("names-store-").FullName;
    private string StorePath => Path.Combine(_directory, "variants.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Curated_list_is_versioned_and_loaded()
    {
        var store = new NameVariantStore();
        Assert.Matches(@"^\d{4}\.\d{2}\.\d{2}-\d+$", store.CuratedVersion);
        var putin = Assert.Single(store.List(), g => g.Id == "curated-putin");
        Assert.Equal(VariantOrigin.Curated, putin.Origin);
        Assert.Contains("Poutine", putin.Variants);
        Assert.Contains(store.FindByKey(NameKey.Compute("Poutine")), m => m.Group == putin);
    }

    [Fact]
    public void Every_curated_multi_word_group_aligns_word_by_word()
    {
        foreach (var group in new NameVariantStore().List())
            Assert.True(group.Variants.Select(v => NameTokens.Split(v).Count).Distinct().Count() == 1,
                $"{group.Id}: {string.Join(" | ", group.Variants)}");
    }

    [Fact]
    public void Add_and_Remove_bump_the_version_and_notify()
    {
        var store = new NameVariantStore();
        var notified = new List<long>();
        store.Changed += (_, version) => notified.Add(version);
        var before = store.Version;

        var group = store.Add(["Lviv", "Lwiw", "Lemberg"]);
        Assert.Equal(VariantOrigin.User, group.Origin);
        Assert.Contains(store.FindByKey(NameKey.Compute("Lemberg")), m => m.Group == group);
        Assert.True(store.Remove(group.Id));
        Assert.False(store.Remove(group.Id));

        Assert.Equal([before + 1, before + 2], notified);
        Assert.Empty(store.FindByKey(NameKey.Compute("Lemberg")));
    }

    [Theory]
    [InlineData("Lviv")]
    [InlineData("Lviv|LVIV")]
    [InlineData("Ho Chi Minh|Hồ Chí")]
    public void Add_rejects_groups_that_cannot_align(string variants) =>
        Assert.Throws<ArgumentException>(() => new NameVariantStore().Add(variants.Split('|')));

    [Fact]
    public void User_changes_survive_a_restart_and_leave_no_temporary_file()
    {
        var store = new NameVariantStore(StorePath);
        var added = store.Add(["Lviv", "Lemberg"]);
        Assert.True(store.Remove("curated-putin"));

        var reopened = new NameVariantStore(StorePath);
        Assert.Contains(reopened.List(), g => g.Id == added.Id && g.Variants.SequenceEqual(added.Variants));
        Assert.DoesNotContain(reopened.List(), g => g.Id == "curated-putin");
        Assert.Empty(reopened.FindByKey(NameKey.Compute("Poutine")));
        Assert.Equal(["variants.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Import_reads_tab_separated_groups_and_skips_comments_and_lone_names()
    {
        const string list = "#version: public-2026-01\n# a comment\nMuammar\tMoammar\tMuammer\n\nLoneName\nAbu Bakr\tAbou Bakr\nOne Two\tThree\n";
        var store = new NameVariantStore(StorePath);

        Assert.Equal(2, store.Import(new StringReader(list)));
        Assert.Equal(2, store.List().Count(g => g.Origin == VariantOrigin.Imported));
        Assert.Contains(store.FindByKey(NameKey.Compute("Moammar")), m => m.Words.Any(w => w.Form == "muammer"));
        Assert.Equal(2, new NameVariantStore(StorePath).List().Count(g => g.Origin == VariantOrigin.Imported));
    }

    [Fact]
    public void NameVariantList_reads_the_version_header()
    {
        var list = NameVariantList.Read(new StringReader("#version: 7\nA\tB\n"));
        Assert.Equal("7", list.Version);
        Assert.Equal(["A", "B"], Assert.Single(list.Groups));
    }

    [Fact]
    public void Concurrent_edits_keep_every_group()
    {
        var store = new NameVariantStore(StorePath);
        var before = store.Version;
        Parallel.For(0, 50, i => store.Add([$"Name{i}a", $"Name{i}b"]));
        Assert.Equal(50, store.List().Count(g => g.Origin == VariantOrigin.User));
        Assert.Equal(before + 50, store.Version);
        Assert.Equal(50, new NameVariantStore(StorePath).List().Count(g => g.Origin == VariantOrigin.User));
    }

    [Fact]
    public void A_configured_list_is_not_copied_to_the_file_but_removing_its_group_persists()
    {
        static NameVariantList List() => NameVariantList.Read(new StringReader("Bonaparte\tBuonaparte\nSolo\n"));
        var store = new NameVariantStore(StorePath);
        Assert.Equal(1, store.AddConfiguredList(List()));
        var group = Assert.Single(store.List(), g => g.Origin == VariantOrigin.Configured);
        store.Add(["Lviv", "Lwiw"]);
        Assert.DoesNotContain("Buonaparte", File.ReadAllText(StorePath));

        var restarted = new NameVariantStore(StorePath);
        restarted.AddConfiguredList(List());
        Assert.Equal(group.Id, Assert.Single(restarted.List(), g => g.Origin == VariantOrigin.Configured).Id);
        Assert.True(restarted.Remove(group.Id));

        var again = new NameVariantStore(StorePath);
        Assert.Equal(0, again.AddConfiguredList(List()));
    }
}
