namespace SearchSuite.Search.Elasticsearch.Tests;

public sealed class ServerVersionCheckTests
{
    [Theory]
    [InlineData("9.0.0")]
    [InlineData("9.1.0")]
    [InlineData("9.2.0-SNAPSHOT")]
    public void Accepts_9_x(string version)
    {
        var check = ServerVersionCheck.Evaluate(version, "default");
        Assert.True(check.IsSupported, $"{version}: {check.Message}");
    }

    [Theory]
    [InlineData("8.19.0", "too old")]
    [InlineData("8.15.3", "too old")]
    [InlineData("7.17.24", "too old")]
    [InlineData("10.0.0", "newer than this client")]
    [InlineData("", "readable version")]
    [InlineData(null, "readable version")]
    public void Refuses_other_versions_with_a_clear_message(string? version, string expectedReason)
    {
        var check = ServerVersionCheck.Evaluate(version);
        Assert.False(check.IsSupported, $"{version} must be refused");
        Assert.Contains(expectedReason, check.Message);
        Assert.Contains("Elasticsearch 9.x", check.Message);
    }

    [Fact]
    public void A_refused_product_is_named_as_possibly_OpenSearch()
    {
        var check = ServerVersionCheck.RefusedProduct("no X-Elastic-Product header");
        Assert.False(check.IsSupported);
        Assert.Contains("OpenSearch", check.Message);
        Assert.Contains("no X-Elastic-Product header", check.Message);
    }
}
