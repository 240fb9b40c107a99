using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using SearchSuite.Contracts;
using SearchSuite.Names;

namespace SearchSuite.Search.Stories;

/// <summary>The kinds of language-independent evidence, each a term prefix, with what a shared term of the kind is worth.</summary>
public enum EvidenceKind
{
    /// <summary>A person's surname, by the skeleton of its transliteration key: Peskov, Peskow and Песков share one.</summary>
    Person,
    /// <summary>A capitalised word (place, organisation, acronym, name) by the skeleton of its transliteration key.</summary>
    Entity,
    /// <summary>A number of two or more digits or with a decimal part, with group and decimal separators normalised.</summary>
    Number,
    /// <summary>A URL in the text or the document's own source URL: host and path.</summary>
    Url,
    /// <summary>A cited source or the document's outlet.</summary>
    Source,
}

/// <summary>One evidence term: its kind's prefix and a key ("p:peskov", "n:2017").</summary>
public readonly record struct EvidenceTerm(EvidenceKind Kind, string Term)
{
    public float Weight => StoryEvidence.WeightOf(Kind);
}

/// <summary>
/// What a document says that survives translation: names by their transliteration keys, places and organisations,
/// numbers, URLs and cited sources. Two versions of one story share most of the smaller one's evidence, whatever their
/// languages; two stories about the same people share the names but not the numbers, places and sources.
/// A tokenizer (capitalised words, numbers, URLs) followed by small ordered steps, each a public method tested on its own.
/// </summary>
public static partial class StoryEvidence
{
    /// <summary>
    /// Letters of a name or entity skeleton that are compared (<see cref="Skeleton"/>): enough to tell words apart, few
    /// enough to absorb the endings inflection adds (Iran/Irans/Ирана, Singapore/Сингапуре).
    /// </summary>
    public const int SkeletonLength = 5;

    public static float WeightOf(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Person => 2f,
        EvidenceKind.Entity => 0.5f,
        EvidenceKind.Number => 2f,
        EvidenceKind.Url => 3f,
        EvidenceKind.Source => 1f,
        _ => 1f,
    };

    private static string PrefixOf(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Person => "p:",
        EvidenceKind.Entity => "e:",
        EvidenceKind.Number => "n:",
        EvidenceKind.Url => "u:",
        _ => "s:",
    };

    public static EvidenceKind KindOf(string term) => term[0] switch
    {
        'p' => EvidenceKind.Person,
        'e' => EvidenceKind.Entity,
        'n' => EvidenceKind.Number,
        'u' => EvidenceKind.Url,
        _ => EvidenceKind.Source,
    };

    /// <summary>
    /// Evidence already extracted, by document instance: story assignment extracts it and the backend indexes it, and
    /// extracting it twice cost a tenth of indexing. Weak keys: an entry goes with its document.
    /// </summary>
    private static readonly ConditionalWeakTable<DocumentNormalized, DocumentEvidence> Extracted = new();

    /// <summary>The document's evidence: terms distinct and sorted (ordinal), so equal documents give equal evidence.</summary>
    public static DocumentEvidence Extract(DocumentNormalized document) => Extracted.GetValue(document, Compute);

    /// <summary>
    /// Records the evidence of a copy of a document whose evidence fields (title, text, source URL, names, sources, outlet)
    /// are those of the document it was extracted from, such as the copy with its story id filled in.
    /// </summary>
    public static DocumentNormalized WithEvidence(DocumentNormalized document, DocumentEvidence evidence)
    {
        Extracted.AddOrUpdate(document, evidence);
        return document;
    }

    /// <summary>
    /// Share of a text's words that are capitalised above which the text capitalises common words too (German nouns,
    /// headline case): its capitalised words that are not names then count <see cref="CommonCapitalisedFactor"/> as much.
    /// English and Russian news capitalise about a tenth of their words, German a quarter or more.
    /// </summary>
    public const double CapitalisingShare = 0.2;

    /// <summary>What a capitalised non-name word of a text that capitalises common words is worth, against one of a text that does not.</summary>
    public const float CommonCapitalisedFactor = 0.5f;

