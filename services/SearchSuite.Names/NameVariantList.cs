namespace SearchSuite.Names;

/// <summary>
/// The plain-text variant list format, shared by the curated resource and imports of large public lists:
/// UTF-8, one group per line, the spellings of one name separated by TABs; blank lines and lines starting
/// with '#' are ignored, except an optional "#version: …" header that names the list's version.
/// </summary>
/// <param name="LineNumbers">The line (1-based) each group was read from, so a skipped group can be reported by its line.</param>
public sealed record NameVariantList(string? Version, IReadOnlyList<IReadOnlyList<string>> Groups, IReadOnlyList<int> LineNumbers)
{
    private const string VersionHeader = "#version:";

    /// <summary>Reads a list; a line with fewer than two distinct spellings carries no variant and is skipped.</summary>
    /// <param name="keepLoneSpellings">Keep such lines too, for an import whose server reports each group it skips.</param>
    public static NameVariantList Read(TextReader reader, bool keepLoneSpellings = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? version = null;
        var groups = new List<IReadOnlyList<string>>();
        var lineNumbers = new List<int>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.StartsWith(VersionHeader, StringComparison.OrdinalIgnoreCase))
            {
                version ??= line[VersionHeader.Length..].Trim();
                continue;
            }
            if (line.StartsWith('#')) continue;
            var variants = line.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray();
            if (variants.Length >= (keepLoneSpellings ? 1 : 2))
            {
                groups.Add(variants);
                lineNumbers.Add(lineNumber);
            }
        }
        return new NameVariantList(version, groups, lineNumbers);
    }

    /// <summary>Reads a list embedded in this assembly under <paramref name="logicalName"/>.</summary>
    public static NameVariantList ReadEmbedded(string logicalName)
    {
        using var stream = typeof(NameVariantList).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"Embedded resource {logicalName} is missing.");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }
}
