namespace SearchSuite.Search.Stories;

/// <summary>
/// How much evidence two documents share: its weight, and that weight as a share of both documents' (Dice); the share
/// of the numbers of the document with fewer that the other states too (null when either states none): a translation
/// keeps its numbers, a report of another event (or another outlet's report of the same one) states others; how many of
/// the shared terms the texts place (<see cref="DocumentEvidence.Ranks"/>) and the share of those in the same relative
/// order in both; whether they share a URL or a cited source; and the estimated overlap (Jaccard) of their frames, the
/// wording around the evidence (null when either text is too short to tell).
/// </summary>
public readonly record struct StoryMatch(float SharedWeight, float Dice, float? NumberAgreement, int SharedPlaced = 0, float OrderAgreement = 1, bool SharesCitation = false, float? FrameOverlap = null);

/// <summary>
/// The same-story decision. Versions of one story share most of the smaller document's evidence (a translation keeps the
/// names, numbers, places and sources; a rewrite keeps most of them); two stories about the same people share the names
/// but not the rest, and above all not the numbers: two documents that both state numbers and share less than
/// <see cref="StoryOptions.MinNumberAgreement"/> of the smaller set are never one story. A translation also tells its
/// names, places and numbers in the original's order; two reports that share many of them in another order tell another
/// story (<see cref="StoryOptions.MinOrderAgreement"/>). Entities weigh least, since capitalised words include German
/// nouns and Vietnamese title words.
/// </summary>
public static class StoryMatcher
{
    /// <summary>Compares two documents' evidence (terms sorted ordinally, as <see cref="StoryEvidence.Extract"/> returns them).</summary>
    public static StoryMatch Compare(DocumentEvidence a, DocumentEvidence b)
    {
        // Spans over the arrays evidence holds: the merge below runs for every candidate pair, and indexing through
        // IReadOnlyList cost an interface call per access.
        ReadOnlySpan<string> termsA = SpanOf(a.Terms), termsB = SpanOf(b.Terms);
        ReadOnlySpan<float> weightsA = SpanOf(a.Weights), weightsB = SpanOf(b.Weights);
        ReadOnlySpan<int> ranksA = SpanOf(a.Ranks), ranksB = SpanOf(b.Ranks);
        float shared = 0, weightA = 0, weightB = 0;
        int i = 0, j = 0, numbersA = 0, numbersB = 0, numbersShared = 0;
        var citation = false;
        // For each rank in a, the rank in b of the same term (-1: not shared or not placed in both); its longest increasing
        // run is the longest common subsequence of the shared placed terms in text order.
        var placedA = a.PlacedCount;
        var orderInB = placedA <= 256 ? stackalloc int[placedA] : new int[placedA];
        orderInB.Fill(-1);
        var sharedPlaced = 0;
        while (i < termsA.Length || j < termsB.Length)
        {
            var order = i == termsA.Length ? 1 : j == termsB.Length ? -1 : string.CompareOrdinal(termsA[i], termsB[j]);
            var kind = StoryEvidence.KindOf(order <= 0 ? termsA[i] : termsB[j]);
            if (kind == EvidenceKind.Number)
            {
                if (order <= 0) numbersA++;
                if (order >= 0) numbersB++;
                if (order == 0) numbersShared++;
            }
            if (order == 0)
            {
                var (wa, wb) = (weightsA[i], weightsB[j]);
                shared += (wa + wb) / 2;
                weightA += wa;
                weightB += wb;
                if (kind is EvidenceKind.Url or EvidenceKind.Source) citation = true;
                if (ranksA[i] >= 0 && ranksB[j] >= 0)
                {
                    orderInB[ranksA[i]] = ranksB[j];
                    sharedPlaced++;
                }
                i++;
                j++;
            }
            else if (order < 0) weightA += weightsA[i++];
            else weightB += weightsB[j++];
        }
        var total = weightA + weightB;
        float? numberAgreement = numbersA > 0 && numbersB > 0 ? (float)numbersShared / Math.Min(numbersA, numbersB) : null;
        var orderAgreement = sharedPlaced == 0 ? 1f : (float)LongestIncreasing(orderInB) / sharedPlaced;
        return new StoryMatch(shared, total == 0 ? 0 : 2 * shared / total, numberAgreement, sharedPlaced, orderAgreement, citation, FrameOverlap(SpanOf(a.Frame), SpanOf(b.Frame)));
    }

