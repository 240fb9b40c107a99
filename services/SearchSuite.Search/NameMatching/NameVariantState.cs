using MassTransit;
using SearchSuite.Contracts;
using SearchSuite.Names;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.NameMatching;

/// <summary>
/// The variant groups every replica shares: edits are written to the backend's <see cref="INameVariantRepository"/>,
/// applied to this replica's <see cref="NameVariantStore"/> at once, and announced with <see cref="NameVariantsChanged"/>
/// so the other replicas read them without waiting for their next periodic refresh.
/// </summary>
public sealed class NameVariantState(NameVariantStore store, INameVariantRepository repository, IServiceProvider services, TimeProvider clock, ILogger<NameVariantState> logger)
{
    public NameVariantStore Store => store;

    /// <exception cref="ArgumentException">The spellings cannot be a group (<see cref="NameVariantStore.Refusal"/>).</exception>
    public async Task<VariantChange> AddAsync(IReadOnlyList<string> variants, CancellationToken cancellationToken)
    {
        var change = await repository.UpdateAsync(edits => store.PlanAdd(edits, variants) is var c ? (c.Edits, c) : default, cancellationToken);
        if (!change.AlreadyExisted) await AppliedAsync(change.Edits, change.Group.Id, cancellationToken);
        return change;
    }

    public Task<VariantChange?> RemoveAsync(string id, CancellationToken cancellationToken) =>
        EditAsync(edits => store.PlanRemove(edits, id), cancellationToken);

    public Task<VariantChange?> RestoreAsync(string id, CancellationToken cancellationToken) =>
        EditAsync(edits => store.PlanRestore(edits, id), cancellationToken);

    public async Task<VariantImport> ImportAsync(IEnumerable<IEnumerable<string>> groups, CancellationToken cancellationToken)
    {
        // An import that adds nothing leaves the stored edits as they are.
        var import = await repository.UpdateAsync(edits => store.PlanImport(edits, groups) is var plan ? (plan.Imported > 0 ? plan.Edits : edits, plan) : default, cancellationToken);
        if (import.Imported > 0) await AppliedAsync(import.Edits, "", cancellationToken);
        return import;
    }

    /// <summary>Reads the shared edits and applies them when they changed (periodically, and on <see cref="NameVariantsChanged"/>).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (store.Apply(await repository.ReadAsync(cancellationToken)))
            logger.LogInformation("Name variant groups follow the shared state: {Count} active", store.List().Count);
    }

    private async Task<VariantChange?> EditAsync(Func<VariantEdits, VariantChange?> plan, CancellationToken cancellationToken)
    {
        var change = await repository.UpdateAsync(edits => plan(edits) is { } c ? (c.Edits, c) : (edits, (VariantChange?)null), cancellationToken);
        if (change is not null) await AppliedAsync(change.Edits, change.Group.Id, cancellationToken);
        return change;
    }

    private async Task AppliedAsync(VariantEdits edits, string groupId, CancellationToken cancellationToken)
    {
        store.Apply(edits);
        // No bus in a host without messaging; a lost announcement only means the periodic refresh brings the edit.
        if (services.GetService<IBus>() is not { } bus) return;
        try
        {
            await bus.Publish(new NameVariantsChanged { GroupId = groupId, ChangedAt = clock.GetUtcNow() }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not announce the name variant edit; other replicas see it at their next refresh (Names:RefreshSeconds)");
        }
    }
}

/// <summary>Reads the shared variant groups again when any replica announces an edit.</summary>
public sealed class NameVariantsChangedConsumer(NameVariantState state) : IConsumer<NameVariantsChanged>
{
    public Task Consume(ConsumeContext<NameVariantsChanged> context) => state.RefreshAsync(context.CancellationToken);
}

/// <summary>
/// An endpoint of this instance's own (temporary, deleted with the connection): every replica gets every announcement,
/// where a shared queue would give each to one replica only.
/// </summary>
public sealed class NameVariantsChangedConsumerDefinition : ConsumerDefinition<NameVariantsChangedConsumer>
{
    public NameVariantsChangedConsumerDefinition()
    {
        Endpoint(e =>
        {
            e.InstanceId = NewId.NextGuid().ToString("N")[..12];
            e.Temporary = true;
        });
    }
}
