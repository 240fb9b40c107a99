namespace SearchSuite.Names;

/// <summary>A query word and whether a search must find it (optional words only add to the score).</summary>
/// <param name="IsGivenName">The first word of a multi-word person name: the one place hypocorisms apply (Dick for Richard).</param>
/// <param name="AnyOf">
/// Words that share this id are alternatives: at least one of them must match (a long name's surname, which may be its
/// last word or the one before: "Cristóbal Montoro Romero" / "Cristóbal Montoro"). Such words are not <see cref="Required"/>.
/// </param>
/// <param name="InName">Part of a person's name: a stop word of some language there is a name word ("To Huy Rua", "Le Kha Phieu").</param>
/// <param name="InMisspeltName">
/// Part of a run of capitalised words with a known name among them but an unknown word at an end: most likely a name
/// with a typo ("Antony Blinkin"). Every word stays required; like <see cref="InName"/> words, they get the wider
/// fuzzy budget of a name's words (<see cref="NameExpanderOptions.FuzzyBudget"/>).
/// </param>
public readonly record struct QueryToken(string Text, bool Required, bool IsGivenName = false, int? AnyOf = null, bool InName = false, bool InMisspeltName = false)
{
    /// <summary>A word of a multi-word person name, known or misspelt: typos get the wider budget.</summary>
    public bool IsNameWord => InName || InMisspeltName;
}

/// <summary>
/// Which words of a search query must match, given that some runs of words are person names. Two spellings of one
/// person often differ in words, not only in spelling: a middle name or particle on one side only ("Reinhard Eugen
/// Bösch" / "Reinhard Bösch"), a qualifier ("Mike MacKenzie (Politiker)", "Ian Paisley, Jr.", "George Robertson, Baron
/// Robertson of Port Ellen"), or the "Surname, Given Patronymic" order of Russian labels ("Костов, Иван Йорданов").
/// The rules, shared by the search service and the relevance benchmark:
/// <list type="bullet">
/// <item>Words inside parentheses are optional in any query: they qualify, they do not name.</item>
/// <item>A person name is a run of capitalised words (name particles such as "von" or "bin" may sit inside) whose first
/// and last words are known name tokens. In a run of three or more words the given name (first) is required and so is
/// the surname, which is the last word or, when a second surname follows it (Spanish "Montoro Romero"), the one before:
/// one of the two must match. Other inner words (middle names, patronymics, particles) only add score.</item>
/// <item>"Surname, Given …": a single known name before a comma followed by a name run is one name, surname last.</item>
/// <item>Generational suffixes (Jr., III) and a comma-separated peerage or suffix after a name are optional.</item>
/// </list>
/// Lower-case queries get no name rules: without capitals there is no telling a name from ordinary words.
/// </summary>
public static class PersonNameQuery
{
    /// <summary>Splits a query into words: runs of letters, digits and combining marks (with apostrophes between letters).</summary>
    public static IReadOnlyList<string> Words(string text) => [.. Scan(text).Select(w => w.Text)];

