using System.Text;
using SearchSuite.Ingest;

namespace SearchSuite.Services.Tests.Ingest;

/// <summary>The _error queue's reason for a plain-JSON bulk message of the wrong shape names the field by its JSON path.</summary>
public sealed class SubmitDocumentsShapeFilterTests
{
    [Theory]
    [InlineData("""{"documents":[{"document_id":"a","text":"Peskow sprach."}]}""", "$.documents[0].document_id: is not a property")]
    [InlineData("""{"documents":[{"documentId":"a","text":12345}]}""", "$.documents[0].text: ")]
    [InlineData("""{"documents":{"text":"x"}}""", "$.documents: ")]
    [InlineData("null", "message body: must be a JSON object")]
    [InlineData("""{"documents":[{"text":"x"}""", "$.documents")]
    public void A_message_of_the_wrong_shape_is_explained_with_the_path(string body, string expected)
    {
        var problem = SubmitDocumentsShapeFilter.ShapeProblem(Encoding.UTF8.GetBytes(body));
        Assert.NotNull(problem);
        Assert.StartsWith(expected, problem);
    }

    [Theory]
    [InlineData("""{"documents":[{"documentId":"a","text":"Peskow sprach.","sourceUrl":"https://example.org/a","metadata":{"outlet":"Dan Tri"}}]}""")]
    [InlineData("""{"Documents":[{"DocumentId":"a","Text":"Peskow sprach."}]}""")]
    public void A_message_of_the_contract_s_shape_has_no_problem(string body) =>
        Assert.Null(SubmitDocumentsShapeFilter.ShapeProblem(Encoding.UTF8.GetBytes(body)));
}
