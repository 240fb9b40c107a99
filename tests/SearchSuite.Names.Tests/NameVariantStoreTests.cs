namespace SearchSuite.Names.Tests;

public sealed class NameVariantStoreTests
{
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
    public void Edits_applied_to_another_store_give_the_same_groups_as_a_restarted_replica_sees_them()
    {
        var store = new NameVariantStore();
        var added = store.Add(["Lviv", "Lemberg"]);
        Assert.True(store.Remove("curated-putin"));

        var replica = new NameVariantStore();
        Assert.True(replica.Apply(store.Edits));
        Assert.False(replica.Apply(store.Edits));
        Assert.Contains(replica.List(), g => g.Id == added.Id && g.Variants.SequenceEqual(added.Variants));
        Assert.DoesNotContain(replica.List(), g => g.Id == "curated-putin");
        Assert.Empty(replica.FindByKey(NameKey.Compute("Poutine")));
    }

    [Fact]
    public void Adding_the_same_spellings_again_returns_the_existing_group_in_any_order_and_case()
    {
        var store = new NameVariantStore();
        var first = store.PlanAdd(store.Edits, ["Lviv", "Lemberg"]);
        store.Apply(first.Edits);

        var again = store.PlanAdd(store.Edits, ["LEMBERG", "lviv"]);
        Assert.True(again.AlreadyExisted);
        Assert.Equal(first.Group.Id, again.Group.Id);
        Assert.Same(store.Edits, again.Edits);
        // A curated group's spellings are an existing group too.
        var putin = store.List().Single(g => g.Id == "curated-putin");
        Assert.Equal("curated-putin", store.PlanAdd(store.Edits, putin.Variants).Group.Id);
        // Two replicas adding the same group at once name it alike.
        Assert.Equal(first.Group.Id, new NameVariantStore().PlanAdd(VariantEdits.None, ["lemberg", "Lviv"]).Group.Id);
    }

    [Fact]
    public void A_removed_curated_group_is_disabled_listed_on_request_and_restorable()
    {
        var store = new NameVariantStore();
        Assert.True(store.Remove("curated-putin"));
        Assert.False(store.Remove("curated-putin"));
        Assert.DoesNotContain(store.List(), g => g.Id == "curated-putin");
        Assert.True(Assert.Single(store.List(includeDisabled: true), g => g.Id == "curated-putin").Disabled);

        var restore = store.PlanRestore(store.Edits, "curated-putin");
        Assert.NotNull(restore);
        store.Apply(restore.Edits);
        Assert.False(Assert.Single(store.List(), g => g.Id == "curated-putin").Disabled);
        Assert.Contains(store.FindByKey(NameKey.Compute("Poutine")), m => m.Group.Id == "curated-putin");
        Assert.Null(store.PlanRestore(store.Edits, "curated-putin"));
        // A user group is deleted, not disabled: nothing to restore.
        var user = store.Add(["Lviv", "Lemberg"]);
        Assert.True(store.Remove(user.Id));
        Assert.Null(store.PlanRestore(store.Edits, user.Id));
    }

    [Fact]
    public void Import_reports_each_skipped_group_by_position_with_its_reason()
    {
        var store = new NameVariantStore();
        string[][] groups = [["Muammar", "Moammar"], ["Solo"], ["!!!", "???"], ["One Two", "Three"], ["Moammar", "MOAMMAR"], ["Lviv", "Lemberg"], ["Lemberg", "Lviv"]];

        var import = store.PlanImport(store.Edits, groups);

        Assert.Equal(2, import.Imported);
        Assert.Equal([1, 2, 3, 4, 6], import.Skipped.Select(s => s.Index));
        Assert.Contains("two distinct spellings", import.Skipped[0].Reason);
        Assert.Contains("'!!!' has no letters", import.Skipped[1].Reason);
        Assert.Contains("same number of words", import.Skipped[2].Reason);
        Assert.Contains("two distinct spellings", import.Skipped[3].Reason);
        Assert.Contains("repeats an earlier group", import.Skipped[4].Reason);
        store.Apply(import.Edits);
        Assert.Contains("already exists", store.PlanImport(store.Edits, [["Muammar", "Moammar"]]).Skipped.Single().Reason);
    }

    [Fact]
    public void Spellings_without_letters_are_refused_for_that_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => new NameVariantStore().Add(["!!!", "???"]));
        Assert.StartsWith("'!!!' has no letters", error.Message);
    }

    [Fact]
    public void Import_reads_tab_separated_groups_and_skips_comments_and_lone_names()
    {
        const string list = "#version: public-2026-01\n# a comment\nMuammar\tMoammar\tMuammer\n\nLoneName\nAbu Bakr\tAbou Bakr\nOne Two\tThree\n";
        var store = new NameVariantStore();

        Assert.Equal(2, store.Import(new StringReader(list)));
        Assert.Equal(2, store.List().Count(g => g.Origin == VariantOrigin.Imported));
        Assert.Contains(store.FindByKey(NameKey.Compute("Moammar")), m => m.Words.Any(w => w.Form == "muammer"));
        // For an import, every line goes to the server with its line number, lone names too.
        var all = NameVariantList.Read(new StringReader(list), keepLoneSpellings: true);
        Assert.Equal([3, 5, 6, 7], all.LineNumbers);
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
        var store = new NameVariantStore();
        var before = store.Version;
        Parallel.For(0, 50, i => store.Add([$"Name{i}a", $"Name{i}b"]));
        Assert.Equal(50, store.List().Count(g => g.Origin == VariantOrigin.User));
        Assert.Equal(before + 50, store.Version);
        Assert.Equal(50, store.Edits.Groups.Count);
    }

    [Fact]
    public void A_configured_list_is_not_in_the_edits_but_disabling_its_group_is()
    {
        static NameVariantList List() => NameVariantList.Read(new StringReader("Bonaparte\tBuonaparte\nSolo\n"));
        var store = new NameVariantStore();
        Assert.Equal(1, store.AddConfiguredList(List()));
        var group = Assert.Single(store.List(), g => g.Origin == VariantOrigin.Configured);
        store.Add(["Lviv", "Lwiw"]);
        Assert.DoesNotContain(store.Edits.Groups, g => g.Origin == VariantOrigin.Configured);

        var restarted = new NameVariantStore();
        restarted.AddConfiguredList(List());
        Assert.Equal(group.Id, Assert.Single(restarted.List(), g => g.Origin == VariantOrigin.Configured).Id);
        Assert.True(restarted.Remove(group.Id));
        Assert.Equal([group.Id], restarted.Edits.RemovedListed);
    }
}