    private static DocumentEvidence Compute(DocumentNormalized document)
    {
        // Each term with its first position in the text (int.MaxValue: not placed by the text) and its weight here.
        var terms = new Dictionary<string, (int Position, float Weight)>(StringComparer.Ordinal);
        void Add(EvidenceKind kind, string? key, int position, float factor = 1f)
        {
            if (string.IsNullOrEmpty(key)) return;
            var term = PrefixOf(kind) + key;
            var weight = WeightOf(kind) * factor;
            terms[term] = terms.TryGetValue(term, out var known) ? (Math.Min(known.Position, position), Math.Max(known.Weight, weight)) : (position, weight);
        }

        var text = document.Title.Length > 0 ? document.Title + "\n" + document.Text : document.Text;
        foreach (Match url in UrlPattern().Matches(text)) Add(EvidenceKind.Url, UrlKey(url.Value), url.Index);
        Add(EvidenceKind.Url, UrlKey(document.SourceUrl), int.MaxValue);
        // Blanked, not removed, so that positions stay those of the text.
        var withoutUrls = UrlPattern().Replace(text, m => new string(' ', m.Length));
        foreach (var (number, position) in NumberMatches(withoutUrls)) Add(EvidenceKind.Number, number, position);
        var surnames = document.PersonNames.Select(SurnameKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var nameWords = document.PersonNames.SelectMany(NameTokens.Split).ToHashSet(StringComparer.Ordinal);
        var (entities, capitalisedShare) = EntityMatches(withoutUrls, nameWords);
        var commonFactor = capitalisedShare > CapitalisingShare ? CommonCapitalisedFactor : 1f;
        foreach (var (entity, position) in entities)
        {
            var key = EntityKey(entity);
            Add(EvidenceKind.Entity, key, position, surnames.Contains(key) ? 1f : commonFactor);
        }
        // A surname's place in the text is its entity's: ranked once, by the entity.
        foreach (var surname in surnames) Add(EvidenceKind.Person, surname, int.MaxValue);
        foreach (var source in document.CitedSources.Append(document.Outlet ?? "")) Add(EvidenceKind.Source, SourceKey(source), int.MaxValue);

        var sorted = terms.Keys.Order(StringComparer.Ordinal).ToArray();
        var ranks = new int[sorted.Length];
        var rank = 0;
        foreach (var index in Enumerable.Range(0, sorted.Length)
                     .Where(i => terms[sorted[i]].Position != int.MaxValue && KindOf(sorted[i]) != EvidenceKind.Person)
                     .OrderBy(i => terms[sorted[i]].Position).ThenBy(i => i))
            ranks[index] = ++rank;
        // Arrays, not lists: comparisons index them per candidate pair (StoryMatcher.Compare).
        return new DocumentEvidence(sorted, ranks.Select(r => r - 1).ToArray(), sorted.Select(t => terms[t].Weight).ToArray(), FrameSketch(withoutUrls));
    }

    /// <summary>Hashes a frame sketch keeps: enough to estimate the overlap of two frames to about ±0.1.</summary>
    public const int FrameSketchSize = 32;

    /// <summary>Fewest frame word pairs a text needs for a sketch; a shorter text's wording says nothing.</summary>
    public const int MinFramePairs = 12;

    /// <summary>
    /// A bottom-k sketch (the <see cref="FrameSketchSize"/> smallest hashes, ascending) of a text's frame: its pairs of
    /// consecutive words with every capitalised word written as one placeholder and numbers left out, so the frame is the
    /// wording around the names, places and numbers. Two texts in one language built on one template share their frame
    /// and differ in the facts; another outlet's rewrite of one event shares the facts and not the wording.
    /// </summary>
    public static IReadOnlyList<uint> FrameSketch(string text)
    {
        const uint placeholder = 0x9E3779B9;
        var hashes = new SortedSet<uint>();
        uint? previous = null;
        var pairs = 0;
        foreach (var (start, length) in EvidenceWords.Split(text))
        {
            var word = text.Substring(start, length);
            var current = char.IsUpper(word[0]) ? placeholder : Fnv1a(word.ToLowerInvariant());
            if (previous is { } before && !(before == placeholder && current == placeholder))
            {
                pairs++;
                hashes.Add(Mix(before * 31 + current));
                if (hashes.Count > FrameSketchSize) hashes.Remove(hashes.Max);
            }
            previous = current;
        }
        return pairs < MinFramePairs ? Array.Empty<uint>() : hashes.ToArray();
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes, unlike string.GetHashCode.</summary>
    private static uint Fnv1a(string word)
    {
        var hash = 2166136261;
        foreach (var c in word) hash = (hash ^ c) * 16777619;
        return hash;
    }

    /// <summary>A finaliser (murmur3's), so that the sketch's smallest hashes are a fair sample of the pairs.</summary>
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >> 16);
    }

