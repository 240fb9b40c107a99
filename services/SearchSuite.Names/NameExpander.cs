using System.Text;
using System.Text.RegularExpressions;

namespace SearchSuite.Names;

/// <summary>
/// Turns one query token into the spellings to search for, in two stages: the exact and curated spellings, and
/// the indexed spellings that share its transliteration key; then the gated fuzzy fallback over the vocabulary.
/// Reads the live variant store and vocabulary on every call, so edits apply to the next search with no reindex.
/// </summary>
public sealed class NameExpander
{
    private readonly NameVariantStore _variants;
    private readonly NameVocabulary _vocabulary;

    public NameExpander(NameVariantStore variants, NameVocabulary vocabulary, NameExpanderOptions? options = null)
    {
        _variants = variants;
        _vocabulary = vocabulary;
        Options = options ?? new NameExpanderOptions();
        Scorer = new NameScorer(Options);
    }

    public NameExpanderOptions Options { get; }

    /// <summary>Ranks indexed names against this expander's expansions with the same weights.</summary>
    public NameScorer Scorer { get; }

    /// <summary>
    /// Expansions of one token, one per distinct form, highest weight first. Empty when it has no letters. The
    /// given name of a multi-word person name (<paramref name="givenName"/>) also expands to its hypocorisms
    /// (<see cref="GivenNameHypocorisms"/>) at the curated weight. A word of a multi-word person name
    /// (<paramref name="inName"/>, <see cref="QueryToken.InName"/>) gets the wider fuzzy budget of
    /// <see cref="NameExpanderOptions.FuzzyBudget"/>, for typos in any word of a name.
    /// </summary>
    public IReadOnlyList<NameExpansion> Expand(string queryToken, bool givenName = false, bool inName = false)
    {
        var form = NameTokens.Normalize(queryToken);
        var key = NameKey.Compute(form);
        if (key.Length == 0) return [];
        var expansions = new Dictionary<string, NameExpansion>(StringComparer.Ordinal);
        Offer(expansions, form, key, ExpansionSource.Exact, Options.ExactWeight);
        foreach (var match in _variants.FindByKey(key))
            foreach (var word in match.Words) OfferCurated(expansions, word.Form, word.Key);
        if (givenName)
            foreach (var hypocorism in GivenNameHypocorisms.Of(form)) OfferCurated(expansions, hypocorism, NameKey.Compute(hypocorism));
        foreach (var indexed in _vocabulary.FormsWithKey(key)) Offer(expansions, indexed, key, ExpansionSource.Key, Options.KeyWeight);
        var otherReadings = ScriptReadings.OtherReadingKeys(form, key);
        foreach (var reading in otherReadings)
        {
            foreach (var match in _variants.FindByKey(reading))
                foreach (var word in match.Words) OfferCurated(expansions, word.Form, word.Key);
            foreach (var indexed in _vocabulary.FormsWithKey(reading)) Offer(expansions, indexed, reading, ExpansionSource.Key, Options.KeyWeight);
        }
        // Accent-stripped Vietnamese ("chien") keys differently from its accented form ("chiến"), so join them by fold.
        var fold = NameTokens.Fold(form);
        foreach (var indexed in _vocabulary.FormsWithFold(fold))
            Offer(expansions, indexed, NameKey.Compute(indexed), ExpansionSource.Key, Options.KeyWeight);
        // The ending is a guess, so such a spelling weighs no more than a fuzzy match: never ties with a true key match.
        foreach (var indexed in AcrossBalticNominative(form, key)) Offer(expansions, indexed, NameKey.Compute(indexed), ExpansionSource.Key, Options.FuzzyWeight);
        // So are the vowels an Arabic or Hebrew spelling leaves out, or the sounds a kana or Hangul spelling of a foreign
        // name changes: the fewer letters a spelling adds, the closer.
        foreach (var (indexed, indexedKey, cost) in ClosestWithSameSkeleton(form, key))
            Offer(expansions, indexed, indexedKey, ExpansionSource.Key, Options.FuzzyWeight * (0.5f + 0.5f / (1 + cost)));
        // A word indexed as spelt (or in a spelling with its key) is no typo: only an unknown word of a name gets the wider budget.
        var misspelt = inName && !expansions.Values.Any(e => e.Source is ExpansionSource.Key) && !_vocabulary.Contains(form);
        // A guess, so it neither makes the word known nor ties with a true key match.
        foreach (var reading in DutchOeReadings(key))
            foreach (var indexed in _vocabulary.FormsWithKey(reading)) Offer(expansions, indexed, reading, ExpansionSource.Key, Options.FuzzyWeight);
        foreach (var reading in (IEnumerable<string>)[key, .. otherReadings])
        {
            var budget = Options.FuzzyBudget(reading.Length, misspelt);
            foreach (var (fuzzyKey, cost, forms) in _vocabulary.FuzzyMatches(reading, budget).Take(Options.MaxFuzzyKeys))
            {
                var weight = Options.FuzzyWeight * (1 - cost / (2 * budget));
                foreach (var indexed in forms) Offer(expansions, indexed, fuzzyKey, ExpansionSource.Fuzzy, weight);
            }
        }
        // A typo is one edit of the letters typed, which the key rules can make two ("Stehpen": steXpen, Stephen: stefen),
        // so the letters of a misspelt word are compared as well, under the same budget. A known word keeps to its key's
        // neighbours: its letter neighbours are more often another person (exact queries: 5.2 % false matches, not 4.3 %),
        // except for one cheap edit (a vowel, an h) of a given name beside a surname: a typo that makes another given name
        // ("Petr Robinson") or another language's form of it (Gjok / Gjoke, Eldar / Eldari), where the surname decides.
        // The budget follows the longer word: two deletions leave six letters of an eight-letter name ("Osanan": Oskanian).
        var widestBudget = misspelt ? Options.FuzzyBudget(fold.Length + 2, inName: true) : givenName && inName ? Options.MaxCost : 0;
        var foldMatches = _vocabulary.FuzzyFoldMatches(fold, widestBudget)
            .Select(m => (m.Forms, m.Cost, Budget: misspelt ? Options.FuzzyBudget(Math.Max(fold.Length, m.Fold.Length), inName: true) : widestBudget))
            .Where(m => m.Cost <= m.Budget);
        foreach (var (forms, cost, foldBudget) in foldMatches.Take(Options.MaxFuzzyKeys))
        {
            var weight = Options.FuzzyWeight * (1 - cost / (2 * foldBudget));
            foreach (var indexed in forms) Offer(expansions, indexed, NameKey.Compute(indexed), ExpansionSource.Fuzzy, weight);
        }
        return [.. expansions.Values.OrderByDescending(e => e.Weight).ThenBy(e => e.Source).ThenBy(e => e.Form, StringComparer.Ordinal)];
    }

