using SearchSuite.Contracts;
using SearchSuite.Ingest;

namespace SearchSuite.Services.Tests.Ingest;

public class DocumentAcceptorTests
{
    private readonly DocumentAcceptor acceptor = new(TimeProvider.System);

    [Fact]
    public void Without_a_client_id_the_same_text_always_gets_the_same_id_whatever_its_whitespace()
    {
        var first = acceptor.Accept(new DocumentSubmission { Text = "Putin wird Trump\nhelfen." });
        var again = acceptor.Accept(new DocumentSubmission { Text = "  Putin  wird Trump helfen.\n" });
        var other = acceptor.Accept(new DocumentSubmission { Text = "Putin wird Trump nicht helfen." });

        Assert.StartsWith("doc-", first.DocumentId);
        Assert.Equal(first.DocumentId, again.DocumentId);
        Assert.NotEqual(first.DocumentId, other.DocumentId);
    }

    [Fact]
    public void A_client_id_is_kept_and_the_language_hint_is_canonical()
    {
        var accepted = acceptor.Accept(new DocumentSubmission { DocumentId = "dantri-42", Text = "x", Language = "DE", Title = " " });
        Assert.Equal("dantri-42", accepted.DocumentId);
        Assert.Equal("de", accepted.Language);
        Assert.Null(accepted.Title);
    }

    [Fact]
    public void Metadata_overrides_are_applied_to_their_fields_once_at_acceptance()
    {
        var accepted = acceptor.Accept(new DocumentSubmission
        {
            Text = "x", Title = "Field title", SourceUrl = "https://example.org/field", Language = "DE",
            Metadata = new Dictionary<string, string> { ["title"] = " Own title ", ["source_url"] = "https://example.org/own", ["language"] = "vi", ["outlet"] = "Example" },
        });

        Assert.Equal(("Own title", "https://example.org/own", "vi"), (accepted.Title, accepted.SourceUrl, accepted.Language));
        // Applying them again changes nothing, so a journaled record that already has them reads back the same.
        Assert.Equal(accepted, accepted.WithMetadataOverrides());
        Assert.Equal("Example", accepted.Metadata["outlet"]);
    }

    [Fact]
    public void A_blank_metadata_override_leaves_the_field()
    {
        var accepted = acceptor.Accept(new DocumentSubmission
        {
            Text = "x", Title = "Field title", Language = "de",
            Metadata = new Dictionary<string, string> { ["title"] = "  ", ["language"] = "" },
        });

        Assert.Equal(("Field title", "de"), (accepted.Title, accepted.Language));
    }
}
