using System.Text.RegularExpressions;
using SearchSuite.Text.Pipeline;

namespace SearchSuite.Text.Boilerplate;

/// <summary>
/// "Lesen Sie auch" / "Read more" / "Đọc thêm" and the headlines under it, up to the next blank
/// line. The headlines are kept verbatim (minus the bullet) in RelatedHeadlines so their words,
/// misspellings included, stay searchable with low weight.
/// </summary>
public sealed partial class RelatedArticlesRemover : IDraftStep
{
    private const int MaxHeadlineLength = 250;

    public void Apply(DocumentDraft draft)
    {
        for (var i = 0; i < draft.Lines.Length; i++)
        {
            if (!draft.IsBody(i) || !Header().IsMatch(draft.LineText(i))) continue;
            draft.RemoveLine(i, RemovedKind.RelatedArticles);
            for (i++; i < draft.Lines.Length && draft.IsBody(i) && draft.Lines[i].Length <= MaxHeadlineLength; i++)
            {
                draft.RelatedHeadlines.Add(draft.LineText(i).TrimStart(Bullets).Trim().ToString());
                draft.RemoveLine(i, RemovedKind.RelatedArticles);
            }
        }
    }

    private const string Bullets = "-–—•*·►▪>";

    [GeneratedRegex(@"^(?:Lesen Sie (?:auch|mehr)|Mehr zum Thema|Auch interessant|Das könnte Sie auch interessieren|Read (?:more|also)|Related(?: articles| stories| news)?|See also|More on this story|Đọc thêm|Tin liên quan|Xem thêm|Читайте также|По теме)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex Header();
}
