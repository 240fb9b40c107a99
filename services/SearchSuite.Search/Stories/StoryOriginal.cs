using SearchSuite.Contracts;

namespace SearchSuite.Search.Stories;

/// <summary>What a story's versions say about where it came from.</summary>
public sealed record StoryOrigin(DocumentNormalized? Version, string? Outlet);

/// <summary>
/// The original of a story: the version whose outlet the other versions cite (a translation or rewrite names its source:
/// "sagt Bloomberg", "(Dan Tri) … in an interview with Bloomberg"). When the cited outlet's own version is not indexed,
/// only its name is known. Without citations, the earliest version written in its own language (not a translation).
/// </summary>
public static class StoryOriginal
{
    public static StoryOrigin Find(IReadOnlyList<DocumentNormalized> versions)
    {
        if (versions.Count == 0) return new StoryOrigin(null, null);
        // How many other versions cite each source, by its normalised key.
        var cited = new Dictionary<string, (int Count, string Name)>(StringComparer.Ordinal);
        foreach (var version in versions)
            foreach (var source in version.CitedSources.Distinct(StringComparer.OrdinalIgnoreCase))
                if (StoryEvidence.SourceKey(source) is { } key && key != OutletKey(version))
                    cited[key] = (cited.GetValueOrDefault(key).Count + 1, source);

        var citedVersion = versions
            .Where(v => OutletKey(v) is { } key && cited.ContainsKey(key))
            .OrderByDescending(v => cited[OutletKey(v)!].Count)
            .ThenBy(v => v.DuplicateOf is null ? 0 : 1)
            .ThenBy(v => v.SubmittedAt)
            .ThenBy(v => v.DocumentId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (citedVersion is not null) return new StoryOrigin(citedVersion, citedVersion.Outlet);

        // A source that most versions cite but that has no version here.
        var mostCited = cited.Values.Where(c => c.Count * 2 >= versions.Count && c.Count >= 2).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var own = versions
            .Where(v => v.DuplicateOf is null && (v.OriginLanguage is null || v.OriginLanguage == v.Language))
            .OrderBy(v => v.SubmittedAt)
            .ThenBy(v => v.DocumentId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (mostCited.Count > 0) return new StoryOrigin(null, mostCited[0].Name);
        return new StoryOrigin(own, own?.Outlet);
    }

    private static string? OutletKey(DocumentNormalized version) => version.Outlet is { Length: > 0 } outlet ? StoryEvidence.SourceKey(outlet) : null;
}
