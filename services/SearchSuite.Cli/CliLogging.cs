using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace SearchSuite.Cli;

/// <summary>The CLI's own messages go to stdout; the embedded server's logs go to stderr, at Warning unless --verbose.</summary>
public static class CliLogging
{
    public static void ToStandardError(WebApplicationBuilder builder, bool verbose)
    {
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (!verbose)
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = nameof(LogLevel.Warning),
                // A failed start is rethrown and printed as one line (CommandLineErrors); the host's stack trace is for --verbose.
                ["Logging:LogLevel:Microsoft.Extensions.Hosting"] = nameof(LogLevel.None),
            });
    }
}
