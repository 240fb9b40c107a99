using System.Text.Json.Nodes;
using SearchSuite.Cli.Output;
using SearchSuite.V1;

namespace SearchSuite.Services.Tests.Cli;

/// <summary><c>get --json</c>: the document as the proto3 JSON mapping with proto field names.</summary>
public sealed class ProtoJsonTests
{
    [Fact]
    public void A_document_shows_the_language_confidence_and_where_each_removed_piece_was()
    {
        var document = new Document { DocumentId = "doc-1", Language = "de", LanguageConfidence = 0.93 };
        document.Removed.Add(new RemovedSpan { Kind = "ad_marker", Text = "[Anzeige_2]", Start = 120, Length = 11 });

        var json = JsonNode.Parse(ProtoJson.Format(document, indented: false))!;

        Assert.Equal(0.93, (double)json["language_confidence"]!);
        var removed = json["removed"]![0]!;
        Assert.Equal(("ad_marker", 120, 11), ((string)removed["kind"]!, (int)removed["start"]!, (int)removed["length"]!));
    }
}
