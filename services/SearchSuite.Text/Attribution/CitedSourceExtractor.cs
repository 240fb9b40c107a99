using System.Text.RegularExpressions;

namespace SearchSuite.Text.Attribution;

/// <summary>
/// Outlets the article attributes information to: "sagt Bloomberg", "Laut Bloomberg", "according
/// to Reuters", "told Reuters", "Nachrichtenagentur Bloomberg", "theo Reuters". A photo credit
/// such as "(Foto: Reuters)" is deliberately not a citation: the picture came from there, the
/// facts did not.
/// </summary>
public static class CitedSourceExtractor
{
    private const string CueBefore =
        @"(?i:laut|according to|told|reported by|cited by|quoted by|berichtete?n?|sagte?n?|meldete?n?|zitiert|nach Angaben (?:von|der|des)|"
        + @"Nachrichtenagentur|Zeitung|news agency|newspaper|interview with|theo|trích dẫn|по данным|сообщает|сообщило|сообщил|пишет|агентству|агентства)"
        + @"\s+(?i:the\s+|der\s+|dem\s+|des\s+|hãng\s+|tờ\s+|báo\s+)?";

    private const string CueAfter =
        @"(?:\s+News)?\s+(?i:reported|reports|said|says|berichtet|berichtete|meldet|meldete|schreibt|schrieb|cho biết|đưa tin|сообщает|сообщило|пишет)\b";

    private static readonly (Outlet Outlet, Regex Pattern)[] Patterns = [.. KnownOutlets.All.Select(outlet => (outlet, BuildPattern(outlet)))];

    public static IReadOnlyList<string> Extract(string text)
    {
        var found = new List<(int Position, string Name)>();
        foreach (var (outlet, pattern) in Patterns)
        {
            if (!outlet.Aliases.Any(alias => text.Contains(alias, StringComparison.Ordinal))) continue;
            var match = pattern.Match(text);
            if (match.Success) found.Add((match.Index, outlet.Name));
        }
        return [.. found.OrderBy(hit => hit.Position).Select(hit => hit.Name)];
    }

    private static Regex BuildPattern(Outlet outlet)
    {
        var names = string.Join('|', outlet.Aliases.OrderByDescending(alias => alias.Length).Select(Regex.Escape));
        return new Regex($@"\b{CueBefore}(?:{names})\b|\b(?:{names}){CueAfter}", RegexOptions.CultureInvariant);
    }
}
