using SearchSuite.Names;

namespace SearchSuite.Search.Querying;

/// <summary>What a client asked for, already validated.</summary>
public sealed record SearchQuery(
    string Text,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> OriginLanguages,
    int Offset,
    int Limit,
    bool ExpandNames);

/// <summary>One spelling a query word may match in the name fields, with the weight its source earns.</summary>
public sealed record NameAlternative(string Form, string? Key, ExpansionSource Source, float Weight);

/// <summary>
/// One query word. A required word must match in some field (title, body, related headlines or, through its
/// name alternatives, the name fields); optional words (stop words, initials, inner words of a person's name,
/// qualifiers: see <see cref="QueryPlanner"/>) only add to the score. Words that share an <paramref name="AnyOf"/> id
/// are alternatives, of which at least one must match (a long name's surname: "Montoro" or "Romero"); they are not
/// <paramref name="Required"/> on their own.
/// </summary>
public sealed record QueryWord(string Text, bool Required, IReadOnlyList<NameAlternative> Names, int? AnyOf = null);

/// <summary>The backend-independent meaning of a search: the words, the filters and the page.</summary>
public sealed record QueryPlan(
    IReadOnlyList<QueryWord> Words,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> OriginLanguages,
    int Offset,
    int Limit);
