using System.Collections.Immutable;
using System.Text.Json;

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
public sealed record NameVariantGroup(string Id, IReadOnlyList<string> Variants, string Origin);

/// <summary>
/// A group whose word at <paramref name="Position"/> has the key that was looked up, with that word of every
/// variant (form and key computed once, when the group was added).
/// </summary>
public sealed record NameVariantMatch(NameVariantGroup Group, int Position, IReadOnlyList<IndexedNameToken> Words);

/// <summary>
/// Curated, imported and user-defined name-variant groups, editable at run time. Readers see an immutable snapshot,
/// so searches never block and pick up an edit on their next lookup; <see cref="Version"/> and <see cref="Changed"/>
/// tell caches that an edit happened. User changes (additions, imports, removals) persist to a JSON file; the curated
/// and configured lists are read at every start and only removals of their groups persist.
/// </summary>
public sealed class NameVariantStore
{
    private const string CuratedResource = "SearchSuite.Names.curated-name-variants.tsv";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string? _persistencePath;
    private readonly Lock _writeLock = new();
    private readonly ImmutableHashSet<string>.Builder _removedListed = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
    private readonly HashSet<string> _listedIds = new(StringComparer.Ordinal);
    private Snapshot _snapshot = Snapshot.Empty;
    private long _version;

    /// <param name="persistencePath">JSON file for user changes; null keeps them in memory only.</param>
    public NameVariantStore(string? persistencePath = null)
    {
        _persistencePath = persistencePath;
        var curated = ReadCurated();
        CuratedVersion = curated.Version ?? "unversioned";
        var persisted = LoadPersisted();
        _removedListed.UnionWith(persisted.RemovedListed);
        _snapshot = Snapshot.Empty.With([.. ListedGroups(curated, VariantOrigin.Curated), .. persisted.Groups]);
        _version = 1;
    }

    /// <summary>The "#version:" header of the curated list compiled into this assembly.</summary>
    public string CuratedVersion { get; }

    /// <summary>Increases on every change, so a cache keyed on it never serves stale expansions.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Raised after every change, with the new <see cref="Version"/>.</summary>
    public event EventHandler<long>? Changed;

    public IReadOnlyList<NameVariantGroup> List() => Volatile.Read(ref _snapshot).Groups;

    /// <summary>Groups containing a word whose <see cref="NameKey"/> is <paramref name="key"/>.</summary>
    public IReadOnlyList<NameVariantMatch> FindByKey(string key) =>
        Volatile.Read(ref _snapshot).ByKey.TryGetValue(key, out var matches) ? matches : [];

    /// <summary>Adds a user group.</summary>
    /// <exception cref="ArgumentException">Fewer than two distinct spellings, or variants with different word counts.</exception>
    public NameVariantGroup Add(IEnumerable<string> variants)
    {
        var distinct = Distinct(variants);
        if (distinct.Length < 2) throw new ArgumentException("A variant group needs at least two distinct spellings.", nameof(variants));
        if (!HaveSameWordCount(distinct))
            throw new ArgumentException($"All variants must have the same number of words: {string.Join(" | ", distinct)}", nameof(variants));
        var group = new NameVariantGroup(NewId(VariantOrigin.User), distinct, VariantOrigin.User);
        Update(snapshot => snapshot.With(group));
        return group;
    }

    /// <summary>
    /// Adds the groups of a list file named in configuration (the <see cref="NameVariantList"/> format). Like the
    /// curated list, it is read again at every start and not copied into the persistence file; returns how many groups were added.
    /// </summary>
    public int AddConfiguredList(NameVariantList list)
    {
        NameVariantGroup[] groups;
        lock (_writeLock) groups = [.. ListedGroups(list, VariantOrigin.Configured)];
        if (groups.Length > 0) Update(snapshot => snapshot.With(groups), persist: false);
        return groups.Length;
    }

    /// <summary>Removes any group by id (curated and configured ones stay removed after a restart); false when the id is unknown.</summary>
    public bool Remove(string id)
    {
        var removed = false;
        Update(snapshot =>
        {
            var group = snapshot.Groups.FirstOrDefault(g => g.Id == id);
            if (group is null) return snapshot;
            removed = true;
            if (IsListed(group.Origin)) _removedListed.Add(id);
            return snapshot.Without(group);
        });
        return removed;
    }

