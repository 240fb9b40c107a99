using System.Collections.Immutable;

namespace SearchSuite.Names;

/// <summary>Where a variant group came from.</summary>
public static class VariantOrigin
{
    public const string Curated = "curated";
    /// <summary>From a list file named in the service's configuration: loaded at every start, like the curated list.</summary>
    public const string Configured = "configured";
    public const string Imported = "imported";
    public const string User = "user";
}

/// <summary>The spellings of one name; multi-word variants have the same number of words and align word by word.</summary>
/// <param name="Disabled">A curated or configured group switched off (RemoveVariantGroup); listed on request, restorable.</param>
public sealed record NameVariantGroup(string Id, IReadOnlyList<string> Variants, string Origin, bool Disabled = false);

/// <summary>
/// A group whose word at <paramref name="Position"/> has the key that was looked up, with that word of every
/// variant (form and key computed once, when the group was added).
/// </summary>
public sealed record NameVariantMatch(NameVariantGroup Group, int Position, IReadOnlyList<IndexedNameToken> Words);

/// <summary>
/// The run-time edits of the variant groups, the state every replica shares (the backend stores it): the groups added
/// and imported, and the ids of the curated and configured groups switched off. The lists themselves ship with each
/// replica and are never stored.
/// </summary>
/// <param name="RemovedListed">The disabled curated and configured group ids (JSON name kept from the first file format).</param>
public sealed record VariantEdits(IReadOnlyList<string> RemovedListed, IReadOnlyList<NameVariantGroup> Groups)
{
    public static readonly VariantEdits None = new([], []);

    /// <summary>Edits are only ever added or removed whole, with ids that name their content, so ids tell two states apart.</summary>
    public bool SameAs(VariantEdits other) =>
        RemovedListed.Order(StringComparer.Ordinal).SequenceEqual(other.RemovedListed.Order(StringComparer.Ordinal))
        && Groups.Select(g => g.Id).Order(StringComparer.Ordinal).SequenceEqual(other.Groups.Select(g => g.Id).Order(StringComparer.Ordinal));
}

/// <summary>The outcome of an edit: the new edits to store, and the group it concerns (the existing one when it already existed).</summary>
public sealed record VariantChange(VariantEdits Edits, NameVariantGroup Group, bool AlreadyExisted = false);

/// <summary>A group an import left out: its position in the request and why.</summary>
public sealed record SkippedVariantGroup(int Index, string Reason);

public sealed record VariantImport(VariantEdits Edits, int Imported, IReadOnlyList<SkippedVariantGroup> Skipped);

/// <summary>
/// Curated, configured and run-time variant groups. Readers see an immutable snapshot, so searches never block and pick
/// up an edit on their next lookup; <see cref="Version"/> and <see cref="Changed"/> tell caches that an edit happened.
/// Edits are planned on a <see cref="VariantEdits"/> (PlanAdd, PlanRemove, PlanRestore, PlanImport), stored by the
/// caller wherever the replicas share them, and applied here with <see cref="Apply"/>; the plain Add, Remove and Import
/// do both in memory.
/// </summary>
public sealed class NameVariantStore
{
    private const string CuratedResource = "SearchSuite.Names.curated-name-variants.tsv";

    private readonly Lock _writeLock = new();
    private readonly HashSet<string> _listedIds = new(StringComparer.Ordinal);
    private ImmutableList<NameVariantGroup> _listed = [];
    private VariantEdits _edits = VariantEdits.None;
    private Snapshot _snapshot = Snapshot.Empty;
    private long _version;

    public NameVariantStore()
    {
        var curated = NameVariantList.ReadEmbedded(CuratedResource);
        CuratedVersion = curated.Version ?? "unversioned";
        lock (_writeLock) Rebuild([.. ListedGroups(curated, VariantOrigin.Curated)], VariantEdits.None);
    }

    /// <summary>The "#version:" header of the curated list compiled into this assembly.</summary>
    public string CuratedVersion { get; }

    /// <summary>Increases on every change, so a cache keyed on it never serves stale expansions.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Raised after every change, with the new <see cref="Version"/>.</summary>
    public event EventHandler<long>? Changed;

    /// <summary>The edits applied last.</summary>
    public VariantEdits Edits => Volatile.Read(ref _edits);

    /// <summary>The active groups; with <paramref name="includeDisabled"/> also the disabled curated and configured ones.</summary>
    public IReadOnlyList<NameVariantGroup> List(bool includeDisabled = false)
    {
        var active = Volatile.Read(ref _snapshot).Groups;
        if (!includeDisabled) return active;
        var disabled = Volatile.Read(ref _edits).RemovedListed.ToHashSet(StringComparer.Ordinal);
        return [.. active, .. Volatile.Read(ref _listed).Where(g => disabled.Contains(g.Id)).Select(g => g with { Disabled = true })];
    }

    /// <summary>Groups containing a word whose <see cref="NameKey"/> is <paramref name="key"/>.</summary>
    public IReadOnlyList<NameVariantMatch> FindByKey(string key) =>
        Volatile.Read(ref _snapshot).ByKey.TryGetValue(key, out var matches) ? matches : [];

