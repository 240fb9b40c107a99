using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SearchSuite.Contracts;
using SearchSuite.Ingest;

namespace SearchSuite.Services.Tests.Ingest;

public class SubmitDocumentsConsumerTests
{
    private static ServiceProvider BuildProvider()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddIngest();
        builder.Services.AddMassTransitTestHarness(bus => bus.AddIngestConsumers());
        return builder.Services.BuildServiceProvider(validateScopes: true);
    }

    [Fact]
    public async Task A_valid_batch_publishes_one_DocumentSubmitted_per_document()
    {
        await using var provider = BuildProvider();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new SubmitDocuments
        {
            Documents = [new DocumentSubmission { Text = "Putin wird Trump helfen." }, new DocumentSubmission { DocumentId = "b", Text = "Peskov said.", Language = "en" }],
        });

        Assert.True(await harness.GetConsumerHarness<SubmitDocumentsConsumer>().Consumed.Any<SubmitDocuments>());
        var published = harness.Published.Select<DocumentSubmitted>().Select(p => p.Context.Message).ToList();
        Assert.Equal(2, published.Count);
        Assert.Contains(published, d => d.DocumentId == "b" && d.Language == "en");
        Assert.Contains(published, d => d.DocumentId.StartsWith("doc-", StringComparison.Ordinal));
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
        Assert.False(await harness.Published.Any<DocumentSubmitted>(), "No document of a refused batch may flow on.");
    }
}
