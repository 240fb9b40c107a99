using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchSuite.Benchmarks.Text;

/// <summary>One line of ../shared/data/ntrex/ntrex_docs.jsonl.</summary>
public sealed record NtrexDocument(
    [property: JsonPropertyName("doc_id")] string DocId,
    [property: JsonPropertyName("lang")] string Language,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("sentences")] string[] Sentences,
    [property: JsonPropertyName("text")] string Text);

/// <summary>Reads NTREX from the shared folder at run time; it is never copied into the repository.</summary>
public static class NtrexCorpus
{
    public static IReadOnlyList<NtrexDocument> Load(string path) =>
        [.. File.ReadLines(path).Where(line => line.Length > 0).Select(line =>
            JsonSerializer.Deserialize<NtrexDocument>(line) ?? throw new InvalidDataException($"Unreadable NTREX line in {path}: {line[..Math.Min(80, line.Length)]}"))];
}
