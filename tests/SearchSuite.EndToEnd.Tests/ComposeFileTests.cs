using System.Text.RegularExpressions;
using SearchSuite.Testing;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>
/// docker-compose.yml as an operator meets it, checked with docker-compose's own parser (`config`): no Docker engine
/// is needed, only Debian's docker-compose package.
/// </summary>
public sealed partial class ComposeFileTests
{
    private const string InstallHint = "These tests need docker-compose on the PATH (Debian: 'apt-get install -y docker-compose'; .ci/run installs it).";

    [Fact]
    public async Task The_stack_is_valid_with_the_example_environment_and_publishes_only_on_loopback()
    {
        var (exitCode, output) = await ComposeAsync("--env-file", ".env.example", "config");
        Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}):\n{output}");

        var published = PublishedPort().Matches(output).Select(m => m.Groups["binding"].Value).ToList();
        Assert.True(published.Count >= 5, $"expected Elasticsearch, RabbitMQ (AMQP and management), ingest and search to publish ports:\n{output}");
        Assert.All(published, binding => Assert.StartsWith("127.0.0.1:", binding));
        foreach (var service in new[] { "elasticsearch:", "rabbitmq:", "ingest:", "normalize:", "search:" })
            Assert.Contains($"\n  {service}", output);
    }

    [Fact]
    public async Task Elasticsearch_is_pinned_to_a_9_x_image_with_security_on()
    {
        var (exitCode, output) = await ComposeAsync("--env-file", ".env.example", "config");
        Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}):\n{output}");

        // The official 9.x client sends compatible-with=9 headers, which 8.x refuses.
        Assert.Matches(@"image: docker\.elastic\.co/elasticsearch/elasticsearch:9\.\d+\.\d+\s", output);
        Assert.Contains("xpack.security.enabled: \"true\"", output);
    }

    [Fact]
    public async Task Secrets_come_only_from_the_environment()
    {
        // An empty env file and a scrubbed environment: every secret must be asked for, none may have a default.
        var emptyEnvFile = Path.GetTempFileName();
        try
        {
            var (exitCode, output) = await ComposeAsync("--env-file", emptyEnvFile, "config", "-q");
            Assert.True(exitCode != 0, $"docker-compose accepted the stack with no secrets set:\n{output}");
            Assert.Contains("ELASTIC_PASSWORD", output);
        }
        finally
        {
            File.Delete(emptyEnvFile);
        }
    }

    [GeneratedRegex(@"^\s+- (?<binding>[^\s]+:\d+(-\d+)?:\d+(/tcp|/udp)?)\s*$", RegexOptions.Multiline)]
    private static partial Regex PublishedPort();

    private static Task<ExternalTool.Result> ComposeAsync(params string[] arguments) =>
        ExternalTool.RunAsync("docker-compose", arguments, InstallHint, RepoPaths.Root,
            unsetVariables: ["ELASTIC_PASSWORD", "RABBITMQ_USER", "RABBITMQ_PASSWORD", "SEARCHSUITE_API_KEY", "ES_INDEX_PREFIX", "ES_JAVA_OPTS", "RABBITMQ_VHOST"]);
}
