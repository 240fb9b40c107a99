using Spectre.Console;

namespace SearchSuite.Cli.Output;

/// <summary>How the CLI writes for people: wrapped to the terminal on a TTY, never wrapped when piped or redirected.</summary>
public static class Terminal
{
    /// <summary>Wide enough that no line of a document or URL is cut when the output goes to a file or a pipe.</summary>
    private const int UnwrappedWidth = 1_000_000;

    public static bool IsInteractive => !Console.IsOutputRedirected;

    /// <summary>Called once at start: Spectre.Console assumes 80 columns without a terminal and would hard-wrap every line there.</summary>
    public static void Configure()
    {
        if (!IsInteractive) AnsiConsole.Profile.Width = UnwrappedWidth;
    }

    /// <summary>"1 hit", "2 hits", "0 groups".</summary>
    public static string Count(long count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>A grey line indented by <paramref name="indent"/>, whose wrapped continuation lines keep the indent.</summary>
    public static void Indented(string markup, int indent = 3) =>
        AnsiConsole.Write(new Padder(new Markup(markup), new Padding(indent, 0, 0, 0)));
}
