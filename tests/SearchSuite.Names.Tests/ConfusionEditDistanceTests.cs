namespace SearchSuite.Names.Tests;

public class ConfusionEditDistanceTests
{
    private static float Distance(string a, string b, float maxCost = 10) =>
        ConfusionEditDistance.Compute(NameKey.Compute(a), NameKey.Compute(b), maxCost);

    [Theory]
    // The seed's typo: one inserted vowel is a cheap edit.
    [InlineData("Witkoff", "Wiotkoff", 0.5f)]
    [InlineData("Peskov", "Petrov", 2f)]
    [InlineData("Khamenei", "Khomeini", 1.5f)]
    [InlineData("Lavrov", "Lvov", 1.5f)]
    // Confusable consonants (voicing) are cheap, unrelated ones are not.
    [InlineData("Medvedev", "Medvedef", 0.5f)]
    [InlineData("Medvedev", "Medvedem", 1f)]
    // An adjacent transposition is one cheap edit.
    [InlineData("Witkoff", "Wtikoff", 0.5f)]
    public void Distance_weights_edits_by_how_names_really_vary(string a, string b, float expected) =>
        Assert.True(Math.Abs(Distance(a, b) - expected) < 1e-4,
            $"d({a}={NameKey.Compute(a)}, {b}={NameKey.Compute(b)}) = {Distance(a, b)}, expected {expected}");

    [Fact]
    public void Distance_is_symmetric_on_real_pairs()
    {
        foreach (var (a, b) in new[] { ("Witkoff", "Wiotkoff"), ("Medvedev", "Medvedchuk"), ("Peskov", "Petrov") })
            Assert.True(Distance(a, b) == Distance(b, a), $"d({a},{b}) = {Distance(a, b)} but d({b},{a}) = {Distance(b, a)}");
    }

    [Theory]
    [InlineData("Medvedev", "Medvedchuk")]
    [InlineData("Lavrov", "Lvov")]
    [InlineData("Peskov", "Petrov")]
    public void Distance_over_the_budget_stays_over_the_budget(string a, string b) =>
        Assert.True(Distance(a, b, 1f) > 1f, $"{a}/{b} under budget 1 gave {Distance(a, b, 1f)}");
}
