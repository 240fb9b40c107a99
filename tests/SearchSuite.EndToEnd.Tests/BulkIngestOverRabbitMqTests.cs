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

    [Fact]
    public async Task Unknown_properties_null_bodies_and_wrong_types_are_refused_with_the_field_path_and_the_valid_message_still_lands()
    {
        await using var stack = await ThreeProcessStack.StartAsync("bulk-shape");
        var factory = new ConnectionFactory { Uri = new Uri(RabbitMqBroker.ConnectionString(stack.VirtualHost)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        // snake_case is not the contract's spelling: dropping document_id and source_url silently would index under another id.
        await PublishAsync(channel, """{"documents":[{"document_id":"snake-1","text":"Peskow sprach in Moskau.","source_url":"https://example.org/a"}]}""");
        await PublishAsync(channel, "null");
        await PublishAsync(channel, """{"documents":[{"documentId":"number-1","text":12345}]}""");
        await PublishAsync(channel, """{"documents":[{"documentId":"shape-ok","text":"Kremlsprecher Dmitri Peskow sagte, Moskau sei bereit zu helfen."}]}""");

        await stack.WaitUntilSearchableAsync("shape-ok");
        var faults = new List<string>();
        await Poll.UntilAsync(async () =>
        {
            var message = await channel.BasicGetAsync(ErrorQueue, autoAck: true);
            if (message is not null) faults.Add(RabbitMqBroker.FaultReason(message));
            return faults.Count == 3;
        }, () => $"expected 3 messages in {ErrorQueue}, found: [{string.Join(" | ", faults)}]\n{stack.IngestProcess.Output}");

        var reasons = string.Join("\n", faults);
        // Each refused message is in the error queue once: the error pipe is MassTransit's with one filter in front.
        Assert.Null(await channel.BasicGetAsync(ErrorQueue, autoAck: true));
        Assert.True(faults.Any(f => f.Contains("$.documents[0].document_id", StringComparison.Ordinal)), reasons);
        Assert.True(faults.Any(f => f.Contains("$.documents[0].text", StringComparison.Ordinal)), reasons);
        Assert.True(faults.Any(f => f.Contains("message body", StringComparison.Ordinal) && f.Contains("null", StringComparison.Ordinal)), reasons);
        Assert.DoesNotContain("Operation is not valid due to the current state", reasons);
        var notFound = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => stack.Search.GetDocumentAsync(new GetDocumentRequest { DocumentId = "snake-1" }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.NotFound, notFound.StatusCode);
    }

    private static async Task PublishAsync(IChannel channel, string json)
    {
        var properties = new BasicProperties { ContentType = "application/json", Persistent = true };
        await channel.BasicPublishAsync(exchange: "", routingKey: Queue, mandatory: true, basicProperties: properties, body: Encoding.UTF8.GetBytes(json));
    }
}