    /// <summary>The list's array (evidence is built from arrays), or a copy of a list of another kind.</summary>
    private static ReadOnlySpan<T> SpanOf<T>(IReadOnlyList<T> list) => list as T[] ?? [.. list];

    /// <summary>The bottom-k estimate of the Jaccard overlap of two frames: the share of the union's smallest hashes that both hold.</summary>
    private static float? FrameOverlap(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length == 0 || b.Length == 0) return null;
        var limit = Math.Min(a.Length, b.Length);
        int i = 0, j = 0, union = 0, both = 0;
        while (union < limit && i < a.Length && j < b.Length)
        {
            union++;
            if (a[i] == b[j]) { both++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (float)both / limit;
    }

    /// <summary>The length of the longest strictly increasing subsequence of the non-negative values (patience sorting).</summary>
    private static int LongestIncreasing(ReadOnlySpan<int> values)
    {
        var tails = values.Length <= 256 ? stackalloc int[values.Length] : new int[values.Length];
        var length = 0;
        foreach (var value in values)
        {
            if (value < 0) continue;
            var at = tails[..length].BinarySearch(value);
            if (at < 0) at = ~at;
            tails[at] = value;
            if (at == length) length++;
        }
        return length;
    }

    /// <summary>
    /// Whether the two documents tell their shared names, places and numbers in another order: they share at least
    /// <see cref="StoryOptions.MinPlacedForOrder"/> placed terms and fewer than <see cref="StoryOptions.MinOrderAgreement"/>
    /// of them keep their relative order, and no URL or cited source vouches for them.
    /// </summary>
    public static bool OrderDisagrees(StoryMatch match, StoryOptions options) =>
        !match.SharesCitation && match.SharedPlaced >= options.MinPlacedForOrder && match.OrderAgreement < options.MinOrderAgreement;

    /// <summary>
    /// Whether the two documents are one template told with other facts: they share their frame (the wording around the
    /// evidence, <see cref="StoryOptions.TemplateFrameOverlap"/>), as only texts in one language can, but not the evidence
    /// a copy or an edit of one report would keep (<see cref="StoryOptions.TemplateMinDice"/>). Another outlet's rewrite
    /// of one event has its own wording, so the rule leaves it alone.
    /// </summary>
    public static bool SameTemplateOtherFacts(StoryMatch match, StoryOptions options) =>
        match.FrameOverlap >= options.TemplateFrameOverlap && match.Dice < options.TemplateMinDice;

    /// <summary>Whether the two documents' numbers rule them out as one story: both state numbers and agree on too few.</summary>
    public static bool NumbersDisagree(StoryMatch match, StoryOptions options) => match.NumberAgreement < options.MinNumberAgreement;

    /// <summary>
    /// How strongly a pair says "one story", from 0 to 1: the Dice coefficient, or 0 when the numbers or the order
    /// disagree, the pair is one template with other facts, or the shared evidence is too little to mean anything.
    /// </summary>
    public static float Similarity(StoryMatch match, StoryOptions options) =>
        NumbersDisagree(match, options) || OrderDisagrees(match, options) || SameTemplateOtherFacts(match, options) || match.SharedWeight < options.MinSharedWeight ? 0 : match.Dice;

    public static bool SameStory(StoryMatch match, StoryOptions options) => Similarity(match, options) >= options.MinDice;

    /// <summary>Publication times further apart than the limit rule a pair out; unknown times rule nothing out.</summary>
    public static bool CloseInTime(DateTimeOffset? a, DateTimeOffset? b, StoryOptions options) =>
        a is null || b is null || Math.Abs((a.Value - b.Value).TotalDays) <= options.MaxDaysApart;
}
