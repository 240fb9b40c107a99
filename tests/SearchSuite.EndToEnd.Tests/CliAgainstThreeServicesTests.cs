using SearchSuite.Testing;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>
/// The CLI pointed at the wrong service of the three-process layout, as a new user does first: it says which service
/// answers there and which option and port to pass, instead of "Unimplemented".
/// </summary>
public sealed class CliAgainstThreeServicesTests
{
    [Fact]
    public async Task Search_on_the_ingest_port_and_ingest_wait_without_search_server_name_the_service_and_the_option_to_pass()
    {
        await using var stack = await ThreeProcessStack.StartAsync("cli-wrong-service");
        var ingest = stack.IngestProcess.Address;
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "one.jsonl");
        await File.WriteAllTextAsync(file, """{"document_id":"cli-wrong-service-1","text":"Kremlsprecher Dmitri Peskow sagte am Montag, Moskau sei bereit."}""" + "\n");

        var search = await Cli.RunAsync(["search", "Putin", "--server", ingest]);
        var waitOnIngest = await Cli.RunAsync(["ingest", file, "--wait", "--server", ingest]);
        var waitOnSearch = await Cli.RunAsync(["ingest", file, "--wait", "--server", ingest, "--search-server", stack.SearchProcess.Address]);

        var why = $"{search}\n{waitOnIngest}\n{waitOnSearch}\n{stack.Logs}";
        Assert.True(search.ExitCode == 5, why);
        Assert.Contains("is the ingest service, which does not serve searchsuite.v1.SearchService; pass --server ", search.Stderr);
        Assert.True(waitOnIngest.ExitCode == 5, why);
        Assert.Contains("Accepted 1, rejected 0.", waitOnIngest.Stdout);
        Assert.Contains("is the ingest service, which does not serve searchsuite.v1.SearchService; pass --search-server ", waitOnIngest.Stderr);
        foreach (var run in new[] { search, waitOnIngest })
        {
            Assert.DoesNotContain("Unimplemented", run.Output);
            Assert.DoesNotContain("   at ", run.Output);
        }
        Assert.True(waitOnSearch.ExitCode == 0, why);
        Assert.Contains("The accepted document is searchable.", waitOnSearch.Stdout);
    }
}
