using System.CommandLine;
using System.CommandLine.Help;

namespace SearchSuite.Cli;

/// <summary>Every failure ends as one line on stderr ("error: …") and an <see cref="ExitCode"/>, never a stack trace.</summary>
public static class CommandLineErrors
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            Console.Error.WriteLine($"error: {OneLine(parse.Errors[0].Message)} See '{string.Join(' ', CommandPath(parse))} --help'.");
            return (int)ExitCode.Usage;
        }
        try
        {
            // SIGTERM/Ctrl+C cancel the command's token; 'serve' then drains its pipeline and commits, which takes longer
            // than System.CommandLine's default of two seconds before it ends the process.
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = AllInOneHost.ShutdownTimeout + TimeSpan.FromSeconds(10),
            });
        }
        catch (CliFailure e)
        {
            return Fail(e.ExitCode, e.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail(ExitCode.Failed, "cancelled.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCode.Usage, e.Message);
        }
        catch (Exception e)
        {
            // A bug, not a user error: still one line, with the type so it can be reported.
            return Fail(ExitCode.Failed, $"{e.GetType().Name}: {e.Message} (please report this)");
        }
    }

    private static int Fail(ExitCode code, string message)
    {
        Console.Error.WriteLine($"error: {OneLine(message)}");
        return (int)code;
    }

    /// <summary>System.CommandLine lists an option's allowed values on lines of their own: "Must be one of: 'a', 'b'".</summary>
    internal static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length <= 1) return message.Trim();
        return $"{lines[0]} {string.Join(", ", lines[1..])}.";
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Push(result.Command is RootCommand ? "searchsuite" : result.Command.Name);
        return names;
    }
}
