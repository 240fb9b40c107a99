namespace SearchSuite.Names;

/// <summary>
/// Weighted Damerau–Levenshtein distance on <see cref="NameKey"/> keys, with costs that reflect how spellings of
/// one name really differ across languages and typists: vowels and silent letters come and go cheaply, confusable
/// consonants swap cheaply, anything else is a full edit. Cheap edits make "Wiotkoff" reach "Witkoff"; full edits
/// keep "Peskov" from "Petrov".
/// </summary>
public static class ConfusionEditDistance
{
    public const float CheapCost = 0.5f;
    public const float FullCost = 1f;

    // Consonant pairs that voice, devoice or trade places between transliterations of one name.
    private const string ConfusablePairs = "bp dt gk fv mn Xk Ss";
    private const string Vowels = "aeiou";
    private static readonly float[,] SubstitutionCosts = BuildSubstitutionCosts();

    /// <summary>Distance, or any value above <paramref name="maxCost"/> as soon as the bound is certainly exceeded.</summary>
    public static float Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b, float maxCost)
    {
        if (Math.Abs(a.Length - b.Length) * CheapCost > maxCost) return float.PositiveInfinity;
        var width = b.Length + 1;
        // Three rolling rows are enough for adjacent transpositions.
        Span<float> rows = width * 3 <= 512 ? stackalloc float[width * 3] : new float[width * 3];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        previous[0] = 0;
        for (var j = 1; j < width; j++) previous[j] = previous[j - 1] + IndelCost(b[j - 1]);
        var previousRowMin = 0f;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = previous[0] + IndelCost(a[i - 1]);
            var rowMin = current[0];
            for (var j = 1; j < width; j++)
            {
                var best = Math.Min(previous[j] + IndelCost(a[i - 1]), current[j - 1] + IndelCost(b[j - 1]));
                best = Math.Min(best, previous[j - 1] + SubstitutionCost(a[i - 1], b[j - 1]));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    best = Math.Min(best, beforePrevious[j - 2] + CheapCost);
                current[j] = best;
                rowMin = Math.Min(rowMin, best);
            }
            // A transposition can jump a row, so both the last two rows must be over budget to stop.
            if (rowMin > maxCost && previousRowMin > maxCost) return float.PositiveInfinity;
            previousRowMin = rowMin;
            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }

    // X stands for h among others, which English and German drop freely (Mohammad/Mochammad, Hasan/Chasan).
    public static float IndelCost(char c) => Vowels.Contains(c) || c == 'X' ? CheapCost : FullCost;

    public static float SubstitutionCost(char a, char b) =>
        a == b ? 0 : a < 128 && b < 128 ? SubstitutionCosts[a, b] : FullCost;

    private static float[,] BuildSubstitutionCosts()
    {
        var costs = new float[128, 128];
        for (var a = 0; a < 128; a++)
            for (var b = 0; b < 128; b++)
                costs[a, b] = a == b ? 0 : FullCost;
        foreach (var a in Vowels)
            foreach (var b in Vowels)
                if (a != b) costs[a, b] = CheapCost;
        foreach (var pair in ConfusablePairs.Split(' '))
        {
            costs[pair[0], pair[1]] = CheapCost;
            costs[pair[1], pair[0]] = CheapCost;
        }
        return costs;
    }
}
