using System.Text.RegularExpressions;
using SearchSuite.Text.Pipeline;

namespace SearchSuite.Text.Boilerplate;

/// <summary>
/// A podcast page appends its episode list ("Avsnitt(1616)", titles, teasers, "20 Feb 38min")
/// and a directory of other shows after the article. Everything from the episode-count header on
/// is navigation; directory headers and slug lines are told apart from episodes because they are
/// links, not content.
/// </summary>
public sealed partial class PodcastListingRemover : IDraftStep
{
    public void Apply(DocumentDraft draft)
    {
        var header = FindListingHeader(draft);
        if (header < 0) return;
        var inDirectory = false;
        for (var i = header; i < draft.Lines.Length; i++)
        {
            if (!draft.IsBody(i)) continue;
            var line = draft.LineText(i);
            inDirectory |= DirectoryHeader().IsMatch(line);
            draft.RemoveLine(i, inDirectory || IsSlug(line) ? RemovedKind.DirectoryLinks : RemovedKind.PodcastListing);
        }
    }

    /// <summary>A directory link written as a URL slug: "rss-dagen-med-di", "24fragor", "badfluence".</summary>
    public static bool IsSlug(ReadOnlySpan<char> line) => Slug().IsMatch(line);

    private static int FindListingHeader(DocumentDraft draft)
    {
        for (var i = 0; i < draft.Lines.Length; i++)
            if (draft.IsBody(i) && ListingHeader().IsMatch(draft.LineText(i))) return i;
        return -1;
    }

    [GeneratedRegex(@"^(?:Avsnitt|Episodes?|Folgen|Episoden|Épisodes|Afleveringen|Jaksot|Tập|Выпуски)\s*\(\d+\)$", RegexOptions.IgnoreCase)]
    private static partial Regex ListingHeader();

    [GeneratedRegex(@"^(?:Populärt inom|Popular in|Beliebt in|Populaire in|Populaires dans|Suosittua)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DirectoryHeader();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
