using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SearchSuite.Contracts;
using RabbitMQ.Client;
using SearchSuite.Normalize;
using SearchSuite.Messaging;
using SearchSuite.Testing;

namespace SearchSuite.Services.Tests.Normalize;

public class NormalizeDocumentConsumerTests
{
    private static ServiceProvider BuildProvider()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddNormalize();
        builder.Services.AddMassTransitTestHarness(bus => bus.AddNormalizeConsumers());
        return builder.Services.BuildServiceProvider(validateScopes: true);
    }

    private static DocumentSubmitted Submitted(string id, string text) => new() { DocumentId = id, Text = text, SubmittedAt = DateTimeOffset.UtcNow };

    /// <summary>Text the normalizer cannot take: stands for any document that makes normalizing throw.</summary>
    private static DocumentSubmitted Unreadable(string id) => Submitted(id, null!);

    [Fact]
    public async Task A_submitted_seed_is_published_clean_identified_and_attributed()
    {
        await using var provider = BuildProvider();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var seed = RepoPaths.SeedFiles.Single(f => Path.GetFileName(f).StartsWith("001_", StringComparison.Ordinal));
        await harness.Bus.Publish(new DocumentsSubmitted { Documents = [Submitted("seed-001", await File.ReadAllTextAsync(seed))] });

        Assert.True(await harness.Published.Any<DocumentsNormalized>());
        var normalized = Assert.Single(harness.Published.Select<DocumentsNormalized>().Single().Context.Message.Documents);
        Assert.Equal("seed-001", normalized.DocumentId);
        Assert.Equal("de", normalized.Language);
        Assert.Equal("vi", normalized.OriginLanguage);
        Assert.Equal("Dan Tri", normalized.Outlet);
        Assert.StartsWith("https://dantri.com.vn/", normalized.SourceUrl);
        Assert.DoesNotContain("[Anzeige_2]", normalized.Text);
        Assert.Contains(normalized.Removed, r => r.Kind == "ad_marker" && r.Text.Contains("[Anzeige_2]"));
        // What normalize computed travels on: the identification's confidence and where each removed piece was.
        Assert.InRange(normalized.LanguageConfidence!.Value, 0.5, 1.0);
        var hygienic = SearchSuite.Text.UnicodeHygiene.Apply(await File.ReadAllTextAsync(seed));
        Assert.All(normalized.Removed, r => Assert.Equal(r.Text, hygienic.Substring(r.Start, r.Length)));
    }

    [Fact]
    public async Task A_batch_is_published_as_one_message_in_order()
    {
        await using var provider = BuildProvider();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new DocumentsSubmitted
        {
            Documents = [Submitted("a", "Kremlsprecher Dmitri Peskow sagte, Moskau sei bereit."), Submitted("b", "Foreign Minister Sergei Lavrov met his Iranian counterpart Abbas Araghchi in Tehran, and the two discussed the nuclear talks with the United States.")],
        });

        Assert.True(await harness.Published.Any<DocumentsNormalized>());
        var published = Assert.Single(harness.Published.Select<DocumentsNormalized>()).Context.Message.Documents;
        Assert.Equal(["a", "b"], published.Select(d => d.DocumentId));
        Assert.Equal(["de", "en"], published.Select(d => d.Language));
    }

    [Fact]
    public async Task A_document_that_fails_is_split_off_and_faults_alone_while_the_rest_of_its_batch_flows_on()
    {
        await using var provider = BuildProvider();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new DocumentsSubmitted
        {
            Documents = [Submitted("good-1", "Peskow sagte, Moskau sei bereit."), Unreadable("bad-1"), Submitted("good-2", "Lavrov met his counterpart.")],
        });

        Assert.True(await harness.Published.Any<Fault<DocumentsSubmitted>>(), "the failing document did not fault");
        await harness.InactivityTask;
        var fault = Assert.Single(harness.Published.Select<Fault<DocumentsSubmitted>>()).Context.Message;
        Assert.Equal(["bad-1"], fault.Message.Documents.Select(d => d.DocumentId));
        Assert.NotEmpty(fault.Exceptions);
        var normalized = harness.Published.Select<DocumentsNormalized>().SelectMany(p => p.Context.Message.Documents).Select(d => d.DocumentId);
        Assert.Equal(["good-1", "good-2"], normalized);
    }

    /// <summary>Stands in for the search service: collects what normalize publishes.</summary>
    private sealed class NormalizedCollector(ConcurrentQueue<string> ids) : IConsumer<DocumentsNormalized>
    {
        public Task Consume(ConsumeContext<DocumentsNormalized> context)
        {
            foreach (var document in context.Message.Documents) ids.Enqueue(document.DocumentId);
            return Task.CompletedTask;
        }
    }

    [Trait("Category", TestCategories.Broker)]
    [Fact]
    public async Task Over_RabbitMQ_only_the_failing_document_lands_in_the_error_queue_and_the_rest_are_published()
    {
        var vhost = await RabbitMqBroker.CreateVirtualHostAsync("normalize-split");
        try
        {
            var normalizedIds = new ConcurrentQueue<string>();
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = RabbitMqBroker.ConnectionString(vhost) });
            builder.Services.AddSingleton(normalizedIds);
            builder.AddNormalize();
            builder.AddMessageBus(bus =>
            {
                bus.AddNormalizeConsumers();
                bus.AddConsumer<NormalizedCollector>();
            });
            using var host = builder.Build();
            await host.StartAsync();

            await host.Services.GetRequiredService<IBus>().Publish(new DocumentsSubmitted
            {
                Documents = [Submitted("good-1", "Peskow sagte, Moskau sei bereit."), Unreadable("bad-1"), Submitted("good-2", "Lavrov met his counterpart.")],
            });

            var factory = new ConnectionFactory { Uri = new Uri(RabbitMqBroker.ConnectionString(vhost)) };
            await using var connection = await factory.CreateConnectionAsync();
            // The lone failing document is retried (100 ms, 1 s, 5 s) before it faults.
            var fault = await RabbitMqBroker.TakeFirstAsync(connection, "normalize-document_error", () => $"normalized: {string.Join(", ", normalizedIds)}");
            var body = System.Text.Encoding.UTF8.GetString(fault.Body.Span);
            Assert.Contains("bad-1", body);
            Assert.DoesNotContain("good-", body);
            Assert.Contains("Exception", RabbitMqBroker.FaultReason(fault));
            await Poll.UntilAsync(() => Task.FromResult(normalizedIds.Count >= 2), () => $"normalized: {string.Join(", ", normalizedIds)}");
            Assert.Equal(["good-1", "good-2"], normalizedIds.Order(StringComparer.Ordinal));
            await host.StopAsync();
        }
        finally
        {
            await RabbitMqBroker.DeleteVirtualHostAsync(vhost);
        }
    }
}
