using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchSuite.Search.Stories;

/// <summary>
/// A document's evidence (<see cref="StoryEvidence.Extract"/>): its terms, distinct and sorted ordinally, and index for
/// index with them each term's rank in text order (its first occurrence; -1 for a term the text does not place, such
/// as the outlet or a person name) and its weight in this document; and a sketch of its frame, the wording around the
/// evidence (<see cref="StoryEvidence.FrameSketch"/>; empty for a text too short to tell).
/// </summary>
[JsonConverter(typeof(DocumentEvidenceConverter))]
public sealed record DocumentEvidence(IReadOnlyList<string> Terms, IReadOnlyList<int> Ranks, IReadOnlyList<float> Weights, IReadOnlyList<uint> Frame)
{
    /// <summary>How many terms the text places: ranks run from 0 to this minus one (derived once, as every comparison sizes its order table by it).</summary>
    public int PlacedCount { get; } = Ranks.Count == 0 ? 0 : Ranks.Max() + 1;

    /// <summary>Terms alone, each unranked at its kind's weight, without a frame: what a card written before ranks and weights carries.</summary>
    public static DocumentEvidence OfTerms(IReadOnlyList<string> terms) =>
        new(terms, terms.Select(_ => -1).ToArray(), terms.Select(t => StoryEvidence.WeightOf(StoryEvidence.KindOf(t))).ToArray(), Array.Empty<uint>());
}

/// <summary>
/// Writes {terms, ranks, weights}; also reads the plain array of terms that story cards held before ranks and weights,
/// so an index written then still answers lookups (its documents compare by terms alone until re-sent).
/// </summary>
public sealed class DocumentEvidenceConverter : JsonConverter<DocumentEvidence>
{
    public override DocumentEvidence Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
            return DocumentEvidence.OfTerms(JsonSerializer.Deserialize<string[]>(ref reader, options) ?? []);
        var stored = JsonSerializer.Deserialize<Stored>(ref reader, options) ?? throw new JsonException("Story evidence is null.");
        if (stored.Ranks.Length != stored.Terms.Length || stored.Weights.Length != stored.Terms.Length)
            throw new JsonException("Story evidence has ranks or weights that do not match its terms.");
        return new DocumentEvidence(stored.Terms, stored.Ranks, stored.Weights, stored.Frame ?? []);
    }

    public override void Write(Utf8JsonWriter writer, DocumentEvidence value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Stored([.. value.Terms], [.. value.Ranks], [.. value.Weights], [.. value.Frame]), options);

    private sealed record Stored(string[] Terms, int[] Ranks, float[] Weights, uint[]? Frame);
}
