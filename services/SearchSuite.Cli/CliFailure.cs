namespace SearchSuite.Cli;

/// <summary>
/// The process exit codes of every command; README.md ("Exit codes") lists the same table, so scripts can branch on them.
/// </summary>
public enum ExitCode
{
    Success = 0,
    /// <summary>The server failed the call, or something unexpected broke.</summary>
    Failed = 1,
    /// <summary>Bad arguments, address, file or input: fix the command line or the file.</summary>
    Usage = 2,
    /// <summary>Some documents or list lines were refused (each is listed); the rest went through.</summary>
    Rejected = 3,
    /// <summary>The document, group or other named thing does not exist.</summary>
    NotFound = 4,
    /// <summary>No server answers at the address, or a different SearchSuite service does.</summary>
    Unreachable = 5,
    /// <summary>Documents were accepted but did not become searchable within the wait.</summary>
    NotSearchable = 6,
    /// <summary>The server requires an API key and none, or a wrong one, was given.</summary>
    Unauthorized = 7,
    /// <summary><c>serve</c> could not listen (the port is in use or not allowed).</summary>
    CannotServe = 8,
}

/// <summary>A failure the user can act on: printed as one line ("error: …") and turned into its exit code, never a stack trace.</summary>
public sealed class CliFailure(ExitCode exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public ExitCode ExitCode { get; } = exitCode;
}
