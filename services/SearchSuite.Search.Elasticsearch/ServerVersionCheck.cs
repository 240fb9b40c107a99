namespace SearchSuite.Search.Elasticsearch;

/// <summary>
/// Whether a cluster is one the client can talk to: Elasticsearch 9.x. The 9.x client sends
/// "compatible-with=9" headers, which 8.x refuses; OpenSearch fails the client's product check before this runs.
/// </summary>
public sealed record ServerVersionCheck(bool IsSupported, string Message)
{
    public const string Requirement = "SearchSuite needs Elasticsearch 9.x (the official 9.x client); OpenSearch and Elasticsearch 8.x or older are not supported";

    /// <summary>The message when the client's product check refuses the server (no X-Elastic-Product header: OpenSearch, a proxy, another product).</summary>
    public static ServerVersionCheck RefusedProduct(string detail) =>
        new(false, $"The server is not Elasticsearch (the client's product check failed: {detail}). OpenSearch fails this check. {Requirement}.");

    public static ServerVersionCheck Evaluate(string? versionNumber, string? buildFlavor = null)
    {
        if (!int.TryParse((versionNumber ?? "").Split('.', '-')[0], out var major))
            return new(false, $"The server did not report a readable version number ('{versionNumber}'). {Requirement}.");
        return major switch
        {
            9 => new(true, $"Elasticsearch {versionNumber} ({buildFlavor ?? "unknown"} build) is supported."),
            < 9 => new(false, $"Elasticsearch {versionNumber} is too old: {Requirement}. Upgrade the cluster to 9.x."),
            _ => new(false, $"Elasticsearch {versionNumber} is newer than this client was built for: {Requirement}."),
        };
    }
}
