using SearchSuite.Text;

namespace SearchSuite.Benchmarks.Text;

/// <summary>Correct / total per language, and how often each language was taken for another.</summary>
public sealed record AccuracyRow(string Language, int DocumentsCorrect, int Documents, int SentencesCorrect, int Sentences)
{
    public double DocumentAccuracy => Documents == 0 ? 0 : (double)DocumentsCorrect / Documents;
    public double SentenceAccuracy => Sentences == 0 ? 0 : (double)SentencesCorrect / Sentences;
}

public sealed record Confusion(string Expected, string Detected, string Unit, int Count);

public sealed record LanguageAccuracy(IReadOnlyList<AccuracyRow> Rows, IReadOnlyList<Confusion> Confusions, int MinSentenceLength)
{
    public static LanguageAccuracy Measure(IReadOnlyList<NtrexDocument> documents, int minSentenceLength)
    {
        var confusions = new Dictionary<(string, string, string), int>();
        var rows = new List<AccuracyRow>();
        foreach (var language in documents.Select(d => d.Language).Distinct().Order())
        {
            var ofLanguage = documents.Where(d => d.Language == language).ToList();
            var sentences = ofLanguage.SelectMany(d => d.Sentences).Where(s => s.Length >= minSentenceLength).ToList();
            rows.Add(new AccuracyRow(language,
                ofLanguage.Count(d => IsCorrect(language, d.Text, "document", confusions)), ofLanguage.Count,
                sentences.Count(s => IsCorrect(language, s, "sentence", confusions)), sentences.Count));
        }
        return new LanguageAccuracy(rows,
            [.. confusions.OrderByDescending(c => c.Value).Select(c => new Confusion(c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Value))],
            minSentenceLength);
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"Language identification on NTREX (sentences >= {MinSentenceLength} chars)");
        output.WriteLine($"{"lang",-6}{"documents",22}{"sentences",26}");
        foreach (var row in Rows)
            output.WriteLine($"{row.Language,-6}{$"{row.DocumentsCorrect}/{row.Documents}",12}{row.DocumentAccuracy,10:P2}{$"{row.SentencesCorrect}/{row.Sentences}",16}{row.SentenceAccuracy,10:P2}");
        var documentsCorrect = Rows.Sum(r => r.DocumentsCorrect);
        var documentsTotal = Rows.Sum(r => r.Documents);
        var sentencesCorrect = Rows.Sum(r => r.SentencesCorrect);
        var sentencesTotal = Rows.Sum(r => r.Sentences);
        output.WriteLine($"{"all",-6}{$"{documentsCorrect}/{documentsTotal}",12}{(double)documentsCorrect / documentsTotal,10:P2}{$"{sentencesCorrect}/{sentencesTotal}",16}{(double)sentencesCorrect / sentencesTotal,10:P2}");
        output.WriteLine(Confusions.Count == 0 ? "No confusions." : "Confusions (expected -> detected):");
        foreach (var confusion in Confusions)
            output.WriteLine($"  {confusion.Unit,-9} {confusion.Expected} -> {confusion.Detected}: {confusion.Count}");
    }

    private static bool IsCorrect(string expected, string text, string unit, Dictionary<(string, string, string), int> confusions)
    {
        var detected = LanguageIdentifier.Identify(text).Language;
        if (detected == expected) return true;
        var key = (expected, detected, unit);
        confusions[key] = confusions.GetValueOrDefault(key) + 1;
        return false;
    }
}
