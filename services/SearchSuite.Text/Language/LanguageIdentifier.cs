using System.Buffers;
using SearchSuite.Names;
using SearchSuite.Text.Language;

namespace SearchSuite.Text;

/// <summary>
/// Language identification by weighted votes: each word votes for the languages whose function
/// words contain it (split evenly when several do), for its script (Cyrillic) or letters unique
/// to a language (Vietnamese tone marks, ơ ư ă đ), and weakly for typical character n-grams.
/// Allocation-free per call: words are lower-cased into a stack buffer and looked up by span.
/// </summary>
public static class LanguageIdentifier
{
    /// <summary>Texts longer than this are judged on their beginning: the language does not change mid-article.</summary>
    public const int MaxCharsExamined = 3_000;

    private const int MaxWordLength = 48;
    private const float LatinNGramWeight = 0.3f;
    private const float DistinctLetterWeight = 1f;
    // Russian is far more common than Ukrainian, and Ukrainian text betrays itself by і ї є ґ in
    // almost every sentence, so a Cyrillic word without them leans Russian.
    private const float CyrillicWordRussianWeight = 0.5f;
    private const float CyrillicWordUkrainianWeight = 0.2f;
    private const float VietnameseWordWeight = 1.5f;
    private const float MinimumEvidence = 1f;
    private const double SaturatingEvidence = 6.0;
    private const float MinimumLead = 0.25f;

    private static readonly int LanguageCount = LanguageProfiles.Codes.Length;

    private static readonly SearchValues<char>[] DistinctLetters = [.. LanguageProfiles.DistinctLetters.Select(letters => SearchValues.Create(letters))];

    private static readonly SearchValues<char> AnyDistinctLetter = SearchValues.Create(string.Concat(LanguageProfiles.DistinctLetters));

    // N-grams indexed by first letter: a direct table for ASCII, a dictionary for the few accented starts.
    private static readonly Dictionary<char, (string NGram, int Language)[]> NGramsByOtherLetter = LanguageProfiles.CharacterNGrams
        .SelectMany((ngrams, language) => ngrams.Select(ngram => (ngram, language)))
        .GroupBy(entry => entry.ngram[0])
        .ToDictionary(group => group.Key, group => group.ToArray());

    private static readonly (string NGram, int Language)[]?[] NGramsByAsciiLetter =
        [.. Enumerable.Range(0, 128).Select(letter => NGramsByOtherLetter.GetValueOrDefault((char)letter))];

    private static readonly Dictionary<string, (int Language, float Weight)[]>.AlternateLookup<ReadOnlySpan<char>> FunctionWordVotes =
        BuildFunctionWordVotes().GetAlternateLookup<ReadOnlySpan<char>>();

    public static LanguageGuess Identify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<float> scores = stackalloc float[LanguageCount];
        Span<char> word = stackalloc char[MaxWordLength];
        var span = text.AsSpan(0, Math.Min(text.Length, MaxCharsExamined));
        foreach (var (start, length) in FunctionWords.Split(span))
        {
            if (length > MaxWordLength) continue;
            for (var k = 0; k < length; k++) word[k] = char.ToLowerInvariant(span[start + k]);
            Score(word[..length], scores);
        }
        return Decide(scores);
    }

    // Function words are letters with an inner apostrophe ("aujourd'hui", "don't"); digits never vote.
    private static readonly WordRules FunctionWords = new(WordChars.Letters, SearchValues.Create("'"));

    private static void Score(ReadOnlySpan<char> word, Span<float> scores)
    {
        if (FunctionWordVotes.TryGetValue(word, out var votes))
            foreach (var (language, weight) in votes) scores[language] += weight;

        if (IsCyrillic(word[0]))
        {
            scores[LanguageProfiles.Russian] += CyrillicWordRussianWeight;
            scores[LanguageProfiles.Ukrainian] += CyrillicWordUkrainianWeight;
        }
        else if (HasVietnameseLetter(word))
        {
            scores[LanguageProfiles.Vietnamese] += VietnameseWordWeight;
            return;
        }

        if (word.ContainsAny(AnyDistinctLetter))
            for (var language = 0; language < LanguageCount; language++)
                if (word.ContainsAny(DistinctLetters[language])) scores[language] += DistinctLetterWeight;

        for (var position = 0; position < word.Length; position++)
        {
            var letter = word[position];
            var ngrams = letter < NGramsByAsciiLetter.Length ? NGramsByAsciiLetter[letter] : NGramsByOtherLetter.GetValueOrDefault(letter);
            if (ngrams is null) continue;
            foreach (var (ngram, language) in ngrams)
                if (word[position..].StartsWith(ngram, StringComparison.Ordinal)) scores[language] += LatinNGramWeight;
        }
    }

    private static LanguageGuess Decide(ReadOnlySpan<float> scores)
    {
        int best = 0, second = 1;
        if (scores[second] > scores[best]) (best, second) = (second, best);
        for (var language = 2; language < scores.Length; language++)
        {
            if (scores[language] > scores[best]) (best, second) = (language, best);
            else if (scores[language] > scores[second]) second = language;
        }
        var top = scores[best];
        var lead = top - scores[second];
        if (top < MinimumEvidence || lead < MinimumLead) return new LanguageGuess(LanguageGuess.Undetermined, 0);
        // Relative lead, discounted while the evidence is thin (a few words).
        var confidence = lead / top * Math.Min(1.0, top / SaturatingEvidence);
        return new LanguageGuess(LanguageProfiles.Codes[best], Math.Round(confidence, 3));
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>Letters no other supported language writes: ă đ ơ ư and the stacked tone marks of U+1EA0–U+1EF9.</summary>
    private static bool HasVietnameseLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (c is '\u0103' or '\u0111' or '\u01A1' or '\u01B0' or (>= '\u1EA0' and <= '\u1EF9')) return true;
        return false;
    }

    private static Dictionary<string, (int Language, float Weight)[]> BuildFunctionWordVotes()
    {
        var languagesByWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var language = 0; language < LanguageCount; language++)
            foreach (var word in LanguageProfiles.FunctionWords[language].Distinct())
            {
                if (!languagesByWord.TryGetValue(word, out var languages)) languagesByWord[word] = languages = [];
                languages.Add(language);
            }
        return languagesByWord.ToDictionary(
            entry => entry.Key,
            entry => entry.Value.Select(language => (language, 1f / entry.Value.Count)).ToArray(),
            StringComparer.Ordinal);
    }
}
