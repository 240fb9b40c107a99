namespace SearchSuite.Search.Stories;

/// <summary>
/// How much evidence two documents share: its weight, and that weight as a share of both documents' (Dice); and the share
/// of the numbers of the document with fewer that the other states too (null when either states none): a translation
/// keeps its numbers, a report of another event (or another outlet's report of the same one) states others.
/// </summary>
public readonly record struct StoryMatch(float SharedWeight, float Dice, float? NumberAgreement);

/// <summary>
/// The same-story decision. Versions of one story share most of the smaller document's evidence (a translation keeps the
/// names, numbers, places and sources; a rewrite keeps most of them); two stories about the same people share the names
/// but not the rest, and above all not the numbers: two documents that both state numbers and share less than
/// <see cref="StoryOptions.MinNumberAgreement"/> of the smaller set are never one story. Entities weigh least, since
/// capitalised words include German nouns and Vietnamese title words.
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
        float? numberAgreement = numbersA > 0 && numbersB > 0 ? (float)numbersShared / Math.Min(numbersA, numbersB) : null;
        return new StoryMatch(shared, total == 0 ? 0 : 2 * shared / total, numberAgreement);
    }

    /// <summary>Whether the two documents' numbers rule them out as one story: both state numbers and agree on too few.</summary>
    public static bool NumbersDisagree(StoryMatch match, StoryOptions options) => match.NumberAgreement < options.MinNumberAgreement;

    /// <summary>
    /// How strongly a pair says "one story", from 0 to 1: the Dice coefficient, or 0 when the numbers disagree or the
    /// shared evidence is too little to mean anything.
    /// </summary>
    public static float Similarity(StoryMatch match, StoryOptions options) =>
        NumbersDisagree(match, options) || match.SharedWeight < options.MinSharedWeight ? 0 : match.Dice;

    public static bool SameStory(StoryMatch match, StoryOptions options) => Similarity(match, options) >= options.MinDice;

    /// <summary>Publication times further apart than the limit rule a pair out; unknown times rule nothing out.</summary>
    public static bool CloseInTime(DateTimeOffset? a, DateTimeOffset? b, StoryOptions options) =>
        a is null || b is null || Math.Abs((a.Value - b.Value).TotalDays) <= options.MaxDaysApart;

    private static float WeightOf(string term) => StoryEvidence.WeightOf(StoryEvidence.KindOf(term));
}
