using System.CommandLine;
using SearchSuite.Cli;
using SearchSuite.Cli.Commands;

var root = new RootCommand("SearchSuite: translation-aware news search. 'serve' runs everything in one process; the other commands talk to a server over gRPC.")
{
    ServeCommand.Create(),
    IngestCommand.Create(),
    SearchCommand.Create(),
    GetCommand.Create(),
    StoryCommand.Create(),
    NamesCommand.Create(),
};
// SIGTERM/Ctrl+C cancel the command's token; 'serve' then drains its pipeline and commits, which takes longer than
// System.CommandLine's default of two seconds before it ends the process.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = AllInOneHost.ShutdownTimeout + TimeSpan.FromSeconds(10) });
