using System.Text.Json;
using SearchSuite.V1;

namespace SearchSuite.Cli;

/// <summary>
/// Reads documents to ingest from files and folders: a .txt/.md file is one document; a .jsonl file holds one
/// JSON document per line ({"text", "title", "document_id", "source_url", "language", "metadata"}).
/// </summary>
public static class DocumentFiles
{
    private static readonly string[] TextExtensions = [".txt", ".md", ".text"];

    public sealed record Source(string Path, int Line, IngestRequest Request)
    {
        public string Describe() => Line > 0 ? $"{Path}:{Line}" : Path;
    }

    /// <summary>The files a set of paths names, folders expanded recursively and sorted, so runs are repeatable.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => IsJsonLines(f) || TextExtensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            else throw new FileNotFoundException($"No file or folder at '{path}'.", path);
        }
        return files;
    }

    public static int Count(IReadOnlyList<string> files) =>
        files.Sum(f => IsJsonLines(f) ? File.ReadLines(f).Count(l => !string.IsNullOrWhiteSpace(l)) : 1);

    public static IEnumerable<Source> Read(IReadOnlyList<string> files, string? languageHint)
    {
        foreach (var file in files)
        {
            if (!IsJsonLines(file))
            {
                yield return new Source(file, 0, new IngestRequest { Text = File.ReadAllText(file), Language = languageHint ?? "" });
                continue;
            }
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                yield return new Source(file, lineNumber, FromJson(line, languageHint, $"{file}:{lineNumber}"));
            }
        }
    }

    private static bool IsJsonLines(string file) => file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static IngestRequest FromJson(string line, string? languageHint, string where)
    {
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where}: not valid JSON ({e.Message})", e);
        }
        string Get(params string[] names) =>
            names.Select(n => json.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null).FirstOrDefault(v => v is not null) ?? "";

        var request = new IngestRequest
        {
            DocumentId = Get("document_id", "documentId", "id"),
            Text = Get("text"),
            Title = Get("title"),
            SourceUrl = Get("source_url", "sourceUrl"),
            Language = languageHint ?? Get("language"),
        };
        if (json.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
            foreach (var entry in metadata.EnumerateObject())
                request.Metadata[entry.Name] = entry.Value.ToString();
        return request;
    }
}
