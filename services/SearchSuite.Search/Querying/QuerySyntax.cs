namespace SearchSuite.Search.Querying;

/// <summary>One part of a query: plain words, a quoted phrase, either of them excluded, or an alternative of an OR group.</summary>
/// <param name="AnyOf">Parts sharing an id are alternatives of one OR group: one of them must match.</param>
public sealed record QueryPart(string Text, bool Phrase, bool Excluded, int? AnyOf);

/// <summary>
/// The query syntax of a web search engine, and nothing more: "a phrase", -word, -"a phrase", and OR between two words
/// or phrases. Everything else is literal text that the word splitter reads as words (unbalanced quotes, field:, *, ~,
/// ^, brackets, AND, NOT), so no query is ever a syntax error. Straight and typographic quotes count alike.
/// </summary>
public static class QuerySyntax
{
    private const string Or = "OR";

    public static IReadOnlyList<QueryPart> Parse(string query)
    {
        var tokens = Tokens(query);
        var parts = new List<QueryPart>(tokens.Count);
        var groups = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // OR between two included parts joins them into a group; anywhere else it is the word "or".
            if (token is { Text: Or, Phrase: false, Excluded: false } && parts.Count > 0 && !parts[^1].Excluded
                && i + 1 < tokens.Count && !tokens[i + 1].Excluded && !IsOr(tokens[i + 1]))
            {
                var previous = parts[^1];
                var group = previous.AnyOf ?? ++groups;
                parts[^1] = previous with { AnyOf = group };
                parts.Add(tokens[++i] with { AnyOf = group });
                continue;
            }
            parts.Add(token);
        }
        return parts;
    }

    private static bool IsOr(QueryPart token) => token is { Text: Or, Phrase: false };

    private static List<QueryPart> Tokens(string query)
    {
        var tokens = new List<QueryPart>();
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
                continue;
            }
            // "-" right before a word or a quote excludes it; a lone "-" (a dash between words) is text.
            var excluded = query[i] == '-' && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]) && query[i + 1] != '-';
            var start = excluded ? i + 1 : i;
            if (IsQuote(query[start]) && ClosingQuote(query, start + 1) is var close and >= 0)
            {
                tokens.Add(new QueryPart(query[(start + 1)..close], Phrase: true, excluded, AnyOf: null));
                i = close + 1;
                continue;
            }
            var end = start;
            while (end < query.Length && !char.IsWhiteSpace(query[end])) end++;
            tokens.Add(new QueryPart(query[start..end], Phrase: false, excluded, AnyOf: null));
            i = end;
        }
        return tokens;
    }

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB';

    private static int ClosingQuote(string query, int from)
    {
        for (var i = from; i < query.Length; i++)
            if (IsQuote(query[i])) return i;
        return -1;
    }
}
