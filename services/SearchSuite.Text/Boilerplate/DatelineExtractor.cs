using System.Text.RegularExpressions;
using SearchSuite.Text.Pipeline;

namespace SearchSuite.Text.Boilerplate;

/// <summary>"(Dan Tri) – " or "MOSCOW (Reuters) - " before the first sentence: the outlet is metadata, not body text.</summary>
public sealed partial class DatelineExtractor : IDraftStep
{
    public void Apply(DocumentDraft draft)
    {
        var first = draft.FirstBodyLine();
        if (first < 0) return;
        var match = Dateline().Match(draft.LineText(first).ToString());
        if (!match.Success) return;
        draft.DatelineOutlet = match.Groups["outlet"].Value.Trim();
        draft.RemoveLinePrefix(first, match.Length, RemovedKind.Dateline);
    }

    [GeneratedRegex(@"^(?:\p{Lu}[\p{Lu} .,'/-]{1,40}\s*)?\((?<outlet>[^()\d]{2,40})\)\s*[–—-]\s*")]
    private static partial Regex Dateline();
}
