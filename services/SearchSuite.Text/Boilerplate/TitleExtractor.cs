using SearchSuite.Text.Pipeline;

namespace SearchSuite.Text.Boilerplate;

/// <summary>
/// The headline is the first line when a blank line follows it (or the caller's title when that
/// is the first line). A text without such a line (seed 001) gets no title: inventing one from the
/// first sentence would only index that sentence twice. Later lines repeating the headline go too.
/// </summary>
public sealed class TitleExtractor : IDraftStep
{
    private const int MaxTitleLength = 200;

    public void Apply(DocumentDraft draft)
    {
        var first = draft.FirstBodyLine();
        if (first < 0) return;
        var firstLine = draft.LineText(first);
        if (draft.Title is not null ? IsSameTitle(firstLine, draft.Title) : IsHeadline(draft, first))
        {
            draft.Title ??= firstLine.ToString();
            draft.RemoveLine(first, RemovedKind.Title);
        }
        if (draft.Title is null) return;
        for (var i = first + 1; i < draft.Lines.Length; i++)
            if (draft.IsBody(i) && IsSameTitle(draft.LineText(i), draft.Title))
                draft.RemoveLine(i, RemovedKind.RepeatedTitle);
    }

    private static bool IsHeadline(DocumentDraft draft, int line) =>
        draft.Lines[line].Length <= MaxTitleLength
        && line + 1 < draft.Lines.Length && draft.Lines[line + 1].IsBlank
        && Enumerable.Range(line + 1, draft.Lines.Length - line - 1).Any(draft.IsBody);

    private static bool IsSameTitle(ReadOnlySpan<char> line, string title) =>
        line.Equals(title.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
}