    /// <summary>Imports a list in the <see cref="NameVariantList"/> format; returns how many groups were added.</summary>
    public int Import(TextReader reader) => Import(NameVariantList.Read(reader).Groups);

    /// <summary>Imports many groups at once; a group with fewer than two distinct spellings or uneven word counts is skipped.</summary>
    public int Import(IEnumerable<IEnumerable<string>> variantGroups)
    {
        var groups = variantGroups
            .Select(Distinct)
            .Where(variants => variants.Length >= 2 && HaveSameWordCount(variants))
            .Select(variants => new NameVariantGroup(NewId(VariantOrigin.Imported), variants, VariantOrigin.Imported))
            .ToArray();
        if (groups.Length > 0) Update(snapshot => snapshot.With(groups));
        return groups.Length;
    }

    private void Update(Func<Snapshot, Snapshot> change, bool persist = true)
    {
        long version;
        lock (_writeLock)
        {
            var before = _snapshot;
            var after = change(before);
            if (ReferenceEquals(before, after)) return;
            if (persist) Persist(after);
            Volatile.Write(ref _snapshot, after);
            version = Interlocked.Increment(ref _version);
        }
        Changed?.Invoke(this, version);
    }

    private void Persist(Snapshot snapshot)
    {
        if (_persistencePath is null) return;
        var state = new PersistedState(
            [.. _removedListed.Order(StringComparer.Ordinal)],
            [.. snapshot.Groups.Where(g => !IsListed(g.Origin))]);
        var directory = Path.GetDirectoryName(Path.GetFullPath(_persistencePath));
        if (directory is not null) Directory.CreateDirectory(directory);
        // Write aside and rename, so a crash mid-write never leaves a truncated file behind.
        var temporary = _persistencePath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, JsonOptions));
        File.Move(temporary, _persistencePath, overwrite: true);
    }

    private PersistedState LoadPersisted()
    {
        if (_persistencePath is null || !File.Exists(_persistencePath)) return new PersistedState([], []);
        return JsonSerializer.Deserialize<PersistedState>(File.ReadAllText(_persistencePath), JsonOptions)
            ?? throw new InvalidDataException($"Name variant file {_persistencePath} is empty.");
    }

    private static NameVariantList ReadCurated() => NameVariantList.ReadEmbedded(CuratedResource);

    private static bool IsListed(string origin) => origin is VariantOrigin.Curated or VariantOrigin.Configured;

    /// <summary>The groups of a list read at start, with stable ids, less those removed earlier.</summary>
    private IEnumerable<NameVariantGroup> ListedGroups(NameVariantList list, string origin)
    {
        foreach (var variants in list.Groups.Where(HaveSameWordCount))
        {
            var id = ListedId(origin, variants);
            if (!_removedListed.Contains(id)) yield return new NameVariantGroup(id, variants, origin);
        }
    }

    // Stable across restarts and list versions as long as the group's first spelling stays, so removals persist.
    private string ListedId(string origin, IReadOnlyList<string> variants)
    {
        var stem = $"{origin}-{string.Join('-', NameTokens.Split(variants[0]).Select(NameTokens.Fold))}";
        var id = stem;
        for (var n = 2; !_listedIds.Add(id); n++) id = $"{stem}-{n}";
        return id;
    }

    private static string NewId(string origin) => $"{origin}-{Guid.NewGuid():N}";

    private static string[] Distinct(IEnumerable<string> variants) =>
        [.. variants.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static bool HaveSameWordCount(IReadOnlyList<string> variants) =>
        variants.Select(v => NameTokens.Split(v).Count).Distinct().Count() == 1 && NameTokens.Split(variants[0]).Count > 0;

    private sealed record PersistedState(IReadOnlyList<string> RemovedListed, IReadOnlyList<NameVariantGroup> Groups);

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

        public Snapshot Without(NameVariantGroup group)
        {
            var byKey = ByKey.ToBuilder();
            foreach (var (key, _) in KeyedMatches(group))
            {
                var rest = byKey[key].RemoveAll(m => ReferenceEquals(m.Group, group));
                if (rest.IsEmpty) byKey.Remove(key);
                else byKey[key] = rest;
            }
            return new Snapshot(Groups.Remove(group), byKey.ToImmutable());
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