    /// <summary>Metadata keys that may carry the publication time (ISO 8601); without one a document's time is unknown.</summary>
    public static readonly string[] PublishedKeys = ["published_at", "published", "date"];

    public static DateTimeOffset? PublishedAt(DocumentNormalized document)
    {
        foreach (var key in PublishedKeys)
            if (document.Metadata.TryGetValue(key, out var value)
                && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var published))
                return published;
        return null;
    }

    /// <summary>URLs in the text, as lower-case host and path without scheme, "www." or trailing punctuation.</summary>
    public static IEnumerable<string> Urls(string text)
    {
        foreach (Match match in UrlPattern().Matches(text))
            if (UrlKey(match.Value) is { } key) yield return key;
    }

    public static string? UrlKey(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var key = url.Trim().TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '/').ToLowerInvariant();
        key = SchemePattern().Replace(key, "");
        return key.Contains('.') ? key : null;
    }

    /// <summary>
    /// Numbers as their digits: group separators (1,000 / 1.000 / 1 000) dropped, a decimal comma or point written as a
    /// point (3,5 / 3.5). Single digits are left out: other languages spell them as words. Ordinal and decade endings
    /// (21st, 1990s, 1990er) are dropped, so that "the 1990s" meets "die 1990er Jahre" and "1990-х годов".
    /// </summary>
    public static IEnumerable<string> Numbers(string text) => NumberMatches(text).Select(m => m.Number);

    private static IEnumerable<(string Number, int Position)> NumberMatches(string text)
    {
        foreach (Match match in NumberPattern().Matches(text))
        {
            var value = match.Groups["number"].Value;
            var normalized = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (char.IsAsciiDigit(c)) { normalized.Append(c); continue; }
                // A separator followed by exactly three digits groups thousands; any other separator is the decimal mark.
                var digitsAfter = 0;
                while (i + 1 + digitsAfter < value.Length && char.IsAsciiDigit(value[i + 1 + digitsAfter])) digitsAfter++;
                if (digitsAfter != 3 && c is '.' or ',') normalized.Append('.');
            }
            var number = normalized.ToString();
            if (number.Length >= 2) yield return (number, match.Index);
        }
    }

    private static readonly IReadOnlySet<string> NoNameWords = new HashSet<string>();

    /// <summary>
    /// Capitalised words (Latin or Cyrillic) of two or more letters. A word that starts a sentence counts only if it is also
    /// capitalised elsewhere in the text, since a sentence's first word is capitalised whatever it is.
    /// </summary>
    public static IReadOnlyList<string> Entities(string text) => [.. EntityMatches(text, NoNameWords).Entities.Select(e => e.Word)];

    /// <summary>
    /// The entities, each at its first position, and the share of the words not starting a sentence that are capitalised
    /// other than <paramref name="nameWords"/> (the person names' lower-cased words, <see cref="NameTokens.Split"/>: names
    /// are capitalised in every language).
    /// </summary>
    private static (List<(string Word, int Position)> Entities, double CapitalisedShare) EntityMatches(string text, IReadOnlySet<string> nameWords)
    {
        var inner = new Dictionary<string, int>(StringComparer.Ordinal);
        var initial = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentenceStart = true;
        int words = 0, capitalised = 0;
        foreach (var (start, length) in EvidenceWords.Split(text))
        {
            var word = text.Substring(start, length);
            var atStart = sentenceStart || StartsSentence(text, start);
            sentenceStart = false;
            if (!atStart && word.Length >= 2)
            {
                words++;
                if (char.IsUpper(word[0]) && !nameWords.Contains(word.ToLowerInvariant())) capitalised++;
            }
            if (word.Length < 2 || !char.IsUpper(word[0]) || char.IsDigit(word[0])) continue;
            (atStart ? initial : inner).TryAdd(word, start);
        }
        var entities = inner.Select(e => (e.Key, Math.Min(e.Value, initial.GetValueOrDefault(e.Key, int.MaxValue)))).OrderBy(e => e.Item2).ToList();
        return (entities, words == 0 ? 0 : (double)capitalised / words);
    }

    private static bool StartsSentence(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is '\n' or '.' or '!' or '?' or ':') return true;
            if (char.IsLetterOrDigit(c)) return false;
        }
        return true;
    }

    /// <summary>The skeleton of a capitalised word's transliteration key: "Irans", "Iran" and "Ирана" give "irn".</summary>
    public static string EntityKey(string word) => Skeleton(CachedNameKey(word));

    /// <summary>The skeleton of the transliteration key of a person name's surname (its last token that is not optional).</summary>
    public static string? SurnameKey(string personName)
    {
        var surname = NameTokens.Split(personName).LastOrDefault(t => !NameTokens.IsOptional(t));
        return surname is null ? null : Skeleton(CachedNameKey(surname)) is { Length: > 1 } key ? key : null;
    }

    /// <summary>
    /// A transliteration key's first letter and its consonants, doubles collapsed, at most <see cref="SkeletonLength"/>
    /// letters. Vowels are what differs most between the spellings of one name in other scripts (Trump/Трамп,
    /// Kim/Ким, Singapore/Сингапур) and what Russian and German case endings mostly add (Кима, Сингапуре, Ирана, Kims), so
    /// both spellings and inflected forms meet: "trump" and "tramp" give "trmp", "kimom" gives "km".
    /// </summary>
    public static string Skeleton(string key)
    {
        if (key.Length == 0) return key;
        var skeleton = new StringBuilder(SkeletonLength);
        skeleton.Append(key[0]);
        for (var i = 1; i < key.Length && skeleton.Length < SkeletonLength; i++)
        {
            var c = key[i];
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' || c == skeleton[^1]) continue;
            skeleton.Append(c);
        }
        return skeleton.ToString();
    }

    /// <summary>Most words whose keys are kept; past it the cache starts again, so memory stays bounded.</summary>
    private const int KeyCacheCapacity = 100_000;
    private static readonly ConcurrentDictionary<string, string> KeyCache = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="NameKey.Compute"/> (two dozen regular-expression rewrites) once per distinct word: places, organisations
    /// and names recur across a stream of news, and computing their keys was most of the cost of extracting evidence.
    /// </summary>
    private static string CachedNameKey(string word)
    {
        if (KeyCache.TryGetValue(word, out var key)) return key;
        if (KeyCache.Count >= KeyCacheCapacity) KeyCache.Clear();
        return KeyCache[word] = NameKey.Compute(word);
    }

    public static string? SourceKey(string source)
    {
        // The fold is already lower-case ASCII letters only.
        var key = NameTokens.Fold(source);
        return key.Length > 1 ? key : null;
    }

    [GeneratedRegex(@"(?:https?://|www\.)[^\s""'<>()\[\]]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^(?:https?://)?(?:www\.)?")]
    private static partial Regex SchemePattern();

    /// <summary>A number, then an English ordinal or decade ending or a German decade ending ("21st", "1990s", "1990er").</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?<number>\d+(?:[.,]\d+|[\u00A0\u202F ]\d{3}(?!\d))*)(?:st|nd|rd|th|'?s|er|ern)?(?![\p{L}\d])")]
    private static partial Regex NumberPattern();

    /// <summary>
    /// Evidence words: letters with their decomposed accents, starting with a letter; digits are numbers, not words
    /// (<see cref="NumberPattern"/>), and spacing marks end a word.
    /// </summary>
    private static readonly WordRules EvidenceWords = new(WordChars.Letters | WordChars.NonSpacingMarks, StartsWith: WordChars.Letters);
}
