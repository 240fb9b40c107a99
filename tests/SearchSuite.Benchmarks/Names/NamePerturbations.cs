using System.Globalization;
using System.Text;

namespace SearchSuite.Benchmarks.Names;

/// <summary>
/// A deterministic perturbation test bed built from the names dev set: each category rewrites real dev-set names the
/// way people write them (typos, titles, order, joined or split words, short forms) or takes the person's real label
/// in another script, and asks for the original document. Hard negatives are added as documents of other people:
/// the same surname with another given name, the same given name with another surname, and the name one letter off.
/// The seed fixes every choice, so two runs ask the same queries.
/// </summary>
public static class NamePerturbations
{
    private const int QueriesPerCategory = 400;

    // Titles and honorifics the press puts before a name, in the product's languages and a few more (the benchmark's own
    // list: the product's list lives in SearchSuite.Names and is not read here, so the two are checked against each other).
    private static readonly string[] Titles =
    [
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "President", "Prime Minister", "Minister", "Senator", "Sen.", "Rep.", "Governor",
        "Foreign Minister", "Secretary-General", "Chancellor", "Sheikh", "General", "Ambassador", "Präsident", "Präsidentin",
        "Bundeskanzlerin", "Außenministerin", "Außenminister", "Ministerpräsident", "Kremlsprecher", "Herr", "Frau",
        "Regierungschef", "Botschafter", "ông", "bà", "Thủ tướng", "Chủ tịch", "Monsieur", "Madame", "le président",
        "Señor", "Presidente", "господин", "президент",
    ];

