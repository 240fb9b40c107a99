using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Ingest;

namespace SearchSuite.Services.Tests.Ingest;

public class SubmissionValidatorTests
{
    private static readonly SubmissionValidator Validator = new(Options.Create(new IngestOptions { MaxTextLength = 100 }));

    [Fact]
    public void A_plain_document_is_valid() =>
        Assert.Null(Validator.Validate(new DocumentSubmission { Text = "Putin wird Trump helfen.", Language = "DE", SourceUrl = "https://dantri.com.vn/x" }));

    [Theory]
    [InlineData("", "text")]
    [InlineData("   \n ", "text")]
    public void Empty_text_names_the_text_field(string text, string field) =>
        Assert.Equal(field, Validator.Validate(new DocumentSubmission { Text = text })?.Field);

    [Fact]
    public void Oversized_text_is_refused_with_the_limit()
    {
        var problem = Validator.Validate(new DocumentSubmission { Text = new string('a', 101) });
        Assert.Equal("text", problem?.Field);
        Assert.Contains("100", problem!.Message);
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("deu")]
    [InlineData("d")]
    public void A_language_that_is_not_ISO_639_1_names_the_language_field(string language) =>
        Assert.Equal("language", Validator.Validate(new DocumentSubmission { Text = "x", Language = language })?.Field);

    [Theory]
    [InlineData("has space")]
    [InlineData("tab\there")]
    public void A_document_id_with_whitespace_names_the_document_id_field(string id) =>
        Assert.Equal("document_id", Validator.Validate(new DocumentSubmission { Text = "x", DocumentId = id })?.Field);

    [Fact]
    public void A_relative_source_url_names_the_source_url_field() =>
        Assert.Equal("source_url", Validator.Validate(new DocumentSubmission { Text = "x", SourceUrl = "dantri.com.vn/x" })?.Field);

    [Fact]
    public void Metadata_with_an_empty_key_names_the_metadata_field() =>
        Assert.Equal("metadata", Validator.Validate(new DocumentSubmission { Text = "x", Metadata = new Dictionary<string, string> { [""] = "v" } })?.Field);
}
