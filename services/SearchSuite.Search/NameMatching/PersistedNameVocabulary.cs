using SearchSuite.Names;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.NameMatching;

/// <summary>
/// The index-time side of name matching, shared by every backend: each person name's tokens join the vocabulary
/// that expansion searches, and their transliteration keys go to the name_keys fields. New tokens are appended to a
/// file as they arrive, so a restarted service expands the names of documents it indexed before.
/// </summary>
public sealed class PersistedNameVocabulary : IIndexedNames, IDisposable
{
    private readonly StreamWriter _file;
    private readonly Lock _appendLock = new();
    private const int MaxCachedKeys = 100_000;
    private readonly BoundedMemo<string?> _keys = new(MaxCachedKeys);
    private readonly BoundedMemo<string[]> _registeredNames = new(MaxCachedKeys);

    public PersistedNameVocabulary(string path, ILogger<PersistedNameVocabulary> logger)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        if (File.Exists(fullPath))
            foreach (var token in File.ReadLines(fullPath)) Vocabulary.Add(token);
        _file = new StreamWriter(new FileStream(fullPath, FileMode.Append, FileAccess.Write, FileShare.Read));
        logger.LogInformation("Name vocabulary at {Path} holds {Count} tokens", fullPath, Vocabulary.Count);
    }

    public NameVocabulary Vocabulary { get; } = new();

    /// <summary>Memoised: the same names recur across documents, and a name seen before has its tokens in the vocabulary already.</summary>
    public IReadOnlyList<string> Register(string personName) => _registeredNames.GetOrAdd(personName, RegisterNew);

    private string[] RegisterNew(string personName)
    {
        var tokens = IndexedNameToken.FromName(personName);
        foreach (var token in tokens)
        {
            if (!Vocabulary.Add(token.Form)) continue;
            lock (_appendLock)
            {
                _file.WriteLine(token.Form);
                // Before the index commits the document, so a crash never leaves an indexed name out of the file.
                _file.Flush();
            }
        }
        return [.. tokens.Select(t => t.Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Memoised: hit decoration asks for the key of every word of every shown passage, and words repeat.</summary>
    public string? KeyOf(string token) => _keys.GetOrAdd(token, t => NameKey.Compute(t) is { Length: > 0 } key ? key : null);

    public void Dispose()
    {
        lock (_appendLock) _file.Dispose();
    }
}
