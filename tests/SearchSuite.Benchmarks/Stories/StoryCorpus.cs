using System.Text.RegularExpressions;
using SearchSuite.Benchmarks.Text;
using SearchSuite.Names;
using SearchSuite.Search.Stories;

namespace SearchSuite.Benchmarks.Stories;

/// <summary>A document of the story benchmark with the story it truly belongs to.</summary>
public sealed record LabelledDocument(string Id, string Language, string Text, string Story, bool Distractor);

/// <summary>
/// NTREX as stories (one doc_id in en, de, vi and ru is one story: 123 stories, 492 documents) plus synthetic distractor
/// stories: a copy of every other NTREX story, in all four languages, with every number changed and about half of its
/// capitalised non-person words (places, organisations) swapped for other places. A distractor keeps the story's people
/// and the rest of its words, so only the evidence that tells events apart can keep it out of the original's story.
/// The corpus itself holds the other kind of distractor: different stories that share their main person names.
/// </summary>
public static partial class StoryCorpus
{
    /// <summary>Places in Latin and Cyrillic script, index for index; a distractor draws its places by its story and the word it replaces.</summary>
    private static readonly string[] LatinPlaces =
    [
        "Lisbon", "Nairobi", "Oslo", "Quito", "Manila", "Dakar", "Tbilisi", "Lima", "Perth", "Riga", "Accra", "Bogota",
        "Helsinki", "Jakarta", "Karachi", "Lagos", "Montevideo", "Ottawa", "Porto", "Sofia", "Tunis", "Vilnius", "Zagreb", "Yerevan",
        "Almaty", "Baku", "Caracas", "Dublin", "Glasgow", "Havana", "Kampala", "Luanda", "Minsk", "Nagoya", "Osaka", "Santiago",
    ];
    private static readonly string[] CyrillicPlaces =
    [
        "Лиссабон", "Найроби", "Осло", "Кито", "Манила", "Дакар", "Тбилиси", "Лима", "Перт", "Рига", "Аккра", "Богота",
        "Хельсинки", "Джакарта", "Карачи", "Лагос", "Монтевидео", "Оттава", "Порту", "София", "Тунис", "Вильнюс", "Загреб", "Ереван",
        "Алматы", "Баку", "Каракас", "Дублин", "Глазго", "Гавана", "Кампала", "Луанда", "Минск", "Нагоя", "Осака", "Сантьяго",
    ];

    public static IReadOnlyList<LabelledDocument> Build(IReadOnlyList<NtrexDocument> ntrex, bool distractors = true)
    {
        var documents = ntrex.Select(d => new LabelledDocument($"{d.DocId}/{d.Language}", d.Language, d.Text, d.DocId, false)).ToList();
        if (!distractors) return documents;
        var stories = ntrex.Select(d => d.DocId).Distinct().ToList();
        foreach (var story in stories.Where((_, i) => i % 2 == 0))
            foreach (var version in ntrex.Where(d => d.DocId == story))
                documents.Add(new LabelledDocument($"{story}~swapped/{version.Language}", version.Language, Swap(version.Text, story), story + "~swapped", true));
        return documents;
    }

    /// <summary>Every number changed (each digit shifted by five), and the capitalised words whose key hashes even replaced by a place.</summary>
    public static string Swap(string text, string story)
    {
        var numbers = Digits().Replace(text, m => new string([.. m.Value.Select((c, i) => i == 0 && c == '5' ? '1' : (char)('0' + (c - '0' + 5) % 10))]));
        var entities = StoryEvidence.Entities(numbers).ToHashSet(StringComparer.Ordinal);
        return Words().Replace(numbers, m =>
        {
            if (!entities.Contains(m.Value)) return m.Value;
            // The corpus's own key (the first four letters of the name key), so that the distractors stay the same whatever the product's evidence keys.
            var key = NameKey.Compute(m.Value) is var nameKey && nameKey.Length > 4 ? nameKey[..4] : nameKey;
            var hash = key.Aggregate(17, (h, c) => h * 31 + c) & int.MaxValue;
            if (hash % 2 == 1) return m.Value;
            var places = m.Value.Any(c => c is >= '\u0400' and <= '\u04FF') ? CyrillicPlaces : LatinPlaces;
            var pick = (story + key).Aggregate(29, (h, c) => h * 37 + c) & int.MaxValue;
            return places[pick % places.Length];
        });
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}]*")]
    private static partial Regex Words();
}
