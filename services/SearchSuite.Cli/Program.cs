using System.CommandLine;
using SearchSuite.Cli;
using SearchSuite.Cli.Commands;
using SearchSuite.Cli.Output;

Terminal.Configure();
var root = new RootCommand("SearchSuite: translation-aware news search. 'serve' runs everything in one process; the other commands talk to a server over gRPC.")
{
    ServeCommand.Create(),
    IngestCommand.Create(),
    SearchCommand.Create(),
    GetCommand.Create(),
    DeleteCommand.Create(),
    StoryCommand.Create(),
    NamesCommand.Create(),
};
return await CommandLineErrors.InvokeAsync(root, args);