    /// <summary>The query's words in order, each marked required or optional by the person-name rules.</summary>
    /// <param name="isKnownName">True when a word is a known person-name token (in any spelling).</param>
    public static IReadOnlyList<QueryToken> Parse(string text, Func<string, bool> isKnownName)
    {
        var words = SplitJoinedNames(Scan(text), isKnownName);
        var required = new bool[words.Count];
        var givenName = new bool[words.Count];
        var anyOf = new int?[words.Count];
        var inName = new bool[words.Count];
        var inMisspeltName = new bool[words.Count];
        Array.Fill(required, true);
        for (var i = 0; i < words.Count; i++)
            if (words[i].InParentheses) required[i] = false;

        // Titles before a name ("Außenministerin Baerbock", "Secretary-General Guterres", "ông Nguyễn Phú Trọng"), with
        // an article before them, are no part of it: optional, and outside the name's run of words.
        var title = new bool[words.Count];
        var texts = words.Select(w => w.Text).ToArray();
        for (var i = 0; i < words.Count;)
        {
            var opensRun = i == 0 || title[i - 1] || !IsCapitalised(words[i - 1].Text) || !words[i].JoinsPrevious || words[i].CommaBefore;
            var length = opensRun ? PersonTitles.LengthAt(texts, i) : 0;
            // An article before the title goes with it ("der Außenminister Baerbock", "the President Biden", "le président …").
            if (opensRun && length == 0 && IsArticle(words[i].Text) && PersonTitles.LengthAt(texts, i + 1) is > 0 and var titleLength) length = 1 + titleLength;
            if (length == 0 || i + length >= words.Count || !IsCapitalised(words[i + length].Text) || words[i + length].CommaBefore)
            {
                i++;
                continue;
            }
            for (var t = i; t < i + length; t++) (title[t], required[t]) = (true, false);
            i += length;
        }

        var runs = Runs(words, title);
        for (var r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            var next = r + 1 < runs.Count && runs[r + 1].Start == run.End && words[run.End].CommaBefore ? runs[r + 1] : (Range?)null;
            // An ordinal may open a qualifier: "James McGrigor, 6. Baronet".
            var numbered = r + 1 < runs.Count && runs[r + 1].Start == run.End + 1 && words[run.End].CommaBefore && IsNumber(words[run.End].Text);
            if (numbered) next = runs[r + 1];
            if (next is { } qualifier && run.Length >= 2 && IsQualifier(words[qualifier.Start].Text) && IsName(run))
            {
                // "George Robertson, Baron Robertson of Port Ellen", "Ian Paisley, Jr.": the name, then its qualifier,
                // which runs to the next comma.
                MarkName([.. Enumerable.Range(run.Start, run.Length)]);
                for (var i = run.End; i < words.Count && (i == run.End || !words[i].CommaBefore); i++) required[i] = false;
                r++;
                while (r + 1 < runs.Count && !words[runs[r + 1].Start].CommaBefore) r++;
            }
            else if (next is { } given && run.Length == 1 && isKnownName(words[run.Start].Text) && isKnownName(words[given.Start].Text))
            {
                // "Костов, Иван Йорданов" is "Иван Йорданов Костов": the surname is the last word.
                MarkName([.. Enumerable.Range(given.Start, given.Length), run.Start], surnameKnown: true);
                r++;
            }
            else if (IsName(run)) MarkName([.. Enumerable.Range(run.Start, run.Length)]);
            else if (run.Length >= 2 && Enumerable.Range(run.Start, run.Length).Any(i => isKnownName(words[i].Text)))
                // A lower-case syllable hyphened onto a word ("Lo Wsai-krwok") is part of the name too.
                for (var i = run.Start; i < run.End; i++) inMisspeltName[i] = IsCapitalised(words[i].Text) || IsCompoundTail(words[i]);
        }
        return [.. words.Select((w, i) => new QueryToken(w.Text, required[i], givenName[i], anyOf[i], inName[i], inMisspeltName[i]))];

        bool IsName(Range run) => isKnownName(words[FirstNameWord(run.Start, run.End)].Text) && isKnownName(words[LastNameWord(run)].Text);

        // The last word that can be the surname: not a generational suffix, nor the lower-case tail of a compound
        // given name ("Alice Mak Mei-kuen").
        int LastNameWord(Range run)
        {
            var last = run.End - 1;
            while (last > run.Start && (IsGenerationalSuffix(words[last].Text) || IsCompoundTail(words[last]))) last--;
            return last;
        }

        // The given name: the first word after any leading title or abbreviated initial ("Sir George Young", "Tunku
        // Abdul Rahman", "H. John Heinz III"), so long as a given name and a surname remain.
        int FirstNameWord(int start, int end)
        {
            var first = start;
            while (end - first > 2 && (IsTitle(words[first].Text) || words[first].Abbreviated && NameTokens.IsInitial(words[first].Text))) first++;
            return first;
        }

        // Between the given name (first) and the surname (last, before any "Jr."), words are optional. Unless the
        // label says which word is the surname (surnameKnown), the word before the last may be it instead.
        void MarkName(int[] name, bool surnameKnown = false)
        {
            foreach (var i in name) inName[i] = IsCapitalised(words[i].Text);
            var first = name.Length > 2 && name[^1] == name[0] + name.Length - 1 ? FirstNameWord(name[0], name[^1] + 1) - name[0] : 0;
            for (var i = 0; i < first; i++) required[name[i]] = false;
            name = name[first..];
            var last = name.Length - 1;
            while (last > 0 && (IsGenerationalSuffix(words[name[last]].Text) || IsCompoundTail(words[name[last]]))) required[name[last--]] = false;
            for (var i = 1; i < last; i++) required[name[i]] = false;
            if (last > 0) givenName[name[0]] = true;
            // A double-barrelled surname may be shortened to either part (Glawischnig-Piesczek / Glawischnig,
            // Brennan-Baker / Baker). A particle before the hyphen (al-Hariri) is no surname of its own.
            var doubleBarrelled = last > 1 && words[name[last]].HyphenBefore && name[last - 1] == name[last] - 1 && IsCapitalised(words[name[last - 1]].Text);
            if (doubleBarrelled)
            {
                required[name[last]] = required[name[last - 1]] = false;
                anyOf[name[last]] = anyOf[name[last - 1]] = name[last - 1];
                last--;
            }
            var beforeLast = last - 1;
            // Particles, initials and patronymics never stand for the surname, nor does the father's name after
            // "bin" or "ibn" ("Abdullah bin Ahmad Badawi" is no "Abdullah Ahmad").
            // Nor does any word of a name of short syllables only, written without hyphens ("Kim Jong Un", "Lee Hsien
            // Loong"): there the last syllable is part of the given name, and a brother ("Kim Jong Nam") shares the one
            // before. (With a hyphened given name, "Alice Mak Mei-kuen", the word before it may be the surname.)
            if (surnameKnown || beforeLast < 1 || !IsCapitalised(words[name[beforeLast]].Text) || NameTokens.IsOptional(words[name[beforeLast]].Text)
                || PatronymicParticles.Contains(words[name[beforeLast] - 1].Text)
                || last == name.Length - 1 && name.All(i => words[i].Text.Length <= MaxSyllableLength)) return;
            required[name[last]] = false;
            anyOf[name[beforeLast]] = anyOf[name[last]] = anyOf[name[last]] ?? name[beforeLast];
        }
    }

