using System.Text.Json;
using SearchSuite.Testing;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>
/// The real <c>searchsuite</c> binary as a new user meets it: one-line errors with the README's exit codes and no stack
/// trace, JSON Lines when piped, bad JSONL lines counted as rejected with a summary, and the CLI installed as a .NET tool.
/// </summary>
public sealed class CliTests(CliTests.SeededServer server) : IClassFixture<CliTests.SeededServer>
{
    private const string StackTraceLine = "   at ";

    [Fact]
    public async Task A_server_that_is_not_there_is_one_line_with_exit_code_5_and_host_port_is_accepted()
    {
        var run = await Cli.RunAsync(["search", "Putin", "--server", $"127.0.0.1:{ServiceProcess.FreePort()}"]);

        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Contains("error: no SearchSuite server answers at 127.0.0.1:", run.Output);
        Assert.DoesNotContain(StackTraceLine, run.Output);
        Assert.DoesNotContain("UriFormatException", run.Output);
    }

    [Theory]
    [InlineData("--port", "99999", "--port 99999 is not a TCP port")]
    [InlineData("--seed", "/nonexistent-searchsuite-seed", "--seed '/nonexistent-searchsuite-seed': no such file or folder")]
    public async Task Serve_refuses_bad_arguments_before_it_listens_in_one_line_with_exit_code_2(string option, string value, string expected)
    {
        using var data = new TempFolder();
        string[] arguments = option == "--port" ? ["serve", option, value, "--data", data.Path] : ["serve", "--port", ServiceProcess.FreePort().ToString(), "--data", data.Path, option, value];

        var run = await Cli.RunAsync(arguments);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"error: {expected}", run.Output);
        Assert.DoesNotContain(StackTraceLine, run.Output);
        Assert.DoesNotContain("Now listening", run.Output);
    }

    [Fact]
    public async Task Piped_json_is_one_object_per_line_with_proto_names_numbers_and_unescaped_highlights()
    {
        var run = await Cli.RunAsync(["search", "Putin Iran", "--no-group", "--json", "--server", server.Address]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("total_hits").ValueKind);
        Assert.Equal(3, json.RootElement.GetProperty("total_hits").GetInt64());
        Assert.Contains("<em>", line);
        Assert.DoesNotContain("\\u003c", line);
    }

    [Fact]
    public async Task A_broken_JSONL_line_is_counted_as_rejected_by_its_line_number_and_the_summary_is_printed()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "bad.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"document_id":"cli-jsonl-1","text":"Kremlsprecher Dmitri Peskow sagte am Montag, Moskau sei bereit."}""",
            """{"document_id":"cli-jsonl-2","text":"Der Stadtrat von Musterstadt hat über den Haushalt beraten."}""",
            """{"document_id":"cli-jsonl-3","text": broken""",
            """{"document_id":"cli-jsonl-4","text":"Die Bürgermeisterin sagte, die Entscheidung falle im Frühjahr."}""",
        ]);

        var run = await Cli.RunAsync(["ingest", file, "--server", server.Address]);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("Accepted 3, rejected 1.", run.Output);
        Assert.Contains("bad.jsonl:3", run.Output);
        Assert.DoesNotContain("LineNumber: 0", run.Output);
        Assert.DoesNotContain(StackTraceLine, run.Output);
    }

    [Fact]
    public async Task Names_import_reports_each_skipped_line_by_number_add_is_idempotent_and_a_curated_group_is_restorable()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "variants.tsv");
        await File.WriteAllTextAsync(file, "# a comment\nBonaparte\tBuonaparte\nLoneName\n!!!\t???\nOne Two\tThree\n");

        var import = await Cli.RunAsync(["names", "import", file, "--server", server.Address]);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("variants.tsv:3: skipped: a variant group needs at least two distinct spellings", import.Stdout);
        Assert.Contains("variants.tsv:4: skipped: '!!!' has no letters", import.Stdout);
        Assert.Contains("variants.tsv:5: skipped: all spellings must have the same number of words", import.Stdout);
        Assert.Contains("Imported 1 group from variants.tsv; skipped 3.", import.Stdout);

        var first = await Cli.RunAsync(["names", "add", "Lviv", "Lemberg", "--server", server.Address]);
        var second = await Cli.RunAsync(["names", "add", "Lemberg", "Lviv", "--server", server.Address]);
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, $"{first}\n{second}");
        Assert.DoesNotContain("already exists", first.Stdout);
        Assert.Contains("A group with these spellings already exists; nothing was added:", second.Stdout);
        Assert.Equal(first.Stdout.Trim().Split('\n')[^1], second.Stdout.Trim().Split('\n')[^1]);

        var remove = await Cli.RunAsync(["names", "remove", "curated-putin", "--server", server.Address]);
        var listed = await Cli.RunAsync(["names", "list", "--name", "Putin", "--origin", "curated", "--include-disabled", "--server", server.Address]);
        var restore = await Cli.RunAsync(["names", "restore", "curated-putin", "--server", server.Address]);
        Assert.True(remove.ExitCode == 0 && restore.ExitCode == 0, $"{remove}\n{restore}");
        Assert.Contains("curated-putin (curated, disabled)", listed.Stdout);
        Assert.Contains("curated-putin (curated)", restore.Stdout);
    }

    [Fact]
    public async Task Piped_output_is_not_wrapped_at_80_columns()
    {
        var run = await Cli.RunAsync(["search", "Putin Iran", "--no-group", "--server", server.Address]);

        Assert.True(run.ExitCode == 0, run.ToString());
        // A hit's heading (title, language, score, id) is longer than 80 characters for the seeds' titles.
        Assert.Contains(run.Stdout.Split('\n'), line => line.Length > 80 && line.Contains("(de, score"));
        Assert.Contains(server.Process.StandardOutput.Split('\n'), line => line.StartsWith("Seeded 3 documents; all are searchable. Try: ") && line.Contains("search \"Putin Iran\""));
    }

    [Fact]
    public async Task Serve_prints_its_own_messages_on_stdout_and_logs_only_on_stderr_at_warning_unless_verbose()
    {
        Assert.DoesNotContain(" info: ", server.Process.Output);
        Assert.Contains("SearchSuite is serving gRPC on ", server.Process.StandardOutput);

        using var data = new TempFolder();
        var port = ServiceProcess.FreePort();
        await using var verbose = ServiceProcess.Start("serve --verbose", Cli.Assembly, ["serve", "--port", port.ToString(), "--data", data.Path, "--verbose"],
            new Dictionary<string, string>(), port);
        await Poll.UntilAsync(() => Task.FromResult(verbose.StandardOutput.Contains("SearchSuite is serving gRPC on ") && verbose.Output.Contains(" info: ") || verbose.HasExited),
            () => $"serve --verbose did not start and log:\n{verbose.Output}", TimeSpan.FromSeconds(60));

        Assert.False(verbose.HasExited, verbose.Output);
        Assert.DoesNotContain(" info: ", verbose.StandardOutput);
    }

    [Fact]
    public async Task Search_filters_by_date_and_outlet_sorts_by_date_and_prints_facets_as_a_table()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "dated.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"document_id":"cli-dated-2024","text":"Die Quallenplage an der Ostsee hält an, sagte der Sprecher des Umweltamts.","metadata":{"published_at":"2024-01-10T08:00:00Z","outlet":"Reuters"}}""",
            """{"document_id":"cli-dated-2025","text":"Die Quallenplage an der Nordsee hat begonnen, meldete das Umweltamt am Morgen.","metadata":{"published_at":"2025-06-01T08:00:00Z","outlet":"Reuters"}}""",
            """{"document_id":"cli-undated","text":"Fischer klagen über die Quallenplage, die den Fang in diesem Sommer halbiert hat.","metadata":{"outlet":"Der Spiegel"}}""",
        ]);
        var ingest = await Cli.RunAsync(["ingest", file, "--wait", "--server", server.Address]);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());

        async Task<string[]> Ids(params string[] options)
        {
            var run = await Cli.RunAsync(["search", "Quallenplage", "--no-group", "--json", "--server", server.Address, .. options]);
            Assert.True(run.ExitCode == 0, run.ToString());
            using var json = JsonDocument.Parse(run.Stdout);
            return [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("document_id").GetString()!)];
        }

        // Documents without a date sort last in both orders.
        Assert.Equal(["cli-dated-2025", "cli-dated-2024", "cli-undated"], await Ids("--sort", "newest"));
        Assert.Equal(["cli-dated-2024", "cli-dated-2025", "cli-undated"], await Ids("--sort", "oldest"));
        Assert.Equal(["cli-dated-2025"], await Ids("--after", "2025-01-01"));
        Assert.Equal(["cli-dated-2024"], await Ids("--before", "2025-01-01"));
        Assert.Equal(["cli-undated"], (await Ids("--outlet", "der spiegel")).Order());

        var faceted = await Cli.RunAsync(["search", "Quallenplage", "--no-group", "--facets", "language,outlet", "--server", server.Address]);
        Assert.True(faceted.ExitCode == 0, faceted.ToString());
        Assert.Matches(@"│ language\s+│ outlet\s+│", faceted.Stdout);
        Assert.Matches(@"│ de\s+3\s+│ Reuters\s+2\s+│", faceted.Stdout);
        Assert.Matches(@"│ Der Spiegel\s+1\s+│", faceted.Stdout);

        var badSort = await Cli.RunAsync(["search", "Quallenplage", "--sort", "sideways", "--server", server.Address]);
        Assert.True(badSort.ExitCode == 2, badSort.ToString());
        Assert.Contains("'sideways'", badSort.Stderr);
        // One line: System.CommandLine's list of allowed values is joined onto it.
        Assert.Equal("error: Argument 'sideways' not recognized. Must be one of: 'relevance', 'newest', 'oldest'. See 'searchsuite search --help'.", badSort.Stderr.Trim());
    }

    [Fact]
    public async Task Dotnet_pack_makes_a_tool_that_dotnet_tool_install_puts_on_a_path_as_searchsuite()
    {
        using var folder = new TempFolder();
        var packages = Path.Combine(folder.Path, "packages");
        var tools = Path.Combine(folder.Path, "tools");
        // The Debug build the test run made, so packing costs seconds, not a Release build.
        var pack = await ExternalTool.RunAsync("dotnet", ["pack", "services/SearchSuite.Cli", "-c", "Debug", "--no-build", "-o", packages],
            "Install the .NET SDK.", RepoPaths.Root, timeout: TimeSpan.FromMinutes(3));
        Assert.True(pack.ExitCode == 0, pack.Output);
        var install = await ExternalTool.RunAsync("dotnet", ["tool", "install", "SearchSuite.Cli", "--tool-path", tools, "--add-source", packages],
            "Install the .NET SDK.", folder.Path, timeout: TimeSpan.FromMinutes(3));
        Assert.True(install.ExitCode == 0, install.Output);

        var help = await ExternalTool.RunAsync(Path.Combine(tools, "searchsuite"), ["--help"], "dotnet tool install did not create it.", folder.Path);

        Assert.True(help.ExitCode == 0, help.Output);
        Assert.Contains("serve", help.Output);
        Assert.Contains("search", help.Output);
    }

    /// <summary>One <c>searchsuite serve --seed seeds</c> for the class, on a free port and a data folder of its own.</summary>
    public sealed class SeededServer : IAsyncLifetime
    {
        private readonly TempFolder data = new();
        private ServiceProcess? serve;

        public string Address => serve!.Address;

        public ServiceProcess Process => serve!;

        public async Task InitializeAsync()
        {
            var port = ServiceProcess.FreePort();
            serve = ServiceProcess.Start("serve", Cli.Assembly, ["serve", "--port", port.ToString(), "--data", data.Path, "--seed", "seeds"],
                new Dictionary<string, string>(), port);
            await Poll.UntilAsync(() => Task.FromResult(serve.Output.Contains("all are searchable") || serve.HasExited),
                () => $"serve did not seed:\n{serve.Output}", TimeSpan.FromSeconds(120));
            Assert.False(serve.HasExited, serve.Output);
        }

        public async Task DisposeAsync()
        {
            if (serve is not null) await serve.DisposeAsync();
            data.Dispose();
        }
    }
}
