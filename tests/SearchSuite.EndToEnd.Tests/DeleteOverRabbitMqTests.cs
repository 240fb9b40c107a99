using System.Text;
using System.Text.Json;
using Grpc.Core;
using RabbitMQ.Client;
using SearchSuite.Testing;
using SearchSuite.V1;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>
/// Deletion ordering across the three service processes over RabbitMQ: a delete sent right after its document's ingest is
/// never overtaken by it, a bulk message that ingests and deletes an id ends with it deleted, and a later re-ingest
/// brings the document back. A deleted document must become and stay unfindable; a marker shows the pipeline has passed.
/// </summary>
public sealed class DeleteOverRabbitMqTests
{
    private static IngestRequest Article(string id) => new()
    {
        DocumentId = id,
        Text = $"Kremlin spokesman Dmitry Peskov said the nuclear talks would continue, according to report {id}.",
        Language = "en",
    };

    private static async Task<bool> IsFoundAsync(ThreeProcessStack stack, string id)
    {
        try
        {
            await stack.Search.GetDocumentAsync(new GetDocumentRequest { DocumentId = id });
            return true;
        }
        catch (RpcException missing) when (missing.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_delete_is_never_overtaken_by_its_documents_indexing_and_a_later_ingest_wins_over_it()
    {
        await using var stack = await ThreeProcessStack.StartAsync("delete");

        // Ingest and delete back to back: the delete travels behind the document.
        await stack.Ingest.IngestAsync(Article("del-1"));
        await stack.Ingest.DeleteDocumentAsync(new DeleteDocumentRequest { DocumentId = "del-1" });
        await stack.Ingest.IngestAsync(Article("marker-1"));
        await stack.WaitUntilSearchableAsync("marker-1");
        // Messages are consumed concurrently, so the marker may be indexed before the delete; a document that overtook
        // its delete would stay found for good, which the bounded wait catches.
        await Poll.UntilAsync(async () => !await IsFoundAsync(stack, "del-1"), () => $"del-1 stays searchable after its delete\n{stack.Logs}", TimeSpan.FromSeconds(30));

        // A bulk message that ingests and deletes one id; its marker travels in the same batch, so once the marker is
        // searchable the delete has been indexed too.
        var factory = new ConnectionFactory { Uri = new Uri(RabbitMqBroker.ConnectionString(stack.VirtualHost)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var bulk = JsonSerializer.Serialize(new
        {
            documents = new object[]
            {
                new { documentId = "del-2", text = Article("del-2").Text, language = "en" },
                new { documentId = "marker-2", text = Article("marker-2").Text, language = "en" },
            },
            deleteDocumentIds = new[] { "del-2" },
        });
        await channel.BasicPublishAsync(exchange: "", routingKey: "submit-documents", mandatory: true,
            basicProperties: new BasicProperties { ContentType = "application/json", Persistent = true }, body: Encoding.UTF8.GetBytes(bulk));
        await stack.WaitUntilSearchableAsync("marker-2");
        Assert.False(await IsFoundAsync(stack, "del-2"), $"del-2 is searchable after its bulk delete\n{stack.Logs}");

        // Deleting again succeeds; a re-ingest after the delete brings the document back.
        await stack.Ingest.DeleteDocumentAsync(new DeleteDocumentRequest { DocumentId = "del-1" });
        await stack.Ingest.IngestAsync(Article("del-1"));
        await stack.WaitUntilSearchableAsync("del-1");
        var hits = await stack.Search.SearchAsync(new SearchRequest { Query = "Peskov" });
        Assert.True(hits.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal).SequenceEqual(["del-1", "marker-1", "marker-2"]), $"hits: {hits}\n{stack.Logs}");
    }
}