    /// <summary>
    /// Names typed without spaces ("AntonyBlinken", "NguyenXuanPhuc") are read as their words: a word with capitals
    /// inside that is no known name itself but whose capitalised parts all are. "McDonald" and "DeSantis" stay whole,
    /// being known (or having an unknown part). A Chinese or Korean name in its own script whose family name is known
    /// splits as the press spells it (<see cref="EastAsianNames.Parts"/>).
    /// </summary>
    private static List<ScannedWord> SplitJoinedNames(List<ScannedWord> words, Func<string, bool> isKnownName)
    {
        var result = new List<ScannedWord>(words.Count);
        foreach (var word in words)
        {
            // "习近平", "김정은": a Chinese or Korean name in its own script, split where the press spells it apart. A
            // foreign name transcribed into these scripts has a word for each of its names ("도널드 트럼프", "唐纳德·特朗普").
            if (EastAsianNames.Parts(word.Text) is { } syllables && !words.Any(w => w != word && !w.InParentheses && EastAsianNames.SameScript(w.Text, word.Text))
                && !isKnownName(word.Text) && isKnownName(syllables[0]))
            {
                result.AddRange(syllables.Select((part, p) => p == 0 ? word with { Text = part }
                    : new ScannedWord(part, false, word.InParentheses, JoinsPrevious: true, HyphenBefore: false, Attached: false, Abbreviated: false)));
                continue;
            }
            var parts = CamelCaseParts(word.Text);
            if (parts.Count < 2 || isKnownName(word.Text) || !parts.All(isKnownName))
            {
                result.Add(word);
                continue;
            }
            for (var p = 0; p < parts.Count; p++)
                result.Add(p == 0
                    ? word with { Text = parts[p], Abbreviated = false }
                    : new ScannedWord(parts[p], false, word.InParentheses, JoinsPrevious: true, HyphenBefore: false, Attached: false, Abbreviated: p == parts.Count - 1 && word.Abbreviated));
        }
        return result;
    }

