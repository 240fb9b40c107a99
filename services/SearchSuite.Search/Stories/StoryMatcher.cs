namespace SearchSuite.Search.Stories;

/// <summary>How much evidence two documents share: its weight, and that weight as a share of the smaller document's.</summary>
public readonly record struct StoryMatch(float SharedWeight, float Coverage);

/// <summary>
/// The same-story decision. Versions of one story share most of the smaller document's evidence (a translation keeps the
/// names, numbers, places and sources; a rewrite keeps most of them); two stories about the same people share the names
/// but not the rest. Coverage is taken over the smaller document, so a long version with more detail still matches a short
/// one, and German's capitalised nouns (which never match across languages) do not count against a German version.
/// </summary>
public static class StoryMatcher
{
    /// <summary>Compares two evidence lists, each sorted ordinally (as <see cref="StoryEvidence.Extract"/> returns them).</summary>
    public static StoryMatch Compare(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        float shared = 0, weightA = 0, weightB = 0;
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            var order = i == a.Count ? 1 : j == b.Count ? -1 : string.CompareOrdinal(a[i], b[j]);
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
        var smaller = Math.Min(weightA, weightB);
        return new StoryMatch(shared, smaller == 0 ? 0 : shared / smaller);
    }

    public static bool SameStory(StoryMatch match, StoryOptions options) =>
        match.SharedWeight >= options.MinSharedWeight && match.Coverage >= options.MinCoverage;

    /// <summary>Publication times further apart than the limit rule a pair out; unknown times rule nothing out.</summary>
    public static bool CloseInTime(DateTimeOffset? a, DateTimeOffset? b, StoryOptions options) =>
        a is null || b is null || Math.Abs((a.Value - b.Value).TotalDays) <= options.MaxDaysApart;

    private static float WeightOf(string term) => StoryEvidence.WeightOf(StoryEvidence.KindOf(term));
}
