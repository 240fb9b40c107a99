using SearchSuite.Contracts;
using SearchSuite.Ingest;

namespace SearchSuite.Services.Tests.Ingest;

public sealed class SubmittedBatchTests
{
    private static DocumentSubmitted Document(string id, int length) => new() { DocumentId = id, Text = new string('x', length) };

    private static List<string[]> Split(IngestOptions options, params DocumentSubmitted[] documents) =>
        SubmittedBatch.Split(documents, options).Select(m => m.Documents.Select(d => d.DocumentId).ToArray()).ToList();

    [Fact]
    public void Batches_hold_at_most_the_configured_number_of_documents_in_order()
    {
        var batches = Split(new IngestOptions { PublishBatchSize = 2 }, Document("a", 1), Document("b", 1), Document("c", 1));

        Assert.Equal([["a", "b"], ["c"]], batches);
    }

    [Fact]
    public void A_batch_closes_before_a_document_that_would_take_it_over_the_character_limit()
    {
        var batches = Split(new IngestOptions { PublishBatchSize = 100, PublishBatchMaxCharacters = 10 },
            Document("a", 4), Document("b", 4), Document("c", 4), Document("long", 50), Document("d", 1));

        Assert.Equal([["a", "b"], ["c"], ["long"], ["d"]], batches);
    }
}
