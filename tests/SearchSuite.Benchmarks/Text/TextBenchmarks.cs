using System.CommandLine;

namespace SearchSuite.Benchmarks.Text;

/// <summary>Language-identification accuracy and normalize throughput on NTREX.</summary>
public static class TextBenchmarks
{
    public static Command CreateCommand() => new("text", "Language-ID accuracy and normalize throughput on NTREX (not yet implemented)");
}