    /// <summary>
    /// Adds the groups of a list file named in configuration (the <see cref="NameVariantList"/> format). Like the
    /// curated list, it is read again at every start and never stored; returns how many groups were added.
    /// </summary>
    public int AddConfiguredList(NameVariantList list)
    {
        lock (_writeLock)
        {
            NameVariantGroup[] groups = [.. ListedGroups(list, VariantOrigin.Configured)];
            if (groups.Length > 0) Rebuild(_listed.AddRange(groups), _edits);
            return groups.Length;
        }
    }

    /// <summary>Makes <paramref name="edits"/> (read from the shared state) the run-time groups; false when they are the ones applied.</summary>
    public bool Apply(VariantEdits edits)
    {
        lock (_writeLock)
        {
            if (_edits.SameAs(edits)) return false;
            Rebuild(_listed, edits);
        }
        return true;
    }

    /// <summary>
    /// Why <paramref name="variants"/> cannot be a group, or null when they can: at least two distinct spellings, each with
    /// a letter, of the same number of words.
    /// </summary>
    public static string? Refusal(IReadOnlyList<string> variants)
    {
        if (variants.FirstOrDefault(v => NameTokens.Split(v).Count == 0) is { } wordless)
            return $"'{wordless}' has no letters: a spelling needs at least one word";
        if (variants.Count < 2) return "a variant group needs at least two distinct spellings";
        if (!HaveSameWordCount(variants))
            return $"all spellings must have the same number of words, as they align word by word: {string.Join(" | ", variants.Select(v => $"{v} ({NameTokens.Split(v).Count})"))}";
        return null;
    }

    /// <summary>A user group of <paramref name="variants"/>, or the active group that already has exactly these spellings.</summary>
    /// <exception cref="ArgumentException">The <see cref="Refusal"/> of the spellings.</exception>
    public VariantChange PlanAdd(VariantEdits edits, IEnumerable<string> variants)
    {
        var distinct = Distinct(variants);
        if (Refusal(distinct) is { } refusal) throw new ArgumentException(refusal, nameof(variants));
        if (Existing(edits, distinct) is { } existing) return new VariantChange(edits, existing, AlreadyExisted: true);
        var group = new NameVariantGroup(ContentId(VariantOrigin.User, distinct), distinct, VariantOrigin.User);
        return new VariantChange(edits with { Groups = [.. edits.Groups, group] }, group);
    }

    /// <summary>Deletes a user or imported group, or disables a curated or configured one; null for an unknown or disabled id.</summary>
    public VariantChange? PlanRemove(VariantEdits edits, string id)
    {
        if (edits.Groups.FirstOrDefault(g => g.Id == id) is { } own)
            return new VariantChange(edits with { Groups = [.. edits.Groups.Where(g => g.Id != id)] }, own);
        if (Volatile.Read(ref _listed).FirstOrDefault(g => g.Id == id) is not { } listed || edits.RemovedListed.Contains(id)) return null;
        return new VariantChange(edits with { RemovedListed = [.. edits.RemovedListed, id] }, listed with { Disabled = true });
    }

    /// <summary>Enables a disabled curated or configured group again; null unless <paramref name="id"/> is one.</summary>
    public VariantChange? PlanRestore(VariantEdits edits, string id)
    {
        if (!edits.RemovedListed.Contains(id) || Volatile.Read(ref _listed).FirstOrDefault(g => g.Id == id) is not { } listed) return null;
        return new VariantChange(edits with { RemovedListed = [.. edits.RemovedListed.Where(r => r != id)] }, listed);
    }

    /// <summary>Imported groups of each valid entry; the others (and groups that already exist) are reported by position.</summary>
    public VariantImport PlanImport(VariantEdits edits, IEnumerable<IEnumerable<string>> variantGroups)
    {
        var skipped = new List<SkippedVariantGroup>();
        var added = new List<NameVariantGroup>();
        var ids = edits.Groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var index = 0;
        foreach (var variants in variantGroups.Select(Distinct))
        {
            if (Refusal(variants) is { } refusal) skipped.Add(new SkippedVariantGroup(index, refusal));
            else if (Existing(edits, variants) is { } existing) skipped.Add(new SkippedVariantGroup(index, $"already exists as group {existing.Id}"));
            else
            {
                var group = new NameVariantGroup(ContentId(VariantOrigin.Imported, variants), variants, VariantOrigin.Imported);
                if (ids.Add(group.Id)) added.Add(group);
                else skipped.Add(new SkippedVariantGroup(index, "repeats an earlier group of this import"));
            }
            index++;
        }
        return new VariantImport(edits with { Groups = [.. edits.Groups, .. added] }, added.Count, skipped);
    }

    /// <summary>Adds a user group in memory (the existing group when one has these spellings).</summary>
    /// <exception cref="ArgumentException">The <see cref="Refusal"/> of the spellings.</exception>
    public NameVariantGroup Add(IEnumerable<string> variants) => InMemory(edits => PlanAdd(edits, variants)).Group;

