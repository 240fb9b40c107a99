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
public sealed record QueryWord(string Text, bool Required, IReadOnlyList<NameAlternative> Names, int? AnyOf = null);

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
}