    /// <summary>
    /// True when the token, in any spelling that shares its key or fold, is an indexed name token, belongs to a
    /// curated variant group or is a listed given name (Dick): what <see cref="PersonNameQuery"/> asks to tell a
    /// person's name from other words.
    /// </summary>
    public bool IsKnownName(string queryToken)
    {
        var form = NameTokens.Normalize(queryToken);
        var key = NameKey.Compute(form);
        if (key.Length == 0) return false;
        return _vocabulary.FormsWithKey(key).Count > 0 || _vocabulary.FormsWithFold(NameTokens.Fold(form)).Count > 0
            || _variants.FindByKey(key).Count > 0 || GivenNameHypocorisms.Of(form).Count > 0
            || ScriptReadings.OtherReadingKeys(form, key).Any(reading => _vocabulary.FormsWithKey(reading).Count > 0)
            || SkeletonMatches(form, key, includeHangul: false).Any();
    }

    /// <summary>Expansions for every word of a full name, in word order, as the query planner asks for them (<see cref="PersonNameQuery"/>).</summary>
    public IReadOnlyList<IReadOnlyList<NameExpansion>> ExpandName(string name) =>
        [.. PersonNameQuery.Parse(name, IsKnownName).Select(word => Expand(word.Text, word.IsGivenName, word.IsNameWord))];

    /// <summary>
    /// Latvian and Lithuanian spellings add a nominative -s after a consonant that the Russian spelling of the same
    /// name drops (Rihards Eigims / Рихард Эйгим, Ivans / Иван). Across scripts only, so that Latin "Peters" never
    /// finds "Peter": a Latin token ending in consonant + s finds Cyrillic spellings without it, and the reverse.
    /// </summary>
    private IEnumerable<string> AcrossBalticNominative(string form, string key)
    {
        if (NameTokens.IsCyrillic(form))
            return key.Length >= 2 && !IsVowel(key[^1]) ? _vocabulary.FormsWithKey(key + "s").Where(f => !NameTokens.IsCyrillic(f)) : [];
        return key.Length >= 3 && key[^1] == 's' && !IsVowel(key[^2]) ? _vocabulary.FormsWithKey(key[..^1]).Where(NameTokens.IsCyrillic) : [];

        static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
    }

