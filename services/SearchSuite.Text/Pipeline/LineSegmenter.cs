namespace SearchSuite.Text.Pipeline;

/// <summary>Splits text at '\n' into trimmed line ranges (hygiene has already turned \r\n into \n).</summary>
public static class LineSegmenter
{
    public static TextLine[] Split(string text)
    {
        var lines = new List<TextLine>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            lines.Add(Trimmed(text, start, end));
            start = end + 1;
        }
        return [.. lines];
    }

    private static TextLine Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextLine(start, end - start);
    }
}
