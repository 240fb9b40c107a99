using SearchSuite.Contracts;
using SearchSuite.Names;
using SearchSuite.Search.Querying;

namespace SearchSuite.Services.Tests.Search;

public class HitDecoratorTests
{
    private static QueryPlan PlanFor(string word, params NameAlternative[] names) => new([new QueryWord(word, Required: true, names)], [], [], 0, 10);

    private static DocumentNormalized Document(string text) => new() { DocumentId = "de-1", Language = "de", Text = text };

    [Fact]
    public void A_capitalised_token_matches_a_name_by_its_key_and_a_lower_case_one_is_never_looked_up()
    {
        // "Peskow" and "peskov" share the key "peskov": the capitalised word is a name the index keyed, the lower-case
        // word is running text the index gave no key.
        var plan = PlanFor("Песков", new NameAlternative("Песков", NameKey.Compute("Песков"), ExpansionSource.Exact, 1f));
        var looked = new List<string>();
        var decorator = new HitDecorator(plan, token =>
        {
            looked.Add(token);
            return NameKey.Compute(token) is { Length: > 0 } key ? key : null;
        });

        var decoration = decorator.Decorate(Document("Kremlsprecher Peskow sagte, der peskov Bericht sei falsch. Präsident Yoon Suk-yeol schwieg."));

        Assert.Equal(["Peskow"], decoration.MatchedNames);
        Assert.Contains("<em>Peskow</em>", decoration.Snippet);
        // Lower-case words are never looked up; a syllable hyphened onto another ("Suk-yeol") is, as the index keys it.
        Assert.Equal(["Kremlsprecher", "Peskow", "Bericht", "Präsident", "Yoon", "Suk", "yeol"], looked);
    }

    [Fact]
    public void A_lower_case_token_still_matches_a_name_by_its_form()
    {
        var plan = PlanFor("Um", new NameAlternative("um", "um", ExpansionSource.Exact, 1f), new NameAlternative("Eom", "eom", ExpansionSource.Curated, 0.8f));
        var decorator = new HitDecorator(plan, token => NameKey.Compute(token) is { Length: > 0 } key ? key : null);

        Assert.Equal(["um"], decorator.Decorate(Document("Trump's, um, anatomy.")).MatchedNames);
    }

    [Fact]
    public void A_word_asks_each_name_form_and_each_key_once_at_its_best_weight()
    {
        // Spellings that share a key (and a form offered twice) would add clauses that walk the same postings.
        var word = new QueryWord("Putin", Required: true,
        [
            new NameAlternative("Putin", "putin", ExpansionSource.Exact, 1f) { KeyWeight = 0.7f },
            new NameAlternative("Путин", "putin", ExpansionSource.Key, 0.7f),
            new NameAlternative("Poutine", "putin", ExpansionSource.Curated, 0.9f) { KeyWeight = 0.7f },
            new NameAlternative("Putin", "putin", ExpansionSource.Curated, 0.9f) { KeyWeight = 0.7f },
            new NameAlternative("普京", null, ExpansionSource.Curated, 0.9f),
        ]);

        Assert.Equal([("Putin", 1f), ("Путин", 0.7f), ("Poutine", 0.9f), ("普京", 0.9f)], word.NameForms);
        Assert.Equal([("putin", 0.7f)], word.NameKeys);
    }
}
