using SearchSuite.Contracts;
using SearchSuite.Normalize;
using SearchSuite.Testing;
using SearchSuite.Text;

namespace SearchSuite.Services.Tests.Search;

/// <summary>The three seeds as normalize makes them, under ids named after their files ("000", "001", "003").</summary>
public static class SeedDocuments
{
    private static readonly DocumentNormalizer Normalizer = new();

    public static IReadOnlyList<DocumentNormalized> All { get; } = RepoPaths.SeedFiles
        .Select(f => Normalize(Path.GetFileName(f)[..3], File.ReadAllText(f)))
        .ToList();

    public static DocumentNormalized Normalize(string id, string text, string? language = null) =>
        NormalizeDocumentConsumer.Normalize(Normalizer, new DocumentSubmitted { DocumentId = id, Text = text, Language = language, SubmittedAt = DateTimeOffset.UtcNow });
}
