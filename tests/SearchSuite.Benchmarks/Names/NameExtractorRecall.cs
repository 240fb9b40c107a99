using SearchSuite.Testing;
using System.Text.RegularExpressions;
using SearchSuite.Benchmarks.Text;
using SearchSuite.Text.Names;

namespace SearchSuite.Benchmarks.Names;

/// <param name="Occurrences">Dev-set names (two or more words) found verbatim in an NTREX document, once per document.</param>
/// <param name="Extracted">Of those, the ones the extractor returned (the full name, or a longer name containing it).</param>
/// <param name="SurnameExtracted">Of those, the ones whose surname the extractor returned inside some name.</param>
/// <param name="Missed">The missed names with their documents, for tuning.</param>
public sealed record ExtractorRecallFigures(string Language, int Documents, int Occurrences, int Extracted, int SurnameExtracted, IReadOnlyList<string> Missed)
{
    public double Recall => Occurrences == 0 ? 0 : (double)Extracted / Occurrences;
    public double SurnameRecall => Occurrences == 0 ? 0 : (double)SurnameExtracted / Occurrences;
}

/// <summary>
/// The name extractor's recall on running text (issue 18, item 9): every dev-set name that occurs verbatim in an NTREX
/// document should be among the document's extracted person names. Search no longer depends on it (capitalised words'
/// keys are indexed too), but the extracted names still feed the vocabulary, the explanations and the name fields.
/// </summary>
public static class NameExtractorRecall
{
    public static IReadOnlyList<ExtractorRecallFigures> Measure(NameDevSet devSet)
    {
        var names = devSet.Documents.Select(d => d.Name).Where(n => n.Split(' ').Length >= 2 && !n.Contains('(') && !n.Contains(','))
            .Distinct(StringComparer.Ordinal).ToArray();
        // Candidates by surname, so that each document is checked against the few names whose last word it contains.
        var bySurname = names.GroupBy(n => n.Split(' ')[^1], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var documents = NtrexCorpus.Load(RepoPaths.SharedFile("data", "ntrex", "ntrex_docs.jsonl"));
        var figures = new List<ExtractorRecallFigures>();
        foreach (var language in documents.GroupBy(d => d.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int occurrences = 0, extracted = 0, surnames = 0;
            var missed = new List<string>();
            foreach (var document in language)
            {
                var text = document.Title + "\n" + document.Text;
                var words = Regex.Matches(text, @"\p{L}+").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
                var occurring = words.Where(bySurname.ContainsKey).SelectMany(w => bySurname[w])
                    .Where(n => Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(n)}(?!\p{{L}})")).ToList();
                if (occurring.Count == 0) continue;
                var found = PersonNameExtractor.Extract([document.Title, document.Text]);
                foreach (var name in occurring)
                {
                    occurrences++;
                    if (found.Any(f => f.Contains(name, StringComparison.Ordinal))) extracted++;
                    else missed.Add($"{document.DocId}\t{name}\t(extracted: {string.Join(" | ", found)})");
                    if (found.Any(f => f.Split(' ').Contains(name.Split(' ')[^1]))) surnames++;
                }
            }
            figures.Add(new ExtractorRecallFigures(language.Key, language.Count(), occurrences, extracted, surnames, missed));
        }
        return figures;
    }
}
