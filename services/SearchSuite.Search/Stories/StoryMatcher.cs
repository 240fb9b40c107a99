namespace SearchSuite.Search.Stories;

/// <summary>
/// How much evidence two documents share: its weight, and that weight as a share of both documents' (Dice); and whether
/// both state numbers but share none, which says they report different events.
/// </summary>
public readonly record struct StoryMatch(float SharedWeight, float Dice, bool NumbersDisagree);

/// <summary>
/// The same-story decision. Versions of one story share most of the smaller document's evidence (a translation keeps the
/// names, numbers, places and sources; a rewrite keeps most of them); two stories about the same people share the names
/// but not the rest, and above all not the numbers: two documents that both state numbers and share none are never one
/// story. Entities weigh least, since capitalised words include German nouns and Vietnamese title words.
/// </summary>
public static class StoryMatcher
{
    /// <summary>Compares two evidence lists, each sorted ordinally (as <see cref="StoryEvidence.Extract"/> returns them).</summary>
    public static StoryMatch Compare(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        float shared = 0, weightA = 0, weightB = 0;
        int i = 0, j = 0, numbersA = 0, numbersB = 0, numbersShared = 0;
        while (i < a.Count || j < b.Count)
        {
            var order = i == a.Count ? 1 : j == b.Count ? -1 : string.CompareOrdinal(a[i], b[j]);
            var term = order <= 0 ? a[i] : b[j];
            if (StoryEvidence.KindOf(term) == EvidenceKind.Number)
            {
                if (order <= 0) numbersA++;
                if (order >= 0) numbersB++;
                if (order == 0) numbersShared++;
            }
            if (order == 0)
            {
                var weight = WeightOf(a[i]);
                shared += weight;
                weightA += weight;
                weightB += weight;
                i++;
                j++;
            }
            else if (order < 0) weightA += WeightOf(a[i++]);
            else weightB += WeightOf(b[j++]);
        }
        var total = weightA + weightB;
        return new StoryMatch(shared, total == 0 ? 0 : 2 * shared / total, numbersA > 0 && numbersB > 0 && numbersShared == 0);
    }

    public static bool SameStory(StoryMatch match, StoryOptions options) =>
        !match.NumbersDisagree && match.SharedWeight >= options.MinSharedWeight && match.Dice >= options.MinDice;

    /// <summary>Publication times further apart than the limit rule a pair out; unknown times rule nothing out.</summary>
    public static bool CloseInTime(DateTimeOffset? a, DateTimeOffset? b, StoryOptions options) =>
        a is null || b is null || Math.Abs((a.Value - b.Value).TotalDays) <= options.MaxDaysApart;

    private static float WeightOf(string term) => StoryEvidence.WeightOf(StoryEvidence.KindOf(term));
}
