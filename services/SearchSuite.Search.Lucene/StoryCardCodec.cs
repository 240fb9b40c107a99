using System.Text;
using System.Text.Json;
using SearchSuite.Search.Stories;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// A story card (<see cref="StoryCandidate"/>) as the bytes of its binary doc value: a version byte, then length-prefixed
/// UTF-8 strings, variable-length integers and raw floats. A lookup reads up to 16 cards per document, and parsing them
/// as JSON was a quarter of story assignment. Cards written as JSON before (they start with '{') still read.
/// </summary>
public static class StoryCardCodec
{
    private const byte Version = 1;

    public static byte[] Write(StoryCandidate card)
    {
        using var stream = new MemoryStream(256);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(card.DocumentId);
            writer.Write(card.StoryId);
            writer.Write(card.DuplicateOf is not null);
            if (card.DuplicateOf is not null) writer.Write(card.DuplicateOf);
            writer.Write(card.Fingerprint);
            writer.Write(card.PublishedAt is not null);
            if (card.PublishedAt is { } published)
            {
                writer.Write(published.Ticks);
                writer.Write((short)published.Offset.TotalMinutes);
            }
            var evidence = card.Evidence;
            writer.Write7BitEncodedInt(evidence.Terms.Count);
            for (var i = 0; i < evidence.Terms.Count; i++)
            {
                writer.Write(evidence.Terms[i]);
                // Ranks start at -1 (not placed): shifted by one, so they stay non-negative.
                writer.Write7BitEncodedInt(evidence.Ranks[i] + 1);
                writer.Write(evidence.Weights[i]);
            }
            writer.Write7BitEncodedInt(evidence.Frame.Count);
            foreach (var hash in evidence.Frame) writer.Write(hash);
        }
        return stream.ToArray();
    }

    public static StoryCandidate Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) throw new InvalidDataException("An indexed document has no story card.");
        if (bytes[0] == (byte)'{')
            return JsonSerializer.Deserialize<StoryCandidate>(bytes, JsonSerializerOptions.Web) ?? throw new InvalidDataException("An indexed document has no story card.");
        if (bytes[0] != Version) throw new InvalidDataException($"A story card has the unknown format {bytes[0]}.");
        using var reader = new BinaryReader(new MemoryStream(bytes[1..].ToArray(), writable: false), Encoding.UTF8);
        var documentId = reader.ReadString();
        var storyId = reader.ReadString();
        var duplicateOf = reader.ReadBoolean() ? reader.ReadString() : null;
        var fingerprint = reader.ReadString();
        DateTimeOffset? publishedAt = reader.ReadBoolean() ? new DateTimeOffset(reader.ReadInt64(), TimeSpan.FromMinutes(reader.ReadInt16())) : null;
        var count = reader.Read7BitEncodedInt();
        var (terms, ranks, weights) = (new string[count], new int[count], new float[count]);
        for (var i = 0; i < count; i++)
        {
            terms[i] = reader.ReadString();
            ranks[i] = reader.Read7BitEncodedInt() - 1;
            weights[i] = reader.ReadSingle();
        }
        var frame = new uint[reader.Read7BitEncodedInt()];
        for (var i = 0; i < frame.Length; i++) frame[i] = reader.ReadUInt32();
        return new StoryCandidate(documentId, storyId, duplicateOf, fingerprint, new DocumentEvidence(terms, ranks, weights, frame), publishedAt);
    }
}