    /// <summary>
    /// Indonesian names keep the Dutch-era oe for u (Soeprapto / Suprapto, Soeharto / Suharto), which German writes for
    /// ö too (Koenig): so oe before a consonant is read as u, and each u before a consonant (of at most two) as oe, as
    /// a guess at the fuzzy weight. A final oe is a vowel pair of its own (Choe, Monroe).
    /// </summary>
    private static IEnumerable<string> DutchOeReadings(string key)
    {
        if (OeBeforeConsonant.IsMatch(key)) yield return OeBeforeConsonant.Replace(key, "u");
        var us = new List<int>();
        for (var i = key.IndexOf('u'); i >= 0 && us.Count <= MaxOeReadings; i = key.IndexOf('u', i + 1))
            if (i + 1 < key.Length && !"aeiou".Contains(key[i + 1])) us.Add(i);
        if (us.Count is 0 or > MaxOeReadings) yield break;
        for (var mask = 1; mask < 1 << us.Count; mask++)
        {
            var reading = new StringBuilder(key);
            for (var b = us.Count - 1; b >= 0; b--)
                if ((mask & 1 << b) != 0) reading.Remove(us[b], 1).Insert(us[b], "oe");
            yield return reading.ToString();
        }
    }

    private const int MaxOeReadings = 2;
    private static readonly Regex OeBeforeConsonant = new("oe(?=[^aeiou])", RegexOptions.CultureInvariant);

    /// <summary>
    /// The indexed spellings whose key has the consonant skeleton of an Arabic or Hebrew word (<see cref="AbjadNames"/>)
    /// or of a kana or Hangul word as a syllabic script hears a foreign name (<see cref="KanaNames"/>), of the
    /// <see cref="NameExpanderOptions.MaxFuzzyKeys"/> keys nearest to the word's own (فوزیه, "fvsi", is nearer Fawzia than
    /// Fauzi), with the distance.
    /// </summary>
    private IEnumerable<(string Form, string Key, float Cost)> ClosestWithSameSkeleton(string form, string key) =>
        SkeletonMatches(form, key)
            .OrderBy(m => m.Cost).ThenBy(m => m.Key, StringComparer.Ordinal).DistinctBy(m => m.Key, StringComparer.Ordinal).Take(Options.MaxFuzzyKeys)
            .SelectMany(m => _vocabulary.FormsWithKey(m.Key).Select(indexed => (indexed, m.Key, m.Cost)));

    /// <summary>
    /// The indexed keys that share a skeleton of the word, with their distance to its key. A skeleton of one consonant
    /// (علي: "l", ジョン: "n") is shared by too many names to tell them apart, so it only meets the keys one edit away,
    /// read from the fuzzy index rather than from its large bucket.
    /// </summary>
    /// <param name="includeHangul">
    /// Whether a Hangul word reads as a foreign name: not when asking whether a word is a known name, so that a Korean
    /// name in its own script ("김정은") is still split into its syllables (<see cref="EastAsianNames.Parts"/>).
    /// </param>
    private IEnumerable<(string Key, float Cost)> SkeletonMatches(string form, string key, bool includeHangul = true)
    {
        // Each reading of an Arabic or Hebrew word is measured from its own key (كيفن read with v: "kivn", nearer Kevin).
        var matches = AbjadNames.ReadingsOf(form).SelectMany(reading => SameSkeleton(reading.Key, reading.Skeleton, AbjadNames.Skeletons, _vocabulary.KeysWithSkeleton));
        var syllabic = KanaNames.IsKana(form) || includeHangul && EastAsianNames.IsHangulSyllable(form[0]);
        if (syllabic)
            matches = matches.Concat(KanaNames.ReadingsOf(form, key).SelectMany(reading => SameSkeleton(reading.Key, reading.Skeleton, KanaNames.Skeletons, _vocabulary.KeysWithKanaSkeleton)));
        return matches;

        IEnumerable<(string Key, float Cost)> SameSkeleton(string readingKey, string skeleton, Func<string, IReadOnlyList<string>> skeletonsOf, Func<string, IReadOnlyList<string>> keysWith) =>
            skeleton.Length >= AbjadNames.MinSkeletonLength
                ? keysWith(skeleton).Select(indexedKey => (indexedKey, ConfusionEditDistance.Compute(readingKey, indexedKey, float.MaxValue)))
                : _vocabulary.FuzzyMatches(readingKey, ConfusionEditDistance.FullCost).Where(m => skeletonsOf(m.Key).Contains(skeleton)).Select(m => (m.Key, m.Cost));
    }

    /// <summary>A curated spelling and every indexed spelling that shares its key.</summary>
    private void OfferCurated(Dictionary<string, NameExpansion> expansions, string form, string key)
    {
        Offer(expansions, form, key, ExpansionSource.Curated, Options.CuratedWeight);
        foreach (var indexed in _vocabulary.FormsWithKey(key)) Offer(expansions, indexed, key, ExpansionSource.Curated, Options.CuratedWeight);
    }

    private static void Offer(Dictionary<string, NameExpansion> expansions, string form, string key, ExpansionSource source, float weight)
    {
        if (expansions.TryGetValue(form, out var existing) && existing.Weight >= weight) return;
        expansions[form] = new NameExpansion(form, key, source, weight);
    }
}
