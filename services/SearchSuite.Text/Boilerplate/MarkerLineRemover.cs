using System.Text.RegularExpressions;
using SearchSuite.Text.Pipeline;

namespace SearchSuite.Text.Boilerplate;

/// <summary>Removes whole lines that are page furniture recognisable on their own: ad slots, comment counters, privacy notices.</summary>
public sealed partial class MarkerLineRemover(RemovedKind kind, Regex line) : IDraftStep
{
    /// <summary>"[Anzeige_2]", "[Advertisement]", "[Quảng cáo]".</summary>
    public static MarkerLineRemover AdMarkers() => new(RemovedKind.AdMarker, AdMarker());

    /// <summary>"Kommentar (0)", "Comments (12)", "Bình luận (3)".</summary>
    public static MarkerLineRemover CommentCounters() => new(RemovedKind.CommentCounter, CommentCounter());

    /// <summary>"See omnystudio.com/listener for privacy information.", ad-choices notices of podcast hosts.</summary>
    public static MarkerLineRemover PrivacyNotices() => new(RemovedKind.PrivacyNotice, PrivacyNotice());

    public void Apply(DocumentDraft draft)
    {
        for (var i = 0; i < draft.Lines.Length; i++)
            if (draft.IsBody(i) && line.IsMatch(draft.LineText(i)))
                draft.RemoveLine(i, kind);
    }

    [GeneratedRegex(@"^\[(?:Anzeige|Werbung|Advertisement|Ad|Ads|Quảng cáo|Реклама)(?:[_ ]?\d+)?\]$", RegexOptions.IgnoreCase)]
    private static partial Regex AdMarker();

    [GeneratedRegex(@"^(?:Kommentare?|Comments?|Bình luận|Комментари[йия]?)\s*\(\d+\)$", RegexOptions.IgnoreCase)]
    private static partial Regex CommentCounter();

    [GeneratedRegex(@"^.{0,120}\b(?:for privacy information|privacy policy|ad ?choices|Datenschutzhinweise|Datenschutzerklärung)\b.{0,80}$", RegexOptions.IgnoreCase)]
    private static partial Regex PrivacyNotice();
}
