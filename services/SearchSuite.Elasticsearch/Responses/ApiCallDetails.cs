namespace SearchSuite.Elasticsearch;

/// <summary>What happened on the wire for one API call, including retries.</summary>
public sealed class ApiCallDetails
{
    public required HttpMethod HttpMethod { get; init; }

    /// <summary>Path and query string, relative to the cluster URI.</summary>
    public required string PathAndQuery { get; init; }

    /// <summary>Status of the last attempt; null when no attempt got an HTTP response.</summary>
    public int? HttpStatusCode { get; init; }

    public int Attempts { get; init; }

    /// <summary>The transport failure of the last attempt (connection refused, timeout), captured rather than thrown.</summary>
    public Exception? OriginalException { get; init; }

    public string? ResponseBody { get; init; }

    public bool HasSuccessfulStatusCode => HttpStatusCode is >= 200 and < 300;
}
