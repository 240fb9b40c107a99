namespace SearchSuite.Text.Names;

/// <summary>
/// Person-name mentions. Capitalised words are grouped into runs; titles ("Präsident",
/// "Kremlin spokesman", "Ông") are cut off and mark what follows as a name; stop words (places,
/// months, common nouns, outlets, function words) split runs. Multi-word names are accepted unless
/// a determiner shows them to be a noun phrase; single words only after a title, before a verb of
/// saying ("Wiotkoff nannte"), as part of a multi-word name in the same document, or when repeated
/// mid-sentence and never used like a noun.
/// </summary>
public static class PersonNameExtractor
{
    private const int MinRepeatsForBareName = 2;

    /// <summary>Names in <paramref name="segments"/> (title, body, …), unique, in order of first appearance.</summary>
    /// <param name="knownNames">Names already accepted elsewhere (the article, for its related headlines): their words support single-word mentions.</param>
    public static IReadOnlyList<string> Extract(IEnumerable<string> segments, IEnumerable<string>? knownNames = null)
    {
        var candidates = segments.SelectMany(FindCandidates).ToList();
        var accepted = candidates.Where(c => c.Words.Length > 1 && (c.AfterTitle || !c.AfterDeterminer) && !c.SupportOnly)
            .Select(c => c.Name).Concat(knownNames ?? []).ToHashSet(StringComparer.Ordinal);
        var supportingWords = accepted.SelectMany(name => name.Split(' ')).ToHashSet(StringComparer.Ordinal);

        var bareUses = candidates.Where(c => c.Words.Length == 1).GroupBy(c => c.Name)
            .ToDictionary(group => group.Key, group => IsUsedLikeName(group), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var candidate in candidates)
        {
            var name = Accept(candidate, bareUses, accepted, supportingWords);
            if (name is not null && !result.Contains(name)) result.Add(name);
        }
        return result;
    }

    private static string? Accept(Candidate candidate, Dictionary<string, bool> bareUsedLikeName, HashSet<string> accepted, HashSet<string> supportingWords)
    {
        if (candidate.Words.Length > 1) return accepted.Contains(candidate.Name) ? candidate.Name : null;
        var word = candidate.Name;
        if (supportingWords.Contains(word)) return word;
        // German genitive: "Putins Bedingungen" is a mention of Putin.
        if (word.EndsWith('s') && supportingWords.Contains(word[..^1])) return word[..^1];
        // "Wiotkoff nannte …", "Araghchi said …": the subject of a verb of saying is a person, in a headline too.
        if (candidate.BeforeSpeechVerb && !candidate.AfterDeterminer) return word;
        if (candidate.SupportOnly) return null;
        return candidate.AfterTitle || bareUsedLikeName[word] ? word : null;
    }

    /// <summary>A bare capitalised word repeated mid-sentence and never after an article or inflected adjective.</summary>
    private static bool IsUsedLikeName(IEnumerable<Candidate> uses) =>
        uses.Count(c => !c.SentenceStart) >= MinRepeatsForBareName && uses.All(c => !c.AfterDeterminer && !c.AfterAdjective);

    private static IEnumerable<Candidate> FindCandidates(string segment)
    {
        var tokens = WordTokenizer.Tokenize(segment);
        var supportOnly = IsTitleCase(tokens);
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsRunWord(tokens[i])) { i++; continue; }
            var start = i;
            do i++;
            while (i < tokens.Count && !tokens[i].BreakBefore && IsRunWord(tokens[i]) && !tokens[i - 1].IsPossessive);
            foreach (var candidate in SplitRun(tokens, start, i, supportOnly)) yield return candidate;
        }
    }

    private static bool IsRunWord(WordToken token) => token.IsCapitalised || NameLexicon.IsTitle(token.Text);

    /// <summary>A run [start, end) becomes candidates: the part after its last title, split at stop words.</summary>
    private static IEnumerable<Candidate> SplitRun(List<WordToken> tokens, int start, int end, bool supportOnly)
    {
        var previous = start > 0 && !tokens[start].BreakBefore ? tokens[start - 1].Text : null;
        var afterTitle = previous is not null && NameLexicon.IsTitle(previous);
        var afterDeterminer = previous is not null && NameLexicon.IsDeterminer(previous);
        var afterAdjective = previous is not null && NameLexicon.IsInflectedAdjective(previous);
        var beforeSpeechVerb = end < tokens.Count && !tokens[end].BreakBefore && NameLexicon.IsSpeechVerb(tokens[end].Text);
        for (var i = end - 1; i >= start; i--)
        {
            if (!NameLexicon.IsTitle(tokens[i].Text)) continue;
            (start, afterTitle, afterDeterminer, afterAdjective) = (i + 1, true, false, false);
            break;
        }

        var words = new List<WordToken>();
        for (var i = start; i <= end; i++)
        {
            if (i < end && tokens[i].IsCapitalised && !NameLexicon.IsStopWord(tokens[i].WithoutPossessive, continuesName: words.Count > 0 && !tokens[i].SentenceStart))
            {
                words.Add(tokens[i]);
                continue;
            }
            foreach (var candidate in ToCandidates(words, afterTitle, afterDeterminer, afterAdjective, beforeSpeechVerb: i == end && beforeSpeechVerb, supportOnly))
                yield return candidate;
            // Whatever follows a stop word is a noun phrase ("Die Internationale …") or a new run, never "after a title".
            afterDeterminer = i < end && (afterDeterminer || NameLexicon.IsDeterminer(tokens[i].Text));
            afterTitle = afterAdjective = false;
            words.Clear();
        }
    }

    private static IEnumerable<Candidate> ToCandidates(List<WordToken> words, bool afterTitle, bool afterDeterminer, bool afterAdjective, bool beforeSpeechVerb, bool supportOnly)
    {
        if (words.Count == 0) yield break;
        if (supportOnly)
        {
            for (var i = 0; i < words.Count; i++)
                yield return new Candidate([words[i].WithoutPossessive], false, afterDeterminer && i == 0, false, beforeSpeechVerb && i == words.Count - 1, words[i].SentenceStart, SupportOnly: true);
            yield break;
        }
        yield return new Candidate([.. words.Select(w => w.WithoutPossessive)], afterTitle, afterDeterminer, afterAdjective, beforeSpeechVerb, words[0].SentenceStart, SupportOnly: false);
    }

    /// <summary>"Putin Agrees to Help Trump Broker Nuclear Talks": capitals there mark the style, not names.</summary>
    private static bool IsTitleCase(List<WordToken> tokens)
    {
        var longWords = tokens.Where(t => t.Text.Length >= 4 && char.IsLetter(t.Text[0])).ToList();
        return longWords.Count(t => char.IsUpper(t.Text[0])) >= 3 && longWords.Count(t => char.IsLower(t.Text[0])) <= 1;
    }

    private sealed record Candidate(string[] Words, bool AfterTitle, bool AfterDeterminer, bool AfterAdjective, bool BeforeSpeechVerb, bool SentenceStart, bool SupportOnly)
    {
        public string Name { get; } = string.Join(' ', Words);
    }
}
