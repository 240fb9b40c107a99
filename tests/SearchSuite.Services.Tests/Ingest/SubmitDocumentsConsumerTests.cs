using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SearchSuite.Contracts;
using SearchSuite.Ingest;

namespace SearchSuite.Services.Tests.Ingest;

public class SubmitDocumentsConsumerTests
{
    private static ServiceProvider BuildProvider(int publishBatchSize = 100)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"{IngestOptions.SectionName}:{nameof(IngestOptions.PublishBatchSize)}"] = publishBatchSize.ToString();
        builder.AddIngest();
        builder.Services.AddMassTransitTestHarness(bus => bus.AddIngestConsumers());
        return builder.Services.BuildServiceProvider(validateScopes: true);
    }

    [Fact]
    public async Task A_valid_bulk_message_publishes_its_documents_in_one_batch()
    {
        await using var provider = BuildProvider();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new SubmitDocuments
        {
            Documents = [new DocumentSubmission { Text = "Putin wird Trump helfen." }, new DocumentSubmission { DocumentId = "b", Text = "Peskov said.", Language = "en" }],
        });

        Assert.True(await harness.GetConsumerHarness<SubmitDocumentsConsumer>().Consumed.Any<SubmitDocuments>());
        var published = Assert.Single(harness.Published.Select<DocumentsSubmitted>()).Context.Message.Documents;
        Assert.Equal(2, published.Count);
        Assert.Contains(published, d => d.DocumentId == "b" && d.Language == "en");
        Assert.Contains(published, d => d.DocumentId.StartsWith("doc-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bulk_message_larger_than_the_publish_batch_size_is_split_in_order()
    {
        await using var provider = BuildProvider(publishBatchSize: 2);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new SubmitDocuments { Documents = [.. Enumerable.Range(1, 5).Select(i => new DocumentSubmission { DocumentId = $"d{i}", Text = $"Text {i}" })] });

        Assert.True(await harness.GetConsumerHarness<SubmitDocumentsConsumer>().Consumed.Any<SubmitDocuments>());
        await harness.InactivityTask;
        var batches = harness.Published.Select<DocumentsSubmitted>().Select(p => p.Context.Message.Documents.Select(d => d.DocumentId).ToArray()).ToList();
        // The batches are published concurrently, so only their arrival order is free: each batch must hold the next
        // documents of the message in their order.
        Assert.Equal(["d1 d2", "d3 d4", "d5"], batches.Select(b => string.Join(' ', b)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_batch_with_an_invalid_document_faults_with_the_reason_and_publishes_nothing()
    {
        await using var provider = BuildProvider();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new SubmitDocuments
        {
            Documents = [new DocumentSubmission { Text = "fine" }, new DocumentSubmission { Text = "x", Language = "klingon" }],
        });

        Assert.True(await harness.Published.Any<Fault<SubmitDocuments>>());
        var fault = harness.Published.Select<Fault<SubmitDocuments>>().Single().Context.Message;
        var reason = fault.Exceptions.Single().Message;
        Assert.Contains("documents[1].language", reason);
        Assert.False(await harness.Published.Any<DocumentsSubmitted>(), "No document of a refused batch may flow on.");
    }
}
