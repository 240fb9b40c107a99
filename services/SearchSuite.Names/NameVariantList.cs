namespace SearchSuite.Names;

/// <summary>
/// The plain-text variant list format, shared by the curated resource and imports of large public lists:
/// UTF-8, one group per line, the spellings of one name separated by TABs; blank lines and lines starting
/// with '#' are ignored, except an optional "#version: …" header that names the list's version.
/// </summary>
public sealed record NameVariantList(string? Version, IReadOnlyList<IReadOnlyList<string>> Groups)
{
    private const string VersionHeader = "#version:";

    /// <summary>Reads a list; a line with fewer than two distinct spellings carries no variant and is skipped.</summary>
    public static NameVariantList Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? version = null;
        var groups = new List<IReadOnlyList<string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith(VersionHeader, StringComparison.OrdinalIgnoreCase))
            {
                version ??= line[VersionHeader.Length..].Trim();
                continue;
            }
            if (line.StartsWith('#')) continue;
            var variants = line.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray();
            if (variants.Length >= 2) groups.Add(variants);
        }
        return new NameVariantList(version, groups);
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
