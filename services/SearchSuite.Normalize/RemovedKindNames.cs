using SearchSuite.Text;

namespace SearchSuite.Normalize;

/// <summary>
/// Wire names of removed-span kinds: snake_case, stable across releases (e.g. "related_articles"). Spelled out, not
/// derived from the enum's C# names, so renaming a member cannot change what clients and stored documents see.
/// </summary>
public static class RemovedKindNames
{
    public static string Of(RemovedKind kind) => kind switch
    {
        RemovedKind.Title => "title",
        RemovedKind.RepeatedTitle => "repeated_title",
        RemovedKind.Dateline => "dateline",
        RemovedKind.SourceLine => "source_line",
        RemovedKind.RelatedArticles => "related_articles",
        RemovedKind.AdMarker => "ad_marker",
        RemovedKind.CommentCounter => "comment_counter",
        RemovedKind.PrivacyNotice => "privacy_notice",
        RemovedKind.PodcastListing => "podcast_listing",
        RemovedKind.DirectoryLinks => "directory_links",
        RemovedKind.PublicationDate => "publication_date",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a new removed kind needs its wire name here"),
    };
}
