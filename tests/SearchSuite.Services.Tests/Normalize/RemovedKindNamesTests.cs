using SearchSuite.Normalize;
using SearchSuite.Text;

namespace SearchSuite.Services.Tests.Normalize;

public sealed class RemovedKindNamesTests
{
    [Fact]
    public void Every_removed_kind_has_its_own_snake_case_wire_name()
    {
        var names = Enum.GetValues<RemovedKind>().Select(RemovedKindNames.Of).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches("^[a-z]+(_[a-z]+)*$", name));
        // The names clients and stored documents already hold (search.proto's RemovedText.kind examples).
        Assert.Equal(["related_articles", "ad_marker", "comment_counter", "podcast_listing"],
            new[] { RemovedKind.RelatedArticles, RemovedKind.AdMarker, RemovedKind.CommentCounter, RemovedKind.PodcastListing }.Select(RemovedKindNames.Of));
    }
}
