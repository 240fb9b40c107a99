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
            Console.Error.WriteLine($"error: {parse.Errors[0].Message} See '{string.Join(' ', CommandPath(parse))} --help'.");
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
        Console.Error.WriteLine($"error: {message}");
        return (int)code;
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Push(result.Command is RootCommand ? "searchsuite" : result.Command.Name);
        return names;
    }
}