    // Scripts the dev set has labels in, told by their Unicode blocks; Japanese counts as kana when it has any.
    private static readonly (string Script, Func<char, bool> Has)[] Scripts =
    [
        ("Greek", c => c is >= '\u0370' and <= '\u03FF'),
        ("Arabic", c => c is >= '\u0600' and <= '\u06FF'),
        ("Hebrew", c => c is >= '\u0590' and <= '\u05FF'),
        ("kana", c => c is >= '\u3040' and <= '\u30FF'),
        ("Hangul", c => c is >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF'),
        ("Han", c => c is >= '\u4E00' and <= '\u9FFF'),
        ("Georgian", c => c is >= '\u10A0' and <= '\u10FF'),
        ("Armenian", c => c is >= '\u0530' and <= '\u058F'),
    ];

    // Where a script is the one the person's name is written in at home: measured apart from transcriptions of foreign names.
    private static readonly Dictionary<string, HashSet<string>> NativeCountries = new()
    {
        ["Greek"] = ["Greece", "Cyprus"],
        ["Arabic"] = ["Lebanon", "Egypt", "Iraq", "Syria", "Jordan", "Saudi_Arabia", "Kuwait", "Bahrain", "Qatar", "Tunisia", "Morocco", "Algeria", "Libya", "Palestine", "Yemen", "Oman", "United_Arab_Emirates", "Iran", "Afghanistan"],
        ["Hangul"] = ["South_Korea", "North_Korea"],
        ["Han"] = ["China", "Taiwan", "Hong_Kong", "Macao", "Singapore", "Malaysia", "North_Korea", "South_Korea", "Japan", "Vietnam"],
        ["Georgian"] = ["Georgia"],
        ["Armenian"] = ["Armenia", "Nagorno_Karabakh"],
        ["Hebrew"] = ["Israel"],
    };

    /// <summary>The dev set's documents plus hard negatives, and the perturbed queries of every category.</summary>
    public static NameDevSet Build(NameDevSet devSet, int seed = 18)
    {
        var documents = devSet.Documents.ToList();
        var queries = new List<NameQuery>();
        var latin = devSet.Documents.Where(d => d.Language is "en" or "de" && IsLatinName(d.Name) && NameTokensOf(d.Name).Length >= 2)
            .OrderBy(d => d.PersonId, StringComparer.Ordinal).ThenBy(d => d.Id).ToList();

        void Category(string set, Func<NameDocument, Random, string?> perturb, Func<NameDocument, bool>? eligible = null, IReadOnlyList<NameDocument>? from = null, bool unchanged = false)
        {
            var random = new Random(HashCode(set) ^ seed);
            var pool = (from ?? latin).Where(d => eligible?.Invoke(d) != false).ToList();
            foreach (var document in Sample(pool, QueriesPerCategory, random))
            {
                var query = perturb(document, random);
                if (query is null || query == document.Name && !unchanged) continue;
                queries.Add(new NameQuery(set, document.PersonId, query, new HashSet<int> { document.Id }));
            }
        }

        Category("typo given name", (d, r) => Rewrite(d.Name, 0, w => Typo(w, r)), d => Words(d)[0].Length >= 4);
        Category("typo surname", (d, r) => Rewrite(d.Name, -1, w => Typo(w, r)), d => Words(d)[^1].Length >= 4);
        Category("typo 2 edits", (d, r) => RewriteLongest(d.Name, w => Typo(Typo(w, r), r)), d => Words(d).Max(w => w.Length) >= 8);
        Category("title", (d, r) => $"{Titles[r.Next(Titles.Length)]} {d.Name}");
        Category("title + surname", (d, r) => $"{Titles[r.Next(Titles.Length)]} {Words(d)[^1]}");
        Category("surname, given", (d, _) => $"{Words(d)[^1]}, {string.Join(' ', Words(d)[..^1])}");
        Category("SURNAME given", (d, _) => $"{Words(d)[^1].ToUpper(CultureInfo.InvariantCulture)} {string.Join(' ', Words(d)[..^1])}");
        Category("surname given", (d, _) => $"{Words(d)[^1]} {string.Join(' ', Words(d)[..^1])}");
        Category("joined CamelCase", (d, _) => string.Concat(Words(d)), d => Words(d).All(w => char.IsUpper(w[0])));
        Category("joined with hyphen", (d, _) => string.Join('-', Words(d)));
        Category("hyphen split", (d, _) => d.Name.Replace('-', ' '), d => d.Name.Contains('-'));
        Category("initial given name", (d, _) => $"{Words(d)[0][0]}. {string.Join(' ', Words(d)[1..])}", d => Words(d)[0].Length >= 3);
        Category("middle names dropped", (d, _) => $"{Words(d)[0]} {Words(d)[^1]}", d => Words(d).Length >= 3 && !d.Name.Contains('(')
            && !SearchSuite.Names.PersonNameQuery.IsGenerationalSuffix(Words(d)[^1].TrimEnd('.')) && !SearchSuite.Names.NameTokens.IsInitial(Words(d)[0]));
        var russian = devSet.Documents.Where(d => d.Language == "ru" && NameTokensOf(d.Name).Any(SearchSuite.Names.NameTokens.IsPatronymic))
            .OrderBy(d => d.PersonId, StringComparer.Ordinal).ToList();
        Category("patronymic dropped", (d, _) => string.Join(' ', d.Name.Split(' ').Where(w => !SearchSuite.Names.NameTokens.IsPatronymic(w.Trim(',')))), from: russian);
        Category("exact, hard negatives", (d, _) => d.Name, unchanged: true);

        // Hard negatives: other people whose names differ from a queried person's by a whole word or by one letter.
        var queried = queries.Select(q => q.Targets.First()).Distinct().Select(id => devSet.Documents[id]).Where(d => IsLatinName(d.Name) && NameTokensOf(d.Name).Length >= 2).ToList();
        var negativeRandom = new Random(seed);
        var realSurnames = devSet.Documents.Where(d => IsLatinName(d.Name)).Select(d => Words(d)).Where(w => w.Length >= 2 && w[^1].Length >= 4)
            .Select(w => w[^1]).Distinct().GroupBy(w => SearchSuite.Names.NameTokens.Fold(w).Length).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var document in queried)
        {
            var words = Words(document);
            var other = Words(queried[negativeRandom.Next(queried.Count)]);
            AddNegative($"{other[0]} {string.Join(' ', words[1..])}", "same surname");
            AddNegative($"{string.Join(' ', words[..^1])} {other[^1]}", "same given name");
            if (RealSurnameOneEditAway(words[^1], realSurnames) is { } neighbour) AddNegative(Rewrite(document.Name, -1, _ => neighbour), "one edit off");

            void AddNegative(string name, string kind)
            {
                if (SearchSuite.Names.NameTokens.Split(name).SequenceEqual(SearchSuite.Names.NameTokens.Split(document.Name))) return;
                documents.Add(new NameDocument(documents.Count, $"negative {kind} of {document.PersonId}", document.Language, name));
            }
        }

        // Real labels in other scripts: the query is the label, the targets the person's Latin-script documents.
        var byPerson = devSet.Documents.Where(d => d.Language is "en" or "de" or "fr").GroupBy(d => d.PersonId).ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToHashSet());
        foreach (var (personId, country, name) in devSet.OtherScriptLabels)
        {
            if (!byPerson.TryGetValue(personId, out var targets)) continue;
            var script = Scripts.FirstOrDefault(s => name.Any(s.Has)).Script;
            if (script is null) continue;
            var native = NativeCountries.TryGetValue(script, out var countries) && countries.Contains(country);
            queries.Add(new NameQuery($"script {script}{(native ? " native" : " foreign")}", personId, name, targets));
        }
        return new NameDevSet { Documents = documents, Queries = queries, OtherScriptLabels = [] };
    }

    private static string[] Words(NameDocument document) => document.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string[] NameTokensOf(string name) => [.. SearchSuite.Names.NameTokens.Split(name)];

    private static bool IsLatinName(string name) => name.All(c => c < '\u0250' || !char.IsLetter(c)) && !name.Contains('(') && !name.Contains(',');

    private static IEnumerable<T> Sample<T>(List<T> pool, int count, Random random)
    {
        var copy = pool.ToArray();
        random.Shuffle(copy);
        return copy.Take(count);
    }

    private static string Rewrite(string name, int index, Func<string, string> rewrite)
    {
        var words = name.Split(' ');
        var i = index < 0 ? words.Length + index : index;
        words[i] = rewrite(words[i]);
        return string.Join(' ', words);
    }

    private static string RewriteLongest(string name, Func<string, string> rewrite)
    {
        var words = name.Split(' ');
        var longest = Array.IndexOf(words, words.MaxBy(w => w.Length));
        words[longest] = rewrite(words[longest]);
        return string.Join(' ', words);
    }

    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>One keyboard-style edit at a letter after the first: a substitution, deletion, insertion or transposition.</summary>
    private static string Typo(string word, Random random)
    {
        var chars = new StringBuilder(word);
        var at = 1 + random.Next(Math.Max(1, word.Length - 1));
        at = Math.Min(at, chars.Length - 1);
        switch (random.Next(4))
        {
            case 0: chars[at] = Letters[random.Next(Letters.Length)]; break;
            case 1 when chars.Length > 3: chars.Remove(at, 1); break;
            case 2: chars.Insert(at, Letters[random.Next(Letters.Length)]); break;
            default:
                if (at + 1 < chars.Length) (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                else chars[at] = Letters[random.Next(Letters.Length)];
                break;
        }
        return chars.ToString();
    }

    /// <summary>
    /// A real surname of another dev-set person one letter edit from this one but with another key (Peskov / Petrov),
    /// the first in a fixed order: a name a reader takes for another person, where a random letter change reads as a typo.
    /// </summary>
    private static string? RealSurnameOneEditAway(string surname, Dictionary<int, string[]> bySurnameLength)
    {
        var folded = SearchSuite.Names.NameTokens.Fold(surname);
        var key = SearchSuite.Names.NameKey.Compute(surname);
        foreach (var length in new[] { folded.Length, folded.Length - 1, folded.Length + 1 })
        {
            if (!bySurnameLength.TryGetValue(length, out var candidates)) continue;
            foreach (var candidate in candidates)
                if (IsOneEdit(folded, SearchSuite.Names.NameTokens.Fold(candidate)) && SearchSuite.Names.NameKey.Compute(candidate) != key) return candidate;
        }
        return null;
    }

    private static bool IsOneEdit(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1) return false;
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        return Math.Max(a.Length, b.Length) - prefix - suffix == 1 && Math.Min(a.Length, b.Length) - prefix - suffix <= 1;
    }

    private static int HashCode(string text)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked(hash * 31 + c);
        return hash;
    }
}
