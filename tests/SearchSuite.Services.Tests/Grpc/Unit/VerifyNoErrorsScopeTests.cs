using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace SearchSuite.Services.Tests.Grpc.Unit;

public sealed class VerifyNoErrorsScopeTests(ITestOutputHelper output)
{
    [Fact]
    public void An_unexpected_error_log_fails_and_an_expected_one_does_not()
    {
        var strict = new VerifyNoErrorsScope(output);
        strict.LoggerFactory.CreateLogger("Search").LogError("index unavailable");
        var failure = Assert.ThrowsAny<Exception>(strict.Dispose);
        Assert.Contains("index unavailable", failure.Message);

        var lenient = new VerifyNoErrorsScope(output, expectedError: r => r.Message.Contains("index unavailable"));
        lenient.LoggerFactory.CreateLogger("Search").LogError("index unavailable");
        lenient.LoggerFactory.CreateLogger("Search").LogWarning("slow");
        lenient.Dispose();
        Assert.Equal(2, lenient.Records.Count);
    }
}
