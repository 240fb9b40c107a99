namespace SearchSuite.Names;

/// <summary>
/// Titles, honorifics and offices written before a person's name, in many languages ("Dr.", "Außenministerin",
/// "Secretary-General", "ông", "Sheikh"), from the embedded list <c>Resources/person-titles.txt</c>. One list for
/// the name query (a title is no part of the name) and the name extractor (what follows a title is a name).
/// </summary>
public static class PersonTitles
{
    private const string Resource = "SearchSuite.Names.person-titles.txt";
    private const int MaxWords = 3;

    private static readonly Lazy<HashSet<string>> Phrases = new(Load);

    /// <summary>True when the single word is a title ("Präsident", "Dr.", "Secretary-General").</summary>
    public static bool IsTitle(string word) => Phrases.Value.Contains(Phrase([word]));

    /// <summary>How many words from <paramref name="start"/> form the longest listed title ("Prime Minister": 2); 0 for none.</summary>
    public static int LengthAt(IReadOnlyList<string> words, int start)
    {
        for (var length = Math.Min(MaxWords, words.Count - start); length > 0; length--)
            if (Phrases.Value.Contains(Phrase(words.Skip(start).Take(length)))) return length;
        return 0;
    }

    // Words as NameTokens.Split reads them, so hyphens, dots and case do not matter ("Secretary-General", "Dr.").
    private static string Phrase(IEnumerable<string> words) => string.Join(' ', words.SelectMany(NameTokens.Split));

    private static HashSet<string> Load()
    {
        using var stream = typeof(PersonTitles).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } title && !title.StartsWith('#')) phrases.Add(Phrase([title]));
        return phrases;
    }
}
