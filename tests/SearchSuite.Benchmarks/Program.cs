using System.CommandLine;
using SearchSuite.Benchmarks.EndToEnd;
using SearchSuite.Benchmarks.Names;
using SearchSuite.Benchmarks.Text;

var root = new RootCommand("SearchSuite benchmarks. Each subcommand prints a table; --json writes the figures too.");
root.Subcommands.Add(TextBenchmarks.CreateCommand());
root.Subcommands.Add(NameBenchmarks.CreateCommand());
root.Subcommands.Add(SystemBenchmarks.CreateCommand());
root.Subcommands.Add(JournalBenchmarks.CreateCommand());
root.Subcommands.Add(SearchBenchmarks.CreateCommand());
root.Subcommands.Add(SearchSuite.Benchmarks.Stories.StoryBenchmarks.CreateCommand());
return await root.Parse(args).InvokeAsync();
