using SearchSuite.Cli.Output;
using SearchSuite.V1;

namespace SearchSuite.Services.Tests.Cli;

/// <summary>What the CLI prints for people: counts in the singular and plural, a heading for an untitled document, no snippet that only repeats it.</summary>
public sealed class HitPrinterTests
{
    [Theory]
    [InlineData(0, "0 hits")]
    [InlineData(1, "1 hit")]
    [InlineData(2, "2 hits")]
    public void Hit_counts_agree_in_number(long count, string expected) => Assert.Equal(expected, Terminal.Count(count, "hit"));

    [Fact]
    public void Story_counts_take_their_irregular_plural() =>
        Assert.Equal(["1 story", "3 stories"], new[] { Terminal.Count(1, "story", "stories"), Terminal.Count(3, "story", "stories") });

    [Fact]
    public void An_untitled_document_is_headed_by_the_first_words_of_its_text()
    {
        var hit = new SearchHit { DocumentId = "doc-1", Title = " ", Snippet = "Kremlsprecher Dmitri <em>Peskow</em> sagte am Montag in Moskau, Russland sei bereit zu helfen." };

        Assert.Equal("Kremlsprecher Dmitri Peskow sagte am Montag in Moskau, …", HitPrinter.Heading(hit));
    }

    [Fact]
    public void A_document_without_title_or_text_is_headed_by_its_id() =>
        Assert.Equal("(untitled doc-2)", HitPrinter.Heading(new SearchHit { DocumentId = "doc-2" }));

    [Theory]
    [InlineData("Putin wird Trump bei den Verhandlungen mit dem Iran helfen", "Putin wird Trump bei den Verhandlungen mit dem <em>Iran</em> helfen.", true)]
    [InlineData("Putin wird Trump helfen", "Der russische Präsident Wladimir <em>Putin</em> hat sich bereit erklärt.", false)]
    public void A_snippet_that_only_repeats_the_title_is_left_out(string heading, string snippet, bool repeats) =>
        Assert.Equal(repeats, HitPrinter.RepeatsTitle(snippet, heading));
}
