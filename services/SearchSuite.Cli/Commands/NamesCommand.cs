using System.CommandLine;
using SearchSuite.Cli.Output;
using SearchSuite.Names;
using SearchSuite.V1;
using Spectre.Console;

namespace SearchSuite.Cli.Commands;

/// <summary>`names list|add|remove|restore|import`: the name-variant groups of a running server, over gRPC.</summary>
public static class NamesCommand
{
    /// <summary>Groups per ImportVariantGroups call, well under the server's limit and message size.</summary>
    private const int ImportBatchSize = 5_000;
    /// <summary>The server's largest listing page: fewest round trips.</summary>
    private const int NamesPageSize = 1_000;

    public static Command Create() => new("names", "List and edit the name-variant groups search expands person names with (applies at once, no reindex)")
    {
        List(),
        Add(),
        Remove(),
        Restore(),
        Import(),
    };

    private static Command List()
    {
        var name = new Option<string?>("--name") { Description = "Only groups with a spelling of this name, in any language or script" };
        var origin = new Option<string?>("--origin") { Description = "Only groups of this origin: curated, configured, imported or user" };
        var includeDisabled = new Option<bool>("--include-disabled") { Description = "Also the disabled curated and configured groups ('names restore' enables them)" };
        var command = new Command("list", "Show variant groups with their ids") { name, origin, includeDisabled, GrpcConnection.Server };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, async client =>
        {
            var request = new ListVariantGroupsRequest
            {
                Name = parse.GetValue(name) ?? "", Origin = parse.GetValue(origin) ?? "", PageSize = NamesPageSize, IncludeDisabled = parse.GetValue(includeDisabled),
            };
            var shown = 0;
            while (true)
            {
                var response = await client.ListVariantGroupsAsync(request, cancellationToken: cancellationToken);
                if (shown == 0) AnsiConsole.MarkupLineInterpolated($"[grey]{Terminal.Count(response.TotalSize, "group")} (curated list {response.CuratedVersion})[/]");
                foreach (var group in response.Groups) Print(group);
                shown += response.Groups.Count;
                if (response.NextPageToken.Length == 0) return 0;
                request.PageToken = response.NextPageToken;
            }
        }));
        return command;
    }

    private static Command Add()
    {
        var variants = new Argument<string[]>("spellings") { Description = "Two or more spellings of one name, e.g. \"Sergei Lavrov\" \"Sergej Lawrow\"", Arity = ArgumentArity.OneOrMore };
        var command = new Command("add", "Add a variant group") { variants, GrpcConnection.Server, GrpcConnection.ApiKey };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, async client =>
        {
            var request = new AddVariantGroupRequest();
            request.Variants.Add(parse.GetValue(variants) ?? []);
            var group = await client.AddVariantGroupAsync(request, cancellationToken: cancellationToken);
            if (group.AlreadyExisted) Console.WriteLine("A group with these spellings already exists; nothing was added:");
            Print(group);
            return 0;
        }));
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("id") { Description = "The group's id, as 'names list' shows it" };
        var command = new Command("remove", "Remove a user or imported group; disable a curated or configured one ('names restore' enables it)") { id, GrpcConnection.Server, GrpcConnection.ApiKey };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, async client =>
        {
            await client.RemoveVariantGroupAsync(new RemoveVariantGroupRequest { Id = parse.GetValue(id) ?? "" }, cancellationToken: cancellationToken);
            Console.WriteLine($"Removed {parse.GetValue(id)}.");
            return 0;
        }));
        return command;
    }

    private static Command Restore()
    {
        var id = new Argument<string>("id") { Description = "A disabled curated or configured group's id, as 'names list --include-disabled' shows it" };
        var command = new Command("restore", "Enable a disabled curated or configured group again") { id, GrpcConnection.Server, GrpcConnection.ApiKey };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, async client =>
        {
            Print(await client.RestoreVariantGroupAsync(new RestoreVariantGroupRequest { Id = parse.GetValue(id) ?? "" }, cancellationToken: cancellationToken));
            return 0;
        }));
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "UTF-8 list: one group per line, spellings separated by TABs; '#' starts a comment line" };
        var command = new Command("import", "Import a large variant list (persisted on the server)") { file, GrpcConnection.Server, GrpcConnection.ApiKey };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"error: {path.FullName} does not exist.");
                return Task.FromResult(2);
            }
            return RunAsync(parse, async client =>
            {
                NameVariantList list;
                // Every line goes to the server, which reports each group it skips and why; shown here by line number.
                using (var reader = path.OpenText()) list = NameVariantList.Read(reader, keepLoneSpellings: true);
                int imported = 0, skipped = 0;
                for (var start = 0; start < list.Groups.Count; start += ImportBatchSize)
                {
                    var request = new ImportVariantGroupsRequest();
                    request.Groups.Add(list.Groups.Skip(start).Take(ImportBatchSize).Select(group => new VariantSpellings { Variants = { group } }));
                    var response = await client.ImportVariantGroupsAsync(request, cancellationToken: cancellationToken);
                    foreach (var group in response.SkippedGroups)
                        Console.WriteLine($"{path.Name}:{list.LineNumbers[start + group.Index]}: skipped: {group.Reason}");
                    (imported, skipped) = (imported + response.Imported, skipped + response.Skipped);
                }
                Console.WriteLine($"Imported {Terminal.Count(imported, "group")} from {path.Name}; skipped {skipped}.");
                return 0;
            });
        });
        return command;
    }

    private static Task<int> RunAsync(ParseResult parse, Func<NamesService.NamesServiceClient, Task<int>> call) =>
        GrpcConnection.RunAsync(parse, invoker => call(new NamesService.NamesServiceClient(invoker)));

    private static void Print(VariantGroup group) =>
        AnsiConsole.MarkupLineInterpolated($"{group.Id} [grey]({group.Origin}{(group.Disabled ? ", disabled" : "")})[/]  {string.Join(" | ", group.Variants)}");
}
