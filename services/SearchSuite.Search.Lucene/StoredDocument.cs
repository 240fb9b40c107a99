using System.Text.Json;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// What the Lucene index stores as a document's source (<see cref="IndexFields.Source"/>): the search-owned
/// <see cref="DocumentSource"/> with its schema version, so that renaming or reshaping a message contract never makes an
/// existing index unreadable. A change to this shape bumps <see cref="CurrentSchemaVersion"/> and keeps reading the
/// versions before it. Version 0 is the shape stored before: the contract itself, serialized with the web defaults.
/// </summary>
public sealed class StoredDocument : DocumentSource
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The deserializer builds sources this way.</summary>
    public StoredDocument()
    {
    }

    private StoredDocument(DocumentNormalized document) : base(document) => SchemaVersion = CurrentSchemaVersion;

    /// <summary>Absent (0) in a version-0 source.</summary>
    public int SchemaVersion { get; init; }

    /// <summary>The source to store for <paramref name="document"/>, in the current version.</summary>
    public static string Write(DocumentNormalized document) => JsonSerializer.Serialize(new StoredDocument(document), JsonSerializerOptions.Web);

    /// <summary>The document a stored source of any version up to <see cref="CurrentSchemaVersion"/> holds.</summary>
    public static DocumentNormalized Read(string source)
    {
        var stored = JsonSerializer.Deserialize<StoredDocument>(source, JsonSerializerOptions.Web)
                     ?? throw new InvalidDataException("A stored document has an empty source.");
        return stored.SchemaVersion switch
        {
            // One parse more, only for documents indexed before the versioned source; they are replaced as they are re-indexed.
            0 => JsonSerializer.Deserialize<DocumentNormalized>(source, JsonSerializerOptions.Web)
                 ?? throw new InvalidDataException("A stored version-0 document has an empty source."),
            CurrentSchemaVersion => stored.ToNormalized(),
            var version => throw new InvalidDataException(
                $"A stored document has source schema version {version}; this build reads up to {CurrentSchemaVersion}. Was the index written by a newer SearchSuite?"),
        };
    }
}