    /// <summary>The parts of a word split before each capital that follows a lower-case letter ("AntonyBlinken": Antony, Blinken).</summary>
    private static List<string> CamelCaseParts(string word)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 1; i < word.Length; i++)
        {
            if (!char.IsUpper(word[i]) || !char.IsLower(word[i - 1])) continue;
            parts.Add(word[start..i]);
            start = i;
        }
        parts.Add(word[start..]);
        return parts;
    }

    /// <summary>The length of a long romanised Chinese or Korean syllable ("Hsien", "Loong").</summary>
    private const int MaxSyllableLength = 5;

    /// <summary>"Jr.", "Sr.", "II", "III", "IV": a suffix one spelling of a name carries and another drops.</summary>
    public static bool IsGenerationalSuffix(string word) => GenerationalSuffixes.Contains(word);

    private static readonly HashSet<string> GenerationalSuffixes = new(StringComparer.OrdinalIgnoreCase) { "jr", "sr", "junior", "senior", "ii", "iii", "iv" };

    private static readonly HashSet<string> PeerageTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "baron", "baroness", "lord", "lady", "sir", "dame", "earl", "countess", "viscount", "viscountess", "marquess", "duke", "duchess", "baronet",
    };

    // Lower-case particles that continue a name between capitalised words: "Karl zu Schwarzenberg", "Abdullah bin Ahmad Badawi".
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "von", "van", "der", "den", "de", "du", "da", "di", "del", "della", "dos", "das", "zu", "ter", "bin", "binti", "ibn", "al", "el", "la", "le",
    };

    // "Mohd", the abbreviated Muhammad that opens Malay names and that the press drops ("Mohd Khir Johari" is Khir Johari),
    // is dropped like a title (PersonTitles: "Sir George Young", "Tunku Abdul Rahman", "Datuk Seri …").
    private const string AbbreviatedMuhammad = "mohd";

    // "son of" / "daughter of" in Malay and Arabic names: the word after them is the father's name.
    private static readonly HashSet<string> PatronymicParticles = new(StringComparer.OrdinalIgnoreCase) { "bin", "binti", "bint", "ibn", "ben" };

    // Definite articles of the languages whose press writes one before a title ("der Außenminister", "the President",
    // "le président", "el presidente", "il presidente"); only ever dropped together with the title that follows.
    private static readonly HashSet<string> ArticlesBeforeTitle = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "der", "die", "das", "den", "dem", "des", "le", "la", "les", "el", "los", "las", "il", "lo", "o", "a", "os", "as",
    };

    private static bool IsArticle(string word) => ArticlesBeforeTitle.Contains(word);

    private static bool IsQualifier(string word) => PeerageTitles.Contains(word) || IsGenerationalSuffix(word);

    private static bool IsTitle(string word) => PersonTitles.IsTitle(word) || word.Equals(AbbreviatedMuhammad, StringComparison.OrdinalIgnoreCase);

    private static bool IsNumber(string word) => word.All(char.IsDigit);

    /// <summary>A lower-case word hyphened onto the one before: the second syllable of a Chinese or Korean given name ("Mei-kuen").</summary>
    private static bool IsCompoundTail(ScannedWord word) => word.Attached && word.HyphenBefore && !IsCapitalised(word.Text);

    /// <param name="Attached">No space before the word: it is part of a compound with the previous one.</param>
    /// <param name="Abbreviated">A dot follows the word ("H." in "H. John Heinz").</param>
    private readonly record struct ScannedWord(string Text, bool CommaBefore, bool InParentheses, bool JoinsPrevious, bool HyphenBefore, bool Attached, bool Abbreviated);

    /// <summary>A run of words [Start, End) that may form one name.</summary>
    private readonly record struct Range(int Start, int End)
    {
        public int Length => End - Start;
    }

    /// <summary>
    /// Maximal runs of capitalised words outside parentheses, joined by spaces, hyphens, dots or apostrophes (a comma
    /// or other punctuation ends a run). Lower-case name particles may sit inside a run, never at its ends.
    /// </summary>
    private static List<Range> Runs(IReadOnlyList<ScannedWord> words, bool[] title)
    {
        var runs = new List<Range>();
        var start = -1;
        for (var i = 0; i <= words.Count; i++)
        {
            var eligible = i < words.Count && !words[i].InParentheses && !title[i]
                && (IsCapitalised(words[i].Text) || NameParticles.Contains(words[i].Text) || start >= 0 && IsCompoundTail(words[i]));
            if (eligible && start >= 0 && words[i].JoinsPrevious && !words[i].CommaBefore) continue;
            if (start >= 0) AddTrimmed(start, i);
            start = eligible ? i : -1;
        }
        return runs;

        void AddTrimmed(int from, int end)
        {
            while (from < end && !IsCapitalised(words[from].Text)) from++;
            while (end > from && !IsCapitalised(words[end - 1].Text) && !IsCompoundTail(words[end - 1])) end--;
            if (end > from) runs.Add(new Range(from, end));
        }
    }

    private static bool IsCapitalised(string word) => NameTokens.IsCapitalised(word);

    private static List<ScannedWord> Scan(string text)
    {
        var words = new List<ScannedWord>();
        var depth = 0;
        var comma = false;
        var joins = true;
        var hyphen = false;
        var space = false;
        var previousEnd = 0;
        foreach (var (start, length) in QueryWords.Split(text))
        {
            foreach (var c in text.AsSpan(previousEnd, start - previousEnd))
            {
                if (c is '(' or '[') depth++;
                else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
                if (c == ',') comma = true;
                if (IsHyphen(c)) hyphen = true;
                if (char.IsWhiteSpace(c)) space = true;
                // Spaces, hyphens, dots and apostrophes sit inside a name; a comma separates it from a qualifier;
                // anything else (semicolons, slashes, quotes, brackets) ends it.
                if (!(char.IsWhiteSpace(c) || IsHyphen(c) || c is '.' or ',' || NameTokens.IsApostrophe(c))) joins = false;
            }
            var end = start + length;
            words.Add(new ScannedWord(text[start..end], comma, depth > 0, joins, hyphen, Attached: words.Count > 0 && !space, Abbreviated: end < text.Length && text[end] == '.'));
            comma = false;
            joins = true;
            hyphen = false;
            space = false;
            previousEnd = end;
        }
        return words;
    }

    // Query words are letters, digits ("G7") and combining marks; an apostrophe or zero-width non-joiner between them
    // belongs to the word ("O'Neal", "خامنه‌ای"), as in the name tokens (NameTokens.Split). Hyphens separate, so that
    // "Secretary-General" meets the title list word by word.
    private static readonly WordRules QueryWords =
        new(WordChars.Letters | WordChars.Digits | WordChars.CombiningMarks, NameTokens.WordJoiners);

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';
}
