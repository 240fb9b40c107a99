using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using SearchSuite.Contracts;
using SearchSuite.Search;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using SearchSuite.Search.Stories;
using SearchSuite.Messaging;
using SearchSuite.Testing;

namespace SearchSuite.Services.Tests.Search;

/// <summary>The indexing consumer with its real endpoint definition (concurrency and retries) over MassTransit's test harness and RabbitMQ.</summary>
public sealed class IndexDocumentsConsumerTests
{
    private const string Reason = "document_parsing_exception: failed to parse field [ingested_at] of type [date]";

    /// <summary>Indexes every document except those whose id starts with "bad", which it refuses as Elasticsearch refuses a bulk item.</summary>
    private sealed class RefusingIndex : ISearchIndex
    {
        public ConcurrentDictionary<string, int> TimesIndexed { get; } = new();

        public ConcurrentQueue<string> Batches { get; } = new();

        public Task IndexAsync(IReadOnlyList<IndexedDocument> documents, CancellationToken cancellationToken)
        {
            Batches.Enqueue(string.Join(",", documents.Select(d => d.DocumentId)));
            foreach (var document in documents.Where(d => !IsBad(d))) TimesIndexed.AddOrUpdate(document.DocumentId, 1, (_, n) => n + 1);
            var refused = documents.Where(IsBad).Select(d => new RejectedDocument(d.DocumentId, Reason)).ToList();
            return refused.Count == 0 ? Task.CompletedTask : Task.FromException(new DocumentsRejectedException(refused));
        }

        public Task<IReadOnlyCollection<string>> ReadNameFormsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IndexSearchResult> SearchAsync(QueryPlan plan, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DocumentNormalized?> GetAsync(string documentId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<IReadOnlyList<StoryCandidate>>> FindStoryCandidatesAsync(IReadOnlyList<StoryCandidateQuery> queries, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<IReadOnlyList<StoryCandidate>>>([.. queries.Select(_ => (IReadOnlyList<StoryCandidate>)[])]);

        public Task<IReadOnlyList<DocumentNormalized>> GetStoryAsync(string storyId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DocumentNormalized>>([]);

        private static bool IsBad(IndexedDocument document) => document.DocumentId.StartsWith("bad", StringComparison.Ordinal);
    }

    private static DocumentsNormalized Batch(params string[] ids) =>
        new() { Documents = [.. ids.Select(id => new DocumentNormalized { DocumentId = id, Language = "de", Text = "Text " + id })] };

    private static async Task<(ServiceProvider Provider, ITestHarness Harness)> StartHarnessAsync(ISearchIndex index, IndexOptions? options = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(index);
        services.AddSingleton<IIndexedNames>(NoNames.Instance);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options ?? new IndexOptions()));
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddStories();
        services.AddMassTransitTestHarness(bus => bus.AddSearchConsumers());
        var provider = services.BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return (provider, harness);
    }

    [Fact]
    public async Task A_refused_document_faults_alone_with_the_index_reason_and_the_rest_of_its_batch_is_indexed()
    {
        var index = new RefusingIndex();
        var (provider, harness) = await StartHarnessAsync(index);
        await using var _ = provider;

        await harness.Bus.Publish(Batch("good-1", "bad-1", "good-2"));

        Assert.True(await harness.Published.Any<Fault<DocumentsNormalized>>(), "the refused document was not faulted");
        await harness.InactivityTask;
        var faults = harness.Published.Select<Fault<DocumentsNormalized>>().Select(f => f.Context.Message).ToList();
        Assert.True(faults.Count == 1, $"batches: {string.Join(" | ", index.Batches)}; faults: {string.Join(", ", faults.SelectMany(f => f.Message.Documents).Select(d => d.DocumentId))}");
        var fault = faults[0];
        Assert.Equal(["bad-1"], fault.Message.Documents.Select(d => d.DocumentId));
        Assert.Contains(Reason, Assert.Single(fault.Exceptions).Message);
        Assert.True(index.TimesIndexed.ContainsKey("good-1") && index.TimesIndexed.ContainsKey("good-2"),
            $"indexed: {string.Join(", ", index.TimesIndexed.Keys)}");
    }

    [Fact]
    public async Task A_message_of_one_refused_document_faults_without_taking_the_messages_indexed_with_it()
    {
        var index = new RefusingIndex();
        // A batch closes at three messages, or after the longest wait the options allow: the three messages below are
        // one batch unless the machine takes ten seconds to publish them.
        var (provider, harness) = await StartHarnessAsync(index, new IndexOptions { BatchMessageLimit = 3, BatchWaitMilliseconds = 10_000 });
        await using var _ = provider;

        await Task.WhenAll(harness.Bus.Publish(Batch("good-3")), harness.Bus.Publish(Batch("bad-3")), harness.Bus.Publish(Batch("good-4", "good-5")));

        Assert.True(await harness.Published.Any<Fault<DocumentsNormalized>>(), "the refused document was not faulted");
        await harness.InactivityTask;
        var faulted = harness.Published.Select<Fault<DocumentsNormalized>>().SelectMany(f => f.Context.Message.Message.Documents).Select(d => d.DocumentId);
        Assert.Equal(["bad-3"], faulted);
        Assert.Equal(["good-3", "good-4", "good-5"], index.TimesIndexed.Keys.Order(StringComparer.Ordinal));
        var firstBatch = index.Batches.First().Split(',');
        Assert.True(firstBatch.Length == 4, $"the three messages were not indexed as one batch: {string.Join(" | ", index.Batches)}");
    }

    [Trait("Category", TestCategories.Broker)]
    [Fact]
    public async Task Over_RabbitMQ_only_the_refused_document_lands_in_the_error_queue_with_the_index_reason()
    {
        var vhost = await RabbitMqBroker.CreateVirtualHostAsync("refused");
        try
        {
            var index = new RefusingIndex();
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = RabbitMqBroker.ConnectionString(vhost) });
            builder.Services.AddSingleton<ISearchIndex>(index);
            builder.Services.AddSingleton<IIndexedNames>(NoNames.Instance);
            builder.Services.AddStories();
            builder.AddMessageBus(bus => bus.AddSearchConsumers());
            using var host = builder.Build();
            await host.StartAsync();

            await host.Services.GetRequiredService<IBus>().Publish(Batch("good-1", "bad-1", "good-2"));

            var factory = new ConnectionFactory { Uri = new Uri(RabbitMqBroker.ConnectionString(vhost)) };
            await using var connection = await factory.CreateConnectionAsync();
            var fault = await RabbitMqBroker.TakeFirstAsync(connection, "index-document_error", () => $"batches: {string.Join(" | ", index.Batches)}");
            await host.StopAsync();
            await using var channel = await connection.CreateChannelAsync();

            var body = System.Text.Encoding.UTF8.GetString(fault.Body.Span);
            Assert.Contains("bad-1", body);
            Assert.DoesNotContain("good-", body);
            Assert.Contains(Reason, RabbitMqBroker.FaultReason(fault));
            // The batch was acknowledged after its other documents were indexed: nothing else faulted or waits for redelivery.
            Assert.Equal(0u, await channel.MessageCountAsync("index-document_error"));
            Assert.Equal(0u, await channel.MessageCountAsync("index-document"));
            Assert.True(index.TimesIndexed.ContainsKey("good-1") && index.TimesIndexed.ContainsKey("good-2"), $"batches: {string.Join(" | ", index.Batches)}");
        }
        finally
        {
            await RabbitMqBroker.DeleteVirtualHostAsync(vhost);
        }
    }
}
