namespace SearchSuite.Contracts;

/// <summary>
/// Event: a search instance changed the shared name-variant groups (added, removed, restored or imported). Every
/// search instance consumes it on an endpoint of its own (never competing) and reads the groups again from the
/// backend, which holds the truth; the event only shortens the wait for the periodic refresh.
/// </summary>
public sealed record NameVariantsChanged
{
    /// <summary>The group the edit concerned (empty for an import).</summary>
    public string GroupId { get; init; } = "";
    public DateTimeOffset ChangedAt { get; init; }
}
