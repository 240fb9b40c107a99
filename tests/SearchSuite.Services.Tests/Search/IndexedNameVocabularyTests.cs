using SearchSuite.Search.NameMatching;

namespace SearchSuite.Services.Tests.Search;

public class IndexedNameVocabularyTests
{
    [Fact]
    public void Synchronise_takes_the_index_forms_and_drops_the_rest()
    {
        var names = new IndexedNameVocabulary();
        names.Synchronise(["peskow", "putin"], names.BeginRead());
        names.BeginRead();

        var (added, removed) = names.Synchronise(["putin", "lawrow"], names.BeginRead());

        Assert.Equal((1, 1), (added, removed));
        Assert.Equal(["lawrow", "putin"], names.Vocabulary.Forms().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_name_indexed_here_survives_a_read_that_may_have_missed_its_commit_but_not_later_ones()
    {
        var names = new IndexedNameVocabulary();
        var read = names.BeginRead();
        names.Register("Dmitri Peskow");

        names.Synchronise([], read);
        Assert.True(names.Vocabulary.Contains("Peskow"));

        names.Synchronise([], names.BeginRead());
        names.Synchronise([], names.BeginRead());
        Assert.False(names.Vocabulary.Contains("Peskow"));
    }
}
