namespace SearchSuite.Elasticsearch;

/// <summary>Whether a cluster speaks the REST dialect this client uses (typeless _doc API, 7.10+ and 8.x).</summary>
public sealed record ServerVersionCheck(bool IsSupported, string Message)
{
    public static ServerVersionCheck Evaluate(string? versionNumber, string? distribution = null)
    {
        if (!string.IsNullOrEmpty(distribution) && !distribution.Equals("elasticsearch", StringComparison.OrdinalIgnoreCase))
            return new(false, $"The server is {distribution} {versionNumber}, not Elasticsearch; SearchSuite supports Elasticsearch 7.10+ and 8.x.");
        if (!TryParseMajorMinor(versionNumber, out var major, out var minor))
            return new(false, $"The server did not report a readable version number ('{versionNumber}'); SearchSuite supports Elasticsearch 7.10+ and 8.x.");
        return (major, minor) switch
        {
            (8, _) => new(true, $"Elasticsearch {versionNumber} is supported."),
            (7, >= 10) => new(true, $"Elasticsearch {versionNumber} is supported (7.x compatibility mode: typeless _doc API only)."),
            (< 7, _) or (7, _) => new(false, $"Elasticsearch {versionNumber} is too old; SearchSuite needs 7.10 or newer (or 8.x)."),
            _ => new(false, $"Elasticsearch {versionNumber} is newer than this client was built for; SearchSuite supports 7.10+ and 8.x."),
        };
    }

    private static bool TryParseMajorMinor(string? versionNumber, out int major, out int minor)
    {
        major = minor = 0;
        // "8.15.3" or "8.0.0-SNAPSHOT": only major and minor matter.
        var parts = (versionNumber ?? "").Split('.', '-');
        return parts.Length >= 2 && int.TryParse(parts[0], out major) && int.TryParse(parts[1], out minor);
    }
}
