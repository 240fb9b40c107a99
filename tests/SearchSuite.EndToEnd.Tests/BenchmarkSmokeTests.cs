using SearchSuite.Testing;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>
/// The system benchmark at smoke size, so it never rots: it must run through every stage (search beside the health
/// check on the all-in-one and on three processes over RabbitMQ) and make every generated document searchable. No
/// timing is asserted; the figures live in docs/benchmarks.md.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Trait("Category", TestCategories.SharedData)]
    [Trait("Category", TestCategories.Benchmark)]
    [Fact]
    public async Task The_system_benchmark_runs_end_to_end_at_smoke_size()
    {
        string[] arguments = [RepoPaths.TestToolAssembly("SearchSuite.Benchmarks"), "system", "--docs", "500", "--search-seconds", "0.25", "--fresh", "5"];
        var result = await ExternalTool.RunAsync("dotnet", arguments, "the .NET SDK", RepoPaths.Root, timeout: TimeSpan.FromMinutes(8));

        var why = $"dotnet {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Output}";
        Assert.True(result.ExitCode == 0, why);
        foreach (var stage in new[] { "all-in-one", "RabbitMQ", "freshness", "p99", "health check" })
            Assert.True(result.Output.Contains(stage, StringComparison.OrdinalIgnoreCase), $"no '{stage}' figure in the output. {why}");
    }
}
