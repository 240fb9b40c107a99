using System.Collections.Concurrent;

namespace SearchSuite.Search;

/// <summary>
/// Remembers values computed from strings, and forgets them all once it holds its capacity. The
/// keys come from documents and clients, so the memo must stay bounded; the values are cheap to compute again, so a
/// reset is enough where an LRU would cost more than it saves. Safe for concurrent use.
/// </summary>
public sealed class BoundedMemo<TValue>
{
    private readonly int capacity;
    private readonly ConcurrentDictionary<string, TValue> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> bySpan;
    /// <summary>Entries stored since the last reset (an overwrite counts too); cheaper than the dictionary's Count, which takes every lock.</summary>
    private int stored;

    public BoundedMemo(int capacity)
    {
        this.capacity = capacity;
        bySpan = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public TValue GetOrAdd(string key, Func<string, TValue> compute)
    {
        if (entries.TryGetValue(key, out var value)) return value;
        value = compute(key);
        Store(key, value);
        return value;
    }

    /// <summary>The same, looked up by span, so that a hit allocates nothing; the key is copied only on a miss.</summary>
    public TValue GetOrAdd(ReadOnlySpan<char> key, Func<string, TValue> compute)
    {
        if (bySpan.TryGetValue(key, out var value)) return value;
        var text = key.ToString();
        value = compute(text);
        Store(text, value);
        return value;
    }

    private void Store(string key, TValue value)
    {
        if (Interlocked.Increment(ref stored) > capacity)
        {
            entries.Clear();
            Interlocked.Exchange(ref stored, 1);
        }
        entries[key] = value;
    }
}
