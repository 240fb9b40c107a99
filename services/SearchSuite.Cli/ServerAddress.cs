namespace SearchSuite.Cli;

/// <summary>A server address as users type it: <c>host:port</c>, or an <c>http://</c> / <c>https://</c> URL.</summary>
public static class ServerAddress
{
    /// <exception cref="CliFailure">The text is not such an address (exit code <see cref="ExitCode.Usage"/>).</exception>
    public static Uri Parse(string text, string option = "--server")
    {
        var trimmed = text.Trim();
        var withScheme = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "http://" + trimmed;
        if (Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.Host.Length > 0 && (trimmed.Contains("://", StringComparison.Ordinal) || HasPort(trimmed)))
            return uri;
        throw new CliFailure(ExitCode.Usage,
            $"{option} '{text}' is not a server address; give host:port (127.0.0.1:{AllInOneHost.DefaultPort}) or a URL (http://127.0.0.1:{AllInOneHost.DefaultPort}).");
    }

    /// <summary>The address as the user would type it again: host:port for plain HTTP, the URL otherwise.</summary>
    public static string Display(Uri address) => address.Scheme == "http" ? address.Authority : address.GetLeftPart(UriPartial.Authority);

    /// <summary>The same host with another port, for "did you mean" hints.</summary>
    public static string WithPort(Uri address, int port) => Display(new UriBuilder(address) { Port = port }.Uri);

    // "localhost" alone would become port 80, which is never a SearchSuite default: ask for the port instead.
    private static bool HasPort(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        return colon > 0 && colon > hostAndPort.LastIndexOf(']') && int.TryParse(hostAndPort[(colon + 1)..].TrimEnd('/'), out var port) && port is > 0 and <= 65535;
    }
}
