using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using SearchSuite.Testing;
using SearchSuite.V1;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>
/// Bulk ingest as a system that is not .NET does it: plain JSON published with RabbitMQ.Client to the
/// submit-documents queue, no MassTransit envelope.
/// </summary>
public sealed class BulkIngestOverRabbitMqTests
{
    private const string Queue = "submit-documents";
    private const string ErrorQueue = Queue + "_error";

    [Fact]
    public async Task Plain_JSON_batches_are_searchable_and_a_malformed_one_lands_in_the_error_queue_with_its_reason()
    {
        await using var stack = await ThreeProcessStack.StartAsync("bulk");
        var factory = new ConnectionFactory { Uri = new Uri(RabbitMqBroker.ConnectionString(stack.VirtualHost)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        await PublishAsync(channel, "{ this is not json");
        await PublishAsync(channel, JsonSerializer.Serialize(new
        {
            documents = new object[]
            {
                new { documentId = "bulk-1", text = "Kremlsprecher Dmitri Peskow sagte, Moskau sei bereit zu helfen.", language = "de" },
                new { documentId = "bulk-2", text = "Foreign Minister Sergei Lavrov met his Iranian counterpart Abbas Araghchi in Tehran, and the two discussed the nuclear talks with the United States.", metadata = new { feed = "wire" } },
            },
        }));
        await PublishAsync(channel, """{"documents":[{"documentId":"bulk-bad","text":""}]}""");

        var document = await stack.WaitUntilSearchableAsync("bulk-2");
        Assert.Equal("en", document.Language);
        Assert.Equal("wire", document.Metadata["feed"]);
        await stack.WaitUntilSearchableAsync("bulk-1");
        var hits = await stack.Search.SearchAsync(new SearchRequest { Query = "Araghchi" });
        Assert.True(hits.Hits.Select(h => h.DocumentId).SequenceEqual(["bulk-2"]), $"hits: {hits}\n{stack.Logs}");

        var faults = new List<string>();
        await Poll.UntilAsync(async () =>
        {
            var message = await channel.BasicGetAsync(ErrorQueue, autoAck: true);
            if (message is not null) faults.Add(RabbitMqBroker.FaultReason(message));
            return faults.Count == 2;
        }, () => $"expected 2 messages in {ErrorQueue}, found: [{string.Join(" | ", faults)}]\n{stack.IngestProcess.Output}");

        Assert.Contains(faults, f => f.Contains("documents[0].text", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.Contains("JSON", StringComparison.OrdinalIgnoreCase) || f.Contains("Serializ", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task PublishAsync(IChannel channel, string json)
    {
        var properties = new BasicProperties { ContentType = "application/json", Persistent = true };
        await channel.BasicPublishAsync(exchange: "", routingKey: Queue, mandatory: true, basicProperties: properties, body: Encoding.UTF8.GetBytes(json));
    }
}
