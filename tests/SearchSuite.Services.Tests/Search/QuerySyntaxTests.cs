using SearchSuite.Search.Querying;

namespace SearchSuite.Services.Tests.Search;

public class QuerySyntaxTests
{
    private static string Show(IEnumerable<QueryPart> parts) =>
        string.Join(" | ", parts.Select(p => (p.Excluded ? "-" : "") + (p.Phrase ? $"\"{p.Text}\"" : p.Text) + (p.AnyOf is { } g ? $"#{g}" : "")));

    [Theory]
    [InlineData("Putin Iran", "Putin | Iran")]
    [InlineData("\"nuclear talks\" Putin", "\"nuclear talks\" | Putin")]
    [InlineData("Putin -Trump -\"Saudi Arabia\"", "Putin | -Trump | -\"Saudi Arabia\"")]
    [InlineData("Peskow OR Peskov", "Peskow#1 | Peskov#1")]
    [InlineData("\"Atomprogramm\" OR Kernprogramm OR \"nuclear programme\" Iran", "\"Atomprogramm\"#1 | Kernprogramm#1 | \"nuclear programme\"#1 | Iran")]
    [InlineData("„Dmitri Peskow“ sagte", "\"Dmitri Peskow\" | sagte")]
    // Literal text: unbalanced quotes, operators at the edges, dashes between words, field syntax, wildcards, brackets.
    [InlineData("\"unbalanced Putin", "\"unbalanced | Putin")]
    [InlineData("OR Putin OR", "OR | Putin | OR")]
    [InlineData("Putin - Trump", "Putin | - | Trump")]
    [InlineData("title:Putin* AND (Iran~ OR Irak^2) NOT x", "title:Putin* | AND | (Iran~#1 | Irak^2)#1 | NOT | x")]
    [InlineData("Putin OR -Trump", "Putin | OR | -Trump")]
    [InlineData("US-Präsident --x", "US-Präsident | --x")]
    public void Parses_phrases_exclusions_and_or_and_keeps_everything_else_literal(string query, string expected) =>
        Assert.Equal(expected, Show(QuerySyntax.Parse(query)));

    [Fact]
    public void A_plan_keeps_phrases_alternatives_and_exclusions_apart_from_the_plain_words()
    {
        var plan = new QueryPlanner(new NoNames()).Plan(new SearchQuery("Putin \"nuclear talks\" Peskow OR Peskov -\"Saudi Arabia\" -Trump", [], [], 0, 10, false));

        Assert.Equal(["Putin"], plan.Words.Select(w => w.Text));
        Assert.Equal([("nuclear talks", (int?)null), ("Peskow", 1), ("Peskov", 1)], plan.Phrases.Select(p => (p.Text, p.AnyOf)));
        Assert.Equal(["Saudi Arabia", "Trump"], plan.Exclusions.Select(p => p.Text));
    }

    /// <summary>Random strings of quotes, operators, brackets and words: every one parses and plans without an exception.</summary>
    [Fact]
    public void Random_operator_soup_never_throws()
    {
        string[] pieces = ["\"", "“", "„", "-", "--", "OR", "AND", "NOT", "(", ")", "[", "]", "{", "}", "*", "~", "^2", ":", "title:", "\\", "/", "Putin", "Peskow", "Iran", "the", " ", "  ", "'", "+", "&&", "||", "!", "?"];
        var random = new Random(14);
        var planner = new QueryPlanner(new NoNames());
        for (var i = 0; i < 5_000; i++)
        {
            var query = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)] + (random.Next(3) == 0 ? " " : "")));
            var plan = planner.Plan(new SearchQuery(query, [], [], 0, 10, false));
            Assert.All(plan.Phrases.Concat(plan.Exclusions), p => Assert.NotEmpty(p.Words));
        }
    }
}
