using SearchSuite.Contracts;
using SearchSuite.Names;

namespace SearchSuite.Search.Querying;

/// <summary>What a client asked for, already validated.</summary>
public sealed record SearchQuery(
    string Text,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> OriginLanguages,
    int Offset,
    int Limit,
    bool ExpandNames,
    bool GroupByStory = false)
{
    public SearchRefinements Refinements { get; init; } = SearchRefinements.None;
}

/// <summary>One spelling a query word may match in the name fields, with the weight its source earns.</summary>
/// <param name="Key">Matched in the key fields (extracted names' keys and the keys of capitalised words) at <see cref="KeyWeight"/>.</param>
public sealed record NameAlternative(string Form, string? Key, ExpansionSource Source, float Weight)
{
    /// <summary>A key match cannot tell which spelling was meant, so it earns no more than the key weight (<see cref="NameScorer"/>).</summary>
    public float KeyWeight { get; init; } = Weight;
}

/// <summary>
/// One query word. A required word must match in some field (title, body, related headlines or, through its
/// name alternatives, the name fields); optional words (stop words, initials, inner words of a person's name,
/// qualifiers: see <see cref="QueryPlanner"/>) only add to the score. Words that share an <paramref name="AnyOf"/> id
/// are alternatives, of which at least one must match (a long name's surname: "Montoro" or "Romero"); they are not
/// <paramref name="Required"/> on their own.
/// </summary>
public sealed record QueryWord(string Text, bool Required, IReadOnlyList<NameAlternative> Names, int? AnyOf = null)
{
    /// <summary>
    /// The spellings to match in the name fields, each form once at its best weight. Both backends build their name
    /// clauses from these and <see cref="NameKeys"/>, not from <see cref="Names"/>: spellings that share a form or a key
    /// would each add a clause that walks the same postings and adds its weight again to the word's tie-break sum. A
    /// matching token counts at its best match only, as <see cref="NameScorer"/> ranks names.
    /// </summary>
    public IReadOnlyList<(string Form, float Weight)> NameForms =>
        [.. Names.GroupBy(n => n.Form, StringComparer.Ordinal).Select(g => (g.Key, g.Max(n => n.Weight)))];

    /// <summary>Each distinct transliteration key of <see cref="Names"/> once, at the best key weight among its spellings.</summary>
    public IReadOnlyList<(string Key, float Weight)> NameKeys =>
        [.. Names.Where(n => n.Key is not null).GroupBy(n => n.Key!, StringComparer.Ordinal).Select(g => (g.Key, g.Max(n => n.KeyWeight)))];
}

/// <summary>
/// The backend-independent meaning of a search: the words, the filters and the page. Duplicates (documents with
/// <see cref="DocumentNormalized.DuplicateOf"/>) never appear as hits of their own. With <paramref name="GroupByStory"/>
/// a hit is the best-matching version of a story, the page counts stories, and each hit carries its story's other versions.
/// </summary>
public sealed record QueryPlan(
    IReadOnlyList<QueryWord> Words,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> OriginLanguages,
    int Offset,
    int Limit,
    bool GroupByStory = false)
{
    /// <summary>Most versions a grouped hit carries.</summary>
    public const int MaxVersions = 50;

    public SearchRefinements Refinements { get; init; } = SearchRefinements.None;

    /// <summary>Quoted phrases that must match, and the alternatives of OR groups (<see cref="QueryPhrase.AnyOf"/>).</summary>
    public IReadOnlyList<QueryPhrase> Phrases { get; init; } = [];

    /// <summary>Words and phrases no hit may contain (-word, -"a phrase").</summary>
    public IReadOnlyList<QueryPhrase> Exclusions { get; init; } = [];

    /// <summary>Every word a hit matches by: the plain words and those of phrases and OR groups (not exclusions).</summary>
    public IEnumerable<QueryWord> MatchedWords => Words.Concat(Phrases.SelectMany(p => p.Words));
}

/// <summary>
/// A quoted phrase (or a single word of an OR group): its text matches as a phrase in each language field, analysed
/// (and stemmed) by that field; when its words have name alternatives, all of its words matching, names in any spelling,
/// matches too. Phrases sharing an <paramref name="AnyOf"/> id are alternatives, of which one must match.
/// </summary>
public sealed record QueryPhrase(string Text, IReadOnlyList<QueryWord> Words, int? AnyOf = null)
{
    public bool HasNames => Words.Any(w => w.Names.Count > 0);
}
