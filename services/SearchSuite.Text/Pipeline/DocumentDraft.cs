namespace SearchSuite.Text.Pipeline;

/// <summary>A line of the hygiene-normalized text, trimmed of surrounding spaces; Length 0 for a blank line.</summary>
public readonly record struct TextLine(int Start, int Length)
{
    public bool IsBlank => Length == 0;
}

/// <summary>
/// The working state the boilerplate steps share: the text split into lines, which lines are
/// still body, and what has been taken out. Steps only ever remove, so offsets never shift.
/// </summary>
public sealed class DocumentDraft
{
    private readonly RemovedKind?[] _removedAs;
    private readonly List<RemovedSpan> _removed = [];

    public DocumentDraft(string hygieneText, string? knownTitle = null)
    {
        Text = hygieneText;
        Lines = LineSegmenter.Split(hygieneText);
        _removedAs = new RemovedKind?[Lines.Length];
        Title = knownTitle;
    }

    public string Text { get; }
    public TextLine[] Lines { get; }
    public string? Title { get; set; }
    public string? SourceUrl { get; set; }
    public string? DatelineOutlet { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public List<string> RelatedHeadlines { get; } = [];

    public ReadOnlySpan<char> LineText(int index) => Text.AsSpan(Lines[index].Start, Lines[index].Length);

    public bool IsBody(int index) => _removedAs[index] is null && !Lines[index].IsBlank;

    public RemovedKind? RemovedAs(int index) => _removedAs[index];

    public void RemoveLine(int index, RemovedKind kind)
    {
        if (_removedAs[index] is not null || Lines[index].IsBlank) return;
        _removedAs[index] = kind;
        AddRemoved(kind, Lines[index].Start, Lines[index].Length);
    }

    /// <summary>Removes the first <paramref name="length"/> characters of a body line (a dateline).</summary>
    public void RemoveLinePrefix(int index, int length, RemovedKind kind)
    {
        var line = Lines[index];
        var removedText = Text.AsSpan(line.Start, length).TrimEnd();
        AddRemoved(kind, line.Start, removedText.Length);
        Lines[index] = new TextLine(line.Start + length, line.Length - length);
    }

    /// <summary>The first line that is still body, or -1.</summary>
    public int FirstBodyLine()
    {
        for (var i = 0; i < Lines.Length; i++)
            if (IsBody(i)) return i;
        return -1;
    }

    public IReadOnlyList<RemovedSpan> Removed() => [.. _removed.OrderBy(span => span.Start)];

    public string Body() => string.Join('\n', Enumerable.Range(0, Lines.Length).Where(IsBody).Select(i => LineText(i).ToString()));

    private void AddRemoved(RemovedKind kind, int start, int length) =>
        _removed.Add(new RemovedSpan(kind, start, length, Text.Substring(start, length)));
}

/// <summary>One ordered step of the boilerplate pipeline.</summary>
public interface IDraftStep
{
    void Apply(DocumentDraft draft);
}
