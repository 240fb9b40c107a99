using Grpc.Core;
using Microsoft.Extensions.Options;
using SearchSuite.V1;

namespace SearchSuite.Services.Tests.Grpc;

/// <summary>NamesService over gRPC: edits apply to the next search with no reindex, and survive a restart.</summary>
public sealed class NamesServiceTests : IAsyncLifetime
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("searchsuite-names-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(dataDirectory, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<IReadOnlyList<string>> HitIds(InProcessServer server, string query) =>
        (await server.Search.SearchAsync(new SearchRequest { Query = query })).Hits.Select(h => h.DocumentId).ToList();

    private static async Task IngestAsync(InProcessServer server, string id, string text)
    {
        await server.Ingest().IngestAsync(new IngestRequest { DocumentId = id, Language = "en", Text = text });
        await server.WaitUntilSearchableAsync(id);
    }

    [Fact]
    public async Task An_added_group_applies_at_once_and_after_a_restart_and_so_does_its_removal()
    {
        string id;
        await using (var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory))
        {
            await IngestAsync(server, "ulyanov", "The revolutionary Vladimir Ulyanov wrote many letters to the party from his exile in Switzerland.");
            Assert.Empty(await HitIds(server, "Lenin"));

            var group = await server.Names().AddVariantGroupAsync(new AddVariantGroupRequest { Variants = { "Lenin", "Ulyanov", "Uljanow" } });
            (id, var origin) = (group.Id, group.Origin);
            Assert.Equal("user", origin);
            Assert.Equal(["ulyanov"], await HitIds(server, "Lenin"));
            var listed = await server.Names().ListVariantGroupsAsync(new ListVariantGroupsRequest { Name = "Uljanow" });
            Assert.Equal([id], listed.Groups.Select(g => g.Id));
        }

        await using (var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory))
        {
            Assert.Equal(["ulyanov"], await HitIds(server, "Lenin"));
            await server.Names().RemoveVariantGroupAsync(new RemoveVariantGroupRequest { Id = id });
            Assert.Empty(await HitIds(server, "Lenin"));
        }

        await using (var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory))
            Assert.Empty(await HitIds(server, "Lenin"));
    }

    [Fact]
    public async Task A_removed_curated_group_stays_removed_and_the_key_still_joins_spellings()
    {
        await using (var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory))
        {
            await IngestAsync(server, "poutine", "French newspapers called him Vladimir Poutine in their reports about the summit.");
            Assert.Contains("poutine", await HitIds(server, "Putin"));
            var curated = (await server.Names().ListVariantGroupsAsync(new ListVariantGroupsRequest { Name = "Putin", Origin = "curated" })).Groups.Single();
            await server.Names().RemoveVariantGroupAsync(new RemoveVariantGroupRequest { Id = curated.Id });
            Assert.DoesNotContain("poutine", await HitIds(server, "Putin"));
        }
        await using (var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory))
            Assert.DoesNotContain("poutine", await HitIds(server, "Putin"));
    }

    [Fact]
    public async Task The_name_vocabulary_survives_a_restart()
    {
        // Tsarukyan and Zarukjan share a transliteration key and no curated group: only the vocabulary joins them.
        await using (var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory))
        {
            await IngestAsync(server, "tsarukyan", "The Armenian tycoon Gagik Tsarukyan founded a party of his own after the elections.");
            Assert.Equal(["tsarukyan"], await HitIds(server, "Zarukjan"));
        }
        await using (var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory))
            Assert.Equal(["tsarukyan"], await HitIds(server, "Zarukjan"));
    }

    [Fact]
    public async Task Imported_groups_apply_at_once_and_a_list_file_in_configuration_loads_at_start()
    {
        var listFile = Path.Combine(dataDirectory, "extra-names.tsv");
        await File.WriteAllTextAsync(listFile, "# extra list\nBonaparte\tBuonaparte\nCharlemagne\tKarl der Große\n");
        await using var server = await InProcessServer.StartAsync(new Dictionary<string, string?> { ["Names:ListFiles:0"] = listFile }, dataDirectory);
        await IngestAsync(server, "buonaparte", "The young general Napoleone Buonaparte crossed the mountains with his army in the spring.");
        await IngestAsync(server, "stalin", "The young revolutionary Iosif Dzhugashvili signed the letter with a different name.");

        Assert.Equal(["buonaparte"], await HitIds(server, "Bonaparte"));
        var configured = await server.Names().ListVariantGroupsAsync(new ListVariantGroupsRequest { Origin = "configured" });
        Assert.Equal(1, configured.TotalSize);

        Assert.Empty(await HitIds(server, "Stalin"));
        var import = new ImportVariantGroupsRequest
        {
            Groups = { new VariantSpellings { Variants = { "Stalin", "Dzhugashvili", "Dschugaschwili" } }, new VariantSpellings { Variants = { "Solo" } } },
        };
        var imported = await server.Names().ImportVariantGroupsAsync(import);
        Assert.Equal((1, 1), (imported.Imported, imported.Skipped));
        Assert.Equal(["stalin"], await HitIds(server, "Stalin"));
    }

    [Fact]
    public async Task Adding_a_group_twice_returns_the_existing_group_marked_already_existed()
    {
        await using var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory);
        var first = await server.Names().AddVariantGroupAsync(new AddVariantGroupRequest { Variants = { "Lviv", "Lemberg" } });
        var second = await server.Names().AddVariantGroupAsync(new AddVariantGroupRequest { Variants = { "lemberg", "Lviv" } });

        Assert.False(first.AlreadyExisted);
        Assert.True(second.AlreadyExisted);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, (await server.Names().ListVariantGroupsAsync(new ListVariantGroupsRequest { Origin = "user" })).TotalSize);
    }

    [Fact]
    public async Task A_removed_curated_group_is_listed_as_disabled_and_restore_brings_it_back_after_a_restart_too()
    {
        await using (var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory))
        {
            await IngestAsync(server, "poutine", "French newspapers called him Vladimir Poutine in their reports about the summit.");
            await server.Names().RemoveVariantGroupAsync(new RemoveVariantGroupRequest { Id = "curated-putin" });
            Assert.Empty((await server.Names().ListVariantGroupsAsync(new ListVariantGroupsRequest { Name = "Putin", Origin = "curated" })).Groups);
            var disabled = (await server.Names().ListVariantGroupsAsync(new ListVariantGroupsRequest { Name = "Putin", Origin = "curated", IncludeDisabled = true })).Groups;
            Assert.Equal(("curated-putin", true), (Assert.Single(disabled).Id, disabled[0].Disabled));
            await AssertRpcError(StatusCode.NotFound, "id:", () => server.Names().RemoveVariantGroupAsync(new RemoveVariantGroupRequest { Id = "curated-putin" }));
        }
        await using (var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory))
        {
            Assert.DoesNotContain("poutine", await HitIds(server, "Putin"));
            var restored = await server.Names().RestoreVariantGroupAsync(new RestoreVariantGroupRequest { Id = "curated-putin" });
            Assert.Equal(("curated-putin", false), (restored.Id, restored.Disabled));
            Assert.Contains("poutine", await HitIds(server, "Putin"));
            await AssertRpcError(StatusCode.NotFound, "id:", () => server.Names().RestoreVariantGroupAsync(new RestoreVariantGroupRequest { Id = "curated-putin" }));
        }
        await using (var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory))
            Assert.Contains("poutine", await HitIds(server, "Putin"));
    }

    [Fact]
    public async Task Import_reports_every_skipped_group_with_its_position_and_reason()
    {
        await using var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory);
        var import = new ImportVariantGroupsRequest
        {
            Groups =
            {
                new VariantSpellings { Variants = { "Solo" } },
                new VariantSpellings { Variants = { "Stalin", "Dzhugashvili" } },
                new VariantSpellings { Variants = { "!!!", "???" } },
                new VariantSpellings { Variants = { "Putin", "Poutine", "Путин" } },
            },
        };

        var response = await server.Names().ImportVariantGroupsAsync(import);

        Assert.Equal((1, 3), (response.Imported, response.Skipped));
        Assert.Equal([0, 2], response.SkippedGroups.Take(2).Select(g => g.Index));
        Assert.Contains("two distinct spellings", response.SkippedGroups[0].Reason);
        Assert.Contains("'!!!' has no letters", response.SkippedGroups[1].Reason);
        // The curated Putin group has exactly these spellings.
        Assert.Equal((3, "already exists as group curated-putin"), (response.SkippedGroups[2].Index, response.SkippedGroups[2].Reason));
    }

    [Fact]
    public async Task Spellings_without_letters_are_refused_for_that_reason_not_for_word_counts()
    {
        await using var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory);
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Names().AddVariantGroupAsync(new AddVariantGroupRequest { Variants = { "!!!", "???" } }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("variants: '!!!' has no letters: a spelling needs at least one word", error.Status.Detail);
    }

    [Fact]
    public async Task A_missing_list_file_in_configuration_fails_the_start_naming_it()
    {
        var missing = Path.Combine(dataDirectory, "no-such-list.tsv");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            InProcessServer.StartAsync(new Dictionary<string, string?> { ["Names:ListFiles:0"] = missing }, dataDirectory));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public async Task Bad_requests_are_INVALID_ARGUMENT_naming_the_field_and_unknown_ids_NOT_FOUND()
    {
        await using var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory);
        var names = server.Names();
        await AssertRpcError(StatusCode.InvalidArgument, "variants:", () => names.AddVariantGroupAsync(new AddVariantGroupRequest { Variants = { "Peskov" } }));
        await AssertRpcError(StatusCode.InvalidArgument, "variants:", () => names.AddVariantGroupAsync(new AddVariantGroupRequest { Variants = { "Sergei Lavrov", "Lawrow" } }));
        await AssertRpcError(StatusCode.InvalidArgument, "id:", () => names.RemoveVariantGroupAsync(new RemoveVariantGroupRequest()));
        await AssertRpcError(StatusCode.NotFound, "id:", () => names.RemoveVariantGroupAsync(new RemoveVariantGroupRequest { Id = "user-nope" }));
        await AssertRpcError(StatusCode.InvalidArgument, "page_size:", () => names.ListVariantGroupsAsync(new ListVariantGroupsRequest { PageSize = 5000 }));
        await AssertRpcError(StatusCode.InvalidArgument, "origin:", () => names.ListVariantGroupsAsync(new ListVariantGroupsRequest { Origin = "wikipedia" }));
        await AssertRpcError(StatusCode.InvalidArgument, "page_token:", () => names.ListVariantGroupsAsync(new ListVariantGroupsRequest { PageToken = "forged" }));
        await AssertRpcError(StatusCode.InvalidArgument, "groups:", () => names.ImportVariantGroupsAsync(new ImportVariantGroupsRequest()));
    }

    private static async Task AssertRpcError<T>(StatusCode status, string detailPrefix, Func<AsyncUnaryCall<T>> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call().ResponseAsync);
        Assert.Equal(status, error.StatusCode);
        Assert.StartsWith(detailPrefix, error.Status.Detail);
    }

    [Fact]
    public async Task Listing_pages_through_every_group()
    {
        await using var server = await InProcessServer.StartAsync(dataDirectory: dataDirectory);
        var request = new ListVariantGroupsRequest { PageSize = 7 };
        var ids = new List<string>();
        for (var page = 0; page < 100; page++)
        {
            var response = await server.Names().ListVariantGroupsAsync(request);
            ids.AddRange(response.Groups.Select(g => g.Id));
            if (response.NextPageToken.Length == 0)
            {
                Assert.Equal(response.TotalSize, ids.Count);
                break;
            }
            request.PageToken = response.NextPageToken;
        }
        Assert.True(ids.Count > 50, $"only {ids.Count} groups listed");
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
