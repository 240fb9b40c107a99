using SearchSuite.Search;

namespace SearchSuite.Services.Tests.Search;

public sealed class BoundedMemoTests
{
    [Fact]
    public void A_value_is_computed_once_and_found_again_by_string_or_span()
    {
        var memo = new BoundedMemo<string>(10);
        var computed = 0;
        string Fold(string s) { computed++; return s.ToLowerInvariant(); }

        Assert.Equal("nguyễn", memo.GetOrAdd("Nguyễn", Fold));
        Assert.Equal("nguyễn", memo.GetOrAdd("Nguyễn", Fold));
        Assert.Equal("nguyễn", memo.GetOrAdd("xx Nguyễn".AsSpan(3), Fold));
        Assert.Equal(1, computed);
    }

    [Fact]
    public void It_forgets_everything_once_full_so_it_stays_bounded()
    {
        var memo = new BoundedMemo<int>(3);
        var computed = 0;
        int Length(string s) { computed++; return s.Length; }

        foreach (var word in new[] { "a", "bb", "ccc" }) memo.GetOrAdd(word, Length);
        memo.GetOrAdd("dddd", Length); // the fourth entry resets the memo
        memo.GetOrAdd("a", Length);    // so "a" is computed again
        memo.GetOrAdd("dddd", Length); // while the newest is kept

        Assert.Equal(5, computed);
    }
}
