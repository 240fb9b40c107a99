using System.Globalization;
using System.Text;
using SearchSuite.Testing;

namespace SearchSuite.Benchmarks.Names;

/// <summary>One name occurrence: the "document" of the relevance benchmark.</summary>
public sealed record NameDocument(int Id, string PersonId, string Language, string Name);

/// <summary>A query name and the documents (same person, other spelling) it should retrieve.</summary>
public sealed record NameQuery(string Set, string PersonId, string Name, IReadOnlySet<int> Targets);

/// <summary>
/// The names dev set in ../shared/data/names, read at run time (never copied into the repo):
/// every name becomes a document; the query sets pair one person's spellings across languages.
/// </summary>
public sealed class NameDevSet
{
    // The product's languages plus French, whose press spellings (Poutine, Gorbatchev) we also meet.
    private static readonly HashSet<string> CorpusLanguages = ["en", "de", "ru", "vi", "fr"];
    private static readonly (string From, string To)[] CrossLanguagePairs =
        [("en", "de"), ("de", "en"), ("en", "ru"), ("ru", "en"), ("en", "vi"), ("vi", "en"), ("de", "ru"), ("ru", "de")];

    // Where names are Cyrillic at the source (or were, in Soviet times): the cases the product promises. Elsewhere the
    // Russian label is a phonetic transcription of an English or French name (Эндрю Робб), a different problem.
    private static readonly HashSet<string> CyrillicOriginCountries =
    [
        "Russia", "Ukraine", "Belarus", "Moldova", "Bulgaria", "Armenia", "Azerbaijan", "Georgia", "Kazakhstan",
        "Kyrgyzstan", "Tajikistan", "Uzbekistan", "Turkmenistan", "Mongolia", "Nagorno_Karabakh", "Abkhazia",
        "South_Ossetia", "Transnistria", "Latvia", "Estonia", "Lithuania",
    ];

    /// <summary>
    /// The sets the product promises to serve (issue 4): the de/en/vi pairs, en↔de, Cyrillic-origin names to and from
    /// Russian, and Vietnamese without diacritics. The en↔vi sets (11 queries each) and other-origin names are reported apart.
    /// </summary>
    public static bool IsPromised(string set) =>
        set is "pairs" or "en→de" or "de→en" or "vi-no-accents" || set.EndsWith(" cyrillic-origin", StringComparison.Ordinal);

    public required IReadOnlyList<NameDocument> Documents { get; init; }
    public required IReadOnlyList<NameQuery> Queries { get; init; }

    /// <summary>Labels in the dev set's other languages (person, country, label): the perturbation bed's script sets.</summary>
    public IReadOnlyList<(string PersonId, string Country, string Name)> OtherScriptLabels { get; init; } = [];

    /// <summary>Lower case without diacritics: what a standard analyzer with ASCII folding indexes (the baseline).</summary>
    public static string BaselineFold(string token)
    {
        var decomposed = token.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c);
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    public static NameDevSet Load()
    {
        var documents = new List<NameDocument>();
        var byPersonAndName = new Dictionary<(string, string), NameDocument>();
        NameDocument AddDocument(string personId, string language, string name)
        {
            if (byPersonAndName.TryGetValue((personId, name), out var existing)) return existing;
            var document = new NameDocument(documents.Count, personId, language, name);
            documents.Add(document);
            byPersonAndName[(personId, name)] = document;
            return document;
        }

        var queries = new List<NameQuery>();
        // One person can sit in several legislatures under several person ids; the Wikidata id is the person.
        foreach (var row in ReadTsv("de_en_vi_pairs.tsv"))
        {
            var a = AddDocument(row[1], row[3], row[4]);
            var b = AddDocument(row[1], row[5], row[6]);
            if (a.Id == b.Id) continue;
            queries.Add(new NameQuery("pairs", a.PersonId, a.Name, new HashSet<int> { b.Id }));
            queries.Add(new NameQuery("pairs", b.PersonId, b.Name, new HashSet<int> { a.Id }));
        }

        var byPersonAndLanguage = new Dictionary<(string, string), NameDocument>();
        var countries = new Dictionary<string, string>();
        var otherLabels = new List<(string, string, string)>();
        foreach (var row in ReadTsv("other_names_by_lang.tsv"))
        {
            // Some people have no Wikidata id: their person id is then the person (not one person for all of them).
            var person = row[1].Length > 0 ? row[1] : row[0];
            countries.TryAdd(person, row[2]);
            if (!CorpusLanguages.Contains(row[4]))
            {
                otherLabels.Add((person, row[2], row[5]));
                continue;
            }
            byPersonAndLanguage.TryAdd((person, row[4]), AddDocument(person, row[4], row[5]));
        }
        foreach (var ((personId, language), from) in byPersonAndLanguage)
        {
            foreach (var (fromLanguage, toLanguage) in CrossLanguagePairs)
            {
                if (language != fromLanguage || !byPersonAndLanguage.TryGetValue((personId, toLanguage), out var to)) continue;
                // Only pairs the baseline cannot join by lower-casing and dropping accents are worth asking.
                if (BaselineFold(from.Name) == BaselineFold(to.Name)) continue;
                var set = $"{fromLanguage}→{toLanguage}";
                if (fromLanguage == "ru" || toLanguage == "ru")
                    set += CyrillicOriginCountries.Contains(countries[personId]) ? " cyrillic-origin" : " other-origin";
                queries.Add(new NameQuery(set, personId, from.Name, new HashSet<int> { to.Id }));
            }
        }

        foreach (var row in File.ReadLines(RepoPaths.SharedFile("data", "names", "vietnam_national_assembly_names.csv")).Skip(1))
        {
            var comma = row.LastIndexOf(',');
            var document = AddDocument(row[(comma + 1)..], "vi", row[..comma]);
            queries.Add(new NameQuery("vi-no-accents", document.PersonId, BaselineFold(document.Name).Replace('đ', 'd'),
                new HashSet<int> { document.Id }));
        }
        return new NameDevSet { Documents = documents, Queries = queries, OtherScriptLabels = otherLabels.Distinct().ToList() };
    }

    private static IEnumerable<string[]> ReadTsv(string fileName) =>
        File.ReadLines(RepoPaths.SharedFile("data", "names", fileName)).Skip(1).Select(line => line.Split('\t'));
}
