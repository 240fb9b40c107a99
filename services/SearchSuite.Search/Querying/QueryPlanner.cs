using SearchSuite.Names;

namespace SearchSuite.Search.Querying;

/// <summary>Supplies the name forms a query word may stand for (none when name expansion is unavailable).</summary>
public interface INameExpansion
{
    /// <param name="givenName">The word is the given name of a multi-word person name, so hypocorisms apply.</param>
    /// <param name="inName">The word is part of a multi-word person name, so typos get a wider budget.</param>
    IReadOnlyList<NameAlternative> Expand(string word, bool givenName = false, bool inName = false);

    /// <summary>True when the word is a known person-name token in some spelling (see <see cref="PersonNameQuery"/>).</summary>
    bool IsKnownName(string word);
}

/// <summary>
/// Turns a query into a <see cref="QueryPlan"/>: words, which of them are required, and their name alternatives.
/// Stop words, initials and the words <see cref="PersonNameQuery"/> finds optional (inner words of a person's name,
/// qualifiers) only add to the score. Person names are recognised whether or not expansion is switched on.
/// </summary>
public sealed class QueryPlanner(INameExpansion names)
{
    public const int MaxWords = 32;

    /// <summary>Splits a query into words (see <see cref="PersonNameQuery.Words"/>).</summary>
    public static IReadOnlyList<string> Words(string text) => PersonNameQuery.Words(text);

    /// <summary>
    /// Plain words go through the person-name rules together; each phrase, OR alternative and exclusion is planned on its
    /// own (<see cref="QuerySyntax"/>), so names inside phrases are expanded too.
    /// </summary>
    public QueryPlan Plan(SearchQuery query)
    {
        var parts = QuerySyntax.Parse(query.Text);
        var plain = string.Join(' ', parts.Where(p => p is { Phrase: false, Excluded: false, AnyOf: null }).Select(p => p.Text));
        QueryPhrase? Phrase(QueryPart part) => PlanWords(part.Text, query.ExpandNames) is { Count: > 0 } words ? new QueryPhrase(part.Text, words, part.AnyOf) : null;
        return new QueryPlan(PlanWords(plain, query.ExpandNames), query.Languages, query.OriginLanguages, query.Offset, query.Limit, query.GroupByStory)
        {
            Refinements = query.Refinements,
            Phrases = [.. parts.Where(p => !p.Excluded && (p.Phrase || p.AnyOf is not null)).Select(Phrase).OfType<QueryPhrase>()],
            Exclusions = [.. parts.Where(p => p.Excluded).Select(Phrase).OfType<QueryPhrase>()],
        };
    }

    private List<QueryWord> PlanWords(string text, bool expandNames) => PersonNameQuery.Parse(text, names.IsKnownName)
        // A stop word inside a person's name is a name word ("To Huy Rua"): see IsStopWord.
        .Select(t => NameTokens.IsOptional(t.Text) || IsStopWord(t.Text) && !t.InName
            ? new QueryWord(t.Text, Required: false, [])
            : new QueryWord(t.Text, t.Required, expandNames ? names.Expand(t.Text, t.IsGivenName, t.IsNameWord) : [], t.AnyOf))
        .ToList();

    /// <summary>
    /// Stop words, initials ("R." in "John R. Baird") and patronymics ("Sergeyevich", "oglu"): they only add to the
    /// score, as other spellings drop initials and patronymics (<see cref="NameTokens.IsOptional"/>).
    /// </summary>
    public static bool IsOptional(string word) => IsStopWord(word) || NameTokens.IsOptional(word);

    /// <summary>
    /// Stop words ("the", "und") are dropped by some analyzers but not others; requiring them would make a query
    /// fail on every document whose language drops them, so they only add to the score. Inside a person's name
    /// (<see cref="QueryToken.InName"/>: "To Huy Rua", "Le Kha Phieu") they are name words: required, and matched
    /// through the name fields and keys, which no stop list touches.
    /// </summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);
}
