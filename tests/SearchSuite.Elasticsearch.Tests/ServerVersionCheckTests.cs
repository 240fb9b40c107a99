namespace SearchSuite.Elasticsearch.Tests;

public sealed class ServerVersionCheckTests
{
    [Theory]
    [InlineData("7.10.0")]
    [InlineData("7.17.24")]
    [InlineData("8.0.0-SNAPSHOT")]
    [InlineData("8.15.3")]
    public void Accepts_7_10_and_later_and_8_x(string version)
    {
        var check = ServerVersionCheck.Evaluate(version);
        Assert.True(check.IsSupported, $"{version}: {check.Message}");
    }

    [Theory]
    [InlineData("7.9.3", "too old")]
    [InlineData("6.8.23", "too old")]
    [InlineData("9.0.0", "newer than this client")]
    [InlineData("", "readable version")]
    [InlineData(null, "readable version")]
    public void Rejects_other_versions_with_a_clear_message(string? version, string expectedReason)
    {
        var check = ServerVersionCheck.Evaluate(version);
        Assert.False(check.IsSupported, $"{version} must be rejected");
        Assert.Contains(expectedReason, check.Message);
        Assert.Contains("7.10", check.Message);
    }

    [Fact]
    public void Rejects_opensearch_even_with_a_plausible_version_number()
    {
        var check = ServerVersionCheck.Evaluate("2.11.0", "opensearch");
        Assert.False(check.IsSupported);
        Assert.Contains("opensearch 2.11.0, not Elasticsearch", check.Message);
    }
}
