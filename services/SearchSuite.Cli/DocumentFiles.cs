using System.Text.Json;
using SearchSuite.V1;

namespace SearchSuite.Cli;

/// <summary>
/// Reads documents to ingest from files and folders: a .txt/.md file is one document; a .jsonl file holds one JSON
/// document per line ({"text", "title", "document_id", "source_url", "language", "metadata"}; camelCase names work too).
/// A line that is not such a document is not sent: it is counted as rejected, with its line number and reason, and
/// the lines after it go on (README.md, "The CLI").
/// </summary>
public static class DocumentFiles
{
    private static readonly string[] TextExtensions = [".txt", ".md", ".text"];

    /// <summary>The property names of a JSONL document and the request field each one fills.</summary>
    private static readonly Dictionary<string, string> JsonFields = new(StringComparer.Ordinal)
    {
        ["text"] = "text", ["title"] = "title", ["language"] = "language", ["metadata"] = "metadata",
        ["document_id"] = "document_id", ["documentId"] = "document_id", ["id"] = "document_id",
        ["source_url"] = "source_url", ["sourceUrl"] = "source_url",
    };

    /// <summary>One document read from a file, or the reason its line could not be read (then <see cref="Request"/> is null).</summary>
    public sealed record Source(string Path, int Line, IngestRequest? Request, string? Problem = null)
    {
        public string Describe() => Line > 0 ? $"{Path}:{Line}" : Path;
    }

    /// <summary>The files a set of paths names, folders expanded recursively and sorted, so runs are repeatable.</summary>
    /// <exception cref="CliFailure">A path names nothing.</exception>
    public static IReadOnlyList<string> ExpandOrFail(IEnumerable<string> paths, string what)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => IsJsonLines(f) || TextExtensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            else throw new CliFailure(ExitCode.Usage, $"{what} '{path}': no such file or folder ({System.IO.Path.GetFullPath(path)}).");
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
                var (request, problem) = FromJson(line, languageHint);
                yield return new Source(file, lineNumber, request, problem);
            }
        }
    }

    private static bool IsJsonLines(string file) => file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static (IngestRequest? Request, string? Problem) FromJson(string line, string? languageHint)
    {
        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(line);
            json = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            // The parser's own position ("LineNumber: 0 | BytePositionInLine: 12") counts within the line from 0; say the column instead.
            var reason = e.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) reason = reason[..cut];
            return (null, $"not valid JSON at column {e.BytePositionInLine + 1}: {reason}");
        }
        if (json.ValueKind != JsonValueKind.Object)
            return (null, $"must be a JSON object such as {{\"text\": \"…\"}}, not {json.ValueKind.ToString().ToLowerInvariant()}");

        var request = new IngestRequest();
        foreach (var property in json.EnumerateObject())
        {
            if (!JsonFields.TryGetValue(property.Name, out var field))
                return (null, $"unknown property '{property.Name}'; a line may have {string.Join(", ", JsonFields.Keys.Where(k => JsonFields[k] == k))}");
            if (field == "metadata")
            {
                if (property.Value.ValueKind != JsonValueKind.Object) return (null, "metadata: must be an object of strings");
                foreach (var entry in property.Value.EnumerateObject())
                {
                    if (entry.Value.ValueKind != JsonValueKind.String) return (null, $"metadata.{entry.Name}: must be a string, not {Kind(entry.Value)}");
                    request.Metadata[entry.Name] = entry.Value.GetString()!;
                }
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            if (property.Value.ValueKind != JsonValueKind.String) return (null, $"{property.Name}: must be a string, not {Kind(property.Value)}");
            var value = property.Value.GetString()!;
            switch (field)
            {
                case "text": request.Text = value; break;
                case "title": request.Title = value; break;
                case "language": request.Language = value; break;
                case "document_id": request.DocumentId = value; break;
                case "source_url": request.SourceUrl = value; break;
            }
        }
        if (languageHint is not null) request.Language = languageHint;
        return (request, null);
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
