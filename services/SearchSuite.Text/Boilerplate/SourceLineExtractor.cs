using System.Text.RegularExpressions;
using SearchSuite.Text.Pipeline;

namespace SearchSuite.Text.Boilerplate;

/// <summary>"Quelle: https://…" (or Source/Nguồn/Источник) → SourceUrl; the line is removed.</summary>
public sealed partial class SourceLineExtractor : IDraftStep
{
    public void Apply(DocumentDraft draft)
    {
        for (var i = 0; i < draft.Lines.Length; i++)
        {
            if (!draft.IsBody(i)) continue;
            var match = SourceLine().Match(draft.LineText(i).ToString());
            if (!match.Success) continue;
            draft.SourceUrl ??= match.Groups["url"].Value;
            draft.RemoveLine(i, RemovedKind.SourceLine);
        }
    }

    [GeneratedRegex(@"^(?:Quelle|Quellen|Source|Sources|Nguồn|Источник)\s*:\s*(?<url>https?://\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceLine();
}
