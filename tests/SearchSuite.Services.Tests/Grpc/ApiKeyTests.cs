using Grpc.Core;
using SearchSuite.V1;

namespace SearchSuite.Services.Tests.Grpc;

public class ApiKeyTests
{
    [Fact]
    public async Task With_a_configured_key_writes_need_it_and_reads_do_not()
    {
        await using var server = await InProcessServer.StartAsync(new Dictionary<string, string?> { ["Security:ApiKey"] = "s3cret-test-key" });

        var refused = await Assert.ThrowsAsync<RpcException>(() => server.Ingest().IngestAsync(new IngestRequest { Text = "Peskov" }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        var wrong = await Assert.ThrowsAsync<RpcException>(() => server.Ingest("wrong").IngestAsync(new IngestRequest { Text = "Peskov" }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);

        var accepted = await server.Ingest("s3cret-test-key").IngestAsync(new IngestRequest { Text = "Peskov spoke." });
        await server.WaitUntilSearchableAsync(accepted.DocumentId);
        Assert.Equal(1, (await server.Search.SearchAsync(new SearchRequest { Query = "Peskov" })).TotalHits);
    }

    [Fact]
    public async Task With_a_configured_key_name_edits_need_it_and_listing_does_not()
    {
        await using var server = await InProcessServer.StartAsync(new Dictionary<string, string?> { ["Security:ApiKey"] = "s3cret-test-key" });
        var add = new AddVariantGroupRequest { Variants = { "Lenin", "Ulyanov" } };

        var refused = await Assert.ThrowsAsync<RpcException>(() => server.Names().AddVariantGroupAsync(add).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        refused = await Assert.ThrowsAsync<RpcException>(() => server.Names().RemoveVariantGroupAsync(new RemoveVariantGroupRequest { Id = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        refused = await Assert.ThrowsAsync<RpcException>(() => server.Names().ImportVariantGroupsAsync(new ImportVariantGroupsRequest { Groups = { new VariantSpellings { Variants = { "a", "b" } } } }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);

        var group = await server.Names("s3cret-test-key").AddVariantGroupAsync(add);
        var listed = await server.Names().ListVariantGroupsAsync(new ListVariantGroupsRequest { Origin = "user" });
        Assert.Equal([group.Id], listed.Groups.Select(g => g.Id));
    }
}
