using System.CommandLine;

namespace SearchSuite.Benchmarks.Names;

/// <summary>Name-matching relevance (recall@10, false matches) and expansion cost.</summary>
public static class NameBenchmarks
{
    public static Command CreateCommand() => new("names", "Name relevance on ../shared/data/names (not yet implemented)");
}
