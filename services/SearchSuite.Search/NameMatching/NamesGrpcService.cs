using Grpc.Core;
using SearchSuite.Names;
using SearchSuite.GrpcHosting;
using SearchSuite.V1;

namespace SearchSuite.Search.NameMatching;

/// <summary>
/// Lists and edits the name-variant groups; edits are stored in the backend's shared state and apply to the next search
/// on every replica (at once here, within Names:RefreshSeconds elsewhere), with no reindex.
/// </summary>
public sealed class NamesGrpcService(NameVariantState state, ILogger<NamesGrpcService> logger) : NamesService.NamesServiceBase
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1_000;
    /// <summary>Most spellings in one group, and most groups in one import call: bounds the work one request can cause.</summary>
    public const int MaxVariants = 100;
    public const int MaxImportGroups = 50_000;
    public const int MaxSpellingLength = 200;
    /// <summary>Longest group id or page token accepted; the ones this service issues are far shorter.</summary>
    public const int MaxIdLength = 512;

    private static readonly string[] Origins = [VariantOrigin.Curated, VariantOrigin.Configured, VariantOrigin.Imported, VariantOrigin.User];

    public override Task<ListVariantGroupsResponse> ListVariantGroups(ListVariantGroupsRequest request, ServerCallContext context)
    {
        if (request.Name.Length > MaxSpellingLength)
            throw SearchGrpcService.InvalidArgument("name", $"is longer than {MaxSpellingLength} characters");
        if (request.Origin.Length > 0 && !Origins.Contains(request.Origin))
            throw SearchGrpcService.InvalidArgument("origin", $"{GrpcErrors.Echo(request.Origin)} is not one of {string.Join(", ", Origins)}");
        if (request.PageSize is < 0 or > MaxPageSize)
            throw SearchGrpcService.InvalidArgument("page_size", $"must be between 1 and {MaxPageSize} (0 for the default of {DefaultPageSize})");
        var identity = string.Join('\u001f', request.Name, request.Origin, request.PageSize, request.IncludeDisabled);
        var offset = 0;
        if (request.PageToken.Length > MaxIdLength)
            throw SearchGrpcService.InvalidArgument("page_token", $"is longer than {MaxIdLength} characters; use the token from the previous response");
        if (request.PageToken.Length > 0 && !PageToken.TryRead(request.PageToken, identity, out offset, int.MaxValue))
            throw SearchGrpcService.InvalidArgument("page_token", "is not a token this listing issued; repeat the same filters with the token from its response");

        var store = state.Store;
        IEnumerable<NameVariantGroup> groups = request.Name.Length > 0 ? WithSpellingOf(request.Name, request.IncludeDisabled) : store.List(request.IncludeDisabled);
        if (request.Origin.Length > 0) groups = groups.Where(g => g.Origin == request.Origin);
        var matching = groups.ToList();
        var limit = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var response = new ListVariantGroupsResponse { TotalSize = matching.Count, CuratedVersion = store.CuratedVersion };
        response.Groups.Add(matching.Skip(offset).Take(limit).Select(ToProto));
        if (offset + limit < matching.Count) response.NextPageToken = PageToken.Create(offset + limit, identity);
        return Task.FromResult(response);
    }

    [RequiresApiKey]
    public override async Task<VariantGroup> AddVariantGroup(AddVariantGroupRequest request, ServerCallContext context)
    {
        ValidateSpellings("variants", request.Variants);
        try
        {
            var change = await state.AddAsync(request.Variants, context.CancellationToken);
            if (change.AlreadyExisted) logger.LogInformation("Name variant group {Id} already has these spellings; nothing added", change.Group.Id);
            else logger.LogInformation("Added name variant group {Id}: {Variants}", change.Group.Id, string.Join(" | ", change.Group.Variants));
            var group = ToProto(change.Group);
            group.AlreadyExisted = change.AlreadyExisted;
            return group;
        }
        catch (ArgumentException e)
        {
            throw SearchGrpcService.InvalidArgument("variants", e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", ""));
        }
    }

    [RequiresApiKey]
    public override async Task<RemoveVariantGroupResponse> RemoveVariantGroup(RemoveVariantGroupRequest request, ServerCallContext context)
    {
        ValidateId(request.Id);
        if (await state.RemoveAsync(request.Id, context.CancellationToken) is not { } change)
            throw new RpcException(new Status(StatusCode.NotFound, $"id: no active variant group {GrpcErrors.Echo(request.Id)}; ListVariantGroups shows the ids"));
        logger.LogInformation(change.Group.Disabled ? "Disabled name variant group {Id}" : "Removed name variant group {Id}", request.Id);
        return new RemoveVariantGroupResponse();
    }

    [RequiresApiKey]
    public override async Task<VariantGroup> RestoreVariantGroup(RestoreVariantGroupRequest request, ServerCallContext context)
    {
        ValidateId(request.Id);
        if (await state.RestoreAsync(request.Id, context.CancellationToken) is not { } change)
            throw new RpcException(new Status(StatusCode.NotFound,
                $"id: no disabled curated or configured group {GrpcErrors.Echo(request.Id)}; ListVariantGroups with include_disabled shows them (a removed user or imported group is gone: add it again)"));
        logger.LogInformation("Restored name variant group {Id}", request.Id);
        return ToProto(change.Group);
    }

    [RequiresApiKey]
    public override async Task<ImportVariantGroupsResponse> ImportVariantGroups(ImportVariantGroupsRequest request, ServerCallContext context)
    {
        if (request.Groups.Count == 0) throw SearchGrpcService.InvalidArgument("groups", "must not be empty");
        if (request.Groups.Count > MaxImportGroups)
            throw SearchGrpcService.InvalidArgument("groups", $"has {request.Groups.Count} groups; send at most {MaxImportGroups} per call");
        for (var i = 0; i < request.Groups.Count; i++) ValidateSpellings($"groups[{i}].variants", request.Groups[i].Variants);
        var import = await state.ImportAsync(request.Groups.Select(g => g.Variants), context.CancellationToken);
        logger.LogInformation("Imported {Imported} of {Count} name variant groups", import.Imported, request.Groups.Count);
        var response = new ImportVariantGroupsResponse { Imported = import.Imported, Skipped = import.Skipped.Count };
        response.SkippedGroups.Add(import.Skipped.Select(s => new V1.SkippedVariantGroup { Index = s.Index, Reason = s.Reason }));
        return response;
    }

    /// <summary>Groups with a word whose transliteration key is a key of the name's words (any spelling, any script).</summary>
    private IEnumerable<NameVariantGroup> WithSpellingOf(string name, bool includeDisabled)
    {
        var keys = IndexedNameToken.FromName(name).Select(t => t.Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        var active = keys.SelectMany(state.Store.FindByKey).Select(m => m.Group).Distinct();
        if (!includeDisabled) return active;
        // Disabled groups are out of the key index that expansion reads, so their spellings are keyed here.
        var disabled = state.Store.List(includeDisabled: true).Where(g => g.Disabled
            && g.Variants.SelectMany(IndexedNameToken.FromName).Any(t => keys.Contains(t.Key)));
        return active.Concat(disabled);
    }

    private static void ValidateId(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw SearchGrpcService.InvalidArgument("id", "must not be empty");
        if (id.Length > MaxIdLength) throw SearchGrpcService.InvalidArgument("id", $"is longer than {MaxIdLength} characters");
    }

    private static void ValidateSpellings(string field, IReadOnlyCollection<string> variants)
    {
        if (variants.Count > MaxVariants) throw SearchGrpcService.InvalidArgument(field, $"has {variants.Count} spellings; the limit is {MaxVariants}");
        if (variants.FirstOrDefault(v => v.Length > MaxSpellingLength) is { } tooLong)
            throw SearchGrpcService.InvalidArgument(field, $"{GrpcErrors.Echo(tooLong)} is longer than {MaxSpellingLength} characters");
    }

    private static VariantGroup ToProto(NameVariantGroup group)
    {
        var proto = new VariantGroup { Id = group.Id, Origin = group.Origin, Disabled = group.Disabled };
        proto.Variants.Add(group.Variants);
        return proto;
    }
}