    /// <summary>Removes or disables a group in memory; false when the id is unknown.</summary>
    public bool Remove(string id)
    {
        lock (_writeLock)
        {
            if (PlanRemove(_edits, id) is not { } change) return false;
            Rebuild(_listed, change.Edits);
        }
        return true;
    }

    /// <summary>Imports a list in the <see cref="NameVariantList"/> format in memory; returns how many groups were added.</summary>
    public int Import(TextReader reader) => Import(NameVariantList.Read(reader).Groups);

    /// <summary>Imports many groups in memory; returns how many were added.</summary>
    public int Import(IEnumerable<IEnumerable<string>> variantGroups)
    {
        lock (_writeLock)
        {
            var import = PlanImport(_edits, variantGroups);
            if (import.Imported > 0) Rebuild(_listed, import.Edits);
            return import.Imported;
        }
    }

    private VariantChange InMemory(Func<VariantEdits, VariantChange> plan)
    {
        lock (_writeLock)
        {
            var change = plan(_edits);
            if (!ReferenceEquals(change.Edits, _edits)) Rebuild(_listed, change.Edits);
            return change;
        }
    }

    /// <summary>Under <see cref="_writeLock"/>: the snapshot of the listed groups less the disabled ones, plus the edits' groups.</summary>
    private void Rebuild(ImmutableList<NameVariantGroup> listed, VariantEdits edits)
    {
        var disabled = edits.RemovedListed.ToHashSet(StringComparer.Ordinal);
        var snapshot = Snapshot.Empty.With([.. listed.Where(g => !disabled.Contains(g.Id)), .. edits.Groups]);
        Volatile.Write(ref _listed, listed);
        Volatile.Write(ref _edits, edits);
        Volatile.Write(ref _snapshot, snapshot);
        var version = Interlocked.Increment(ref _version);
        Changed?.Invoke(this, version);
    }

    /// <summary>An active group with exactly these spellings (in any order and case).</summary>
    private NameVariantGroup? Existing(VariantEdits edits, IReadOnlyList<string> variants)
    {
        var disabled = edits.RemovedListed.ToHashSet(StringComparer.Ordinal);
        var wanted = variants.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Volatile.Read(ref _listed).Where(g => !disabled.Contains(g.Id)).Concat(edits.Groups)
            .FirstOrDefault(g => g.Variants.Count == wanted.Count && wanted.SetEquals(g.Variants));
    }

    /// <summary>The groups of a list read at start, with stable ids.</summary>
    private IEnumerable<NameVariantGroup> ListedGroups(NameVariantList list, string origin)
    {
        foreach (var variants in list.Groups.Where(HaveSameWordCount))
            yield return new NameVariantGroup(ListedId(origin, variants), variants, origin);
    }

    // Stable across restarts and list versions as long as the group's first spelling stays, so disabling persists.
    private string ListedId(string origin, IReadOnlyList<string> variants)
    {
        var stem = $"{origin}-{string.Join('-', NameTokens.Split(variants[0]).Select(NameTokens.Fold))}";
        var id = stem;
        for (var n = 2; !_listedIds.Add(id); n++) id = $"{stem}-{n}";
        return id;
    }

    /// <summary>Named by its spellings, so the same group added twice, or on two replicas at once, is one group.</summary>
    private static string ContentId(string origin, IReadOnlyList<string> variants)
    {
        var spellings = string.Join('\u001f', variants.Select(v => v.ToLowerInvariant()).Order(StringComparer.Ordinal));
        return $"{origin}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(spellings)))[..16]}";
    }

    private static string[] Distinct(IEnumerable<string> variants) =>
        [.. variants.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static bool HaveSameWordCount(IReadOnlyList<string> variants) =>
        variants.Select(v => NameTokens.Split(v).Count).Distinct().Count() == 1 && NameTokens.Split(variants[0]).Count > 0;

    private sealed record Snapshot(
        ImmutableList<NameVariantGroup> Groups,
        ImmutableDictionary<string, ImmutableList<NameVariantMatch>> ByKey)
    {
        public static readonly Snapshot Empty = new([], ImmutableDictionary.Create<string, ImmutableList<NameVariantMatch>>(StringComparer.Ordinal));

        public Snapshot With(params IReadOnlyList<NameVariantGroup> groups)
        {
            var byKey = ByKey.ToBuilder();
            foreach (var group in groups)
            {
                foreach (var (key, match) in KeyedMatches(group))
                    byKey[key] = byKey.TryGetValue(key, out var list) ? list.Add(match) : [match];
            }
            return new Snapshot(Groups.AddRange(groups), byKey.ToImmutable());
        }

        private static IEnumerable<(string Key, NameVariantMatch Match)> KeyedMatches(NameVariantGroup group)
        {
            var words = group.Variants.Select(IndexedNameToken.FromName).ToArray();
            for (var position = 0; position < words[0].Count; position++)
            {
                var column = words.Select(w => w[position]).DistinctBy(w => w.Form).ToArray();
                var match = new NameVariantMatch(group, position, column);
                foreach (var key in column.Select(w => w.Key).Where(k => k.Length > 0).Distinct()) yield return (key, match);
            }
        }
    }
}
