using SearchSuite.Search;

namespace SearchSuite.Services.Tests.Search;

public class PageTokenTests
{
    [Fact]
    public void A_token_reads_back_only_for_the_query_it_was_issued_for()
    {
        var token = PageToken.Create(20, "Putin Iran|de");
        Assert.True(PageToken.TryRead(token, "Putin Iran|de", out var offset));
        Assert.Equal(20, offset);
        Assert.False(PageToken.TryRead(token, "Putin|de", out _));
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("")]
    [InlineData("MTAwMDAwMDp4")]
    public void Garbage_is_refused(string token) => Assert.False(PageToken.TryRead(token, "q", out _));
}
