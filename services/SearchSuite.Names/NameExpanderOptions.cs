namespace SearchSuite.Names;

/// <summary>Weights per expansion source and the gate of the fuzzy fallback; defaults are tuned on the names dev set.</summary>
public sealed record NameExpanderOptions
{
    public float ExactWeight { get; init; } = 1f;
    public float CuratedWeight { get; init; } = 0.85f;
    public float KeyWeight { get; init; } = 0.8f;
    /// <summary>Weight of a fuzzy match at zero cost; it falls linearly to half of this at the gate's limit.</summary>
    public float FuzzyWeight { get; init; } = 0.6f;

    /// <summary>Keys shorter than this never match fuzzily: short names have too many near neighbours (Lvov, Petrov).</summary>
    public int MinFuzzyKeyLength { get; init; } = 6;
    /// <summary>Keys shorter than this allow only a cheap edit (a vowel, h, or a confusable consonant).</summary>
    public int LongKeyLength { get; init; } = 8;
    public float MaxCost { get; init; } = ConfusionEditDistance.CheapCost;
    public float LongKeyMaxCost { get; init; } = ConfusionEditDistance.FullCost;
    /// <summary>At most this many fuzzy keys per query token, closest first.</summary>
    public int MaxFuzzyKeys { get; init; } = 8;

    public bool EnableFuzzy { get; init; } = true;

    /// <summary>
    /// Inside a person's name of two or more words, keys from this length on allow one edit of any kind (one letter
    /// shorter: one cheap edit): "Joh McCain" finds John McCain, as the surname must match too.
    /// </summary>
    public int MinInNameFuzzyKeyLength { get; init; } = 3;
    /// <summary>Inside a person's name, keys of <see cref="LongKeyLength"/> or more allow this much (two edits).</summary>
    public float InNameLongKeyMaxCost { get; init; } = 2 * ConfusionEditDistance.FullCost;

    /// <summary>
    /// The edit budget the fuzzy gate allows for a key of this length. A word of a multi-word person name
    /// (<paramref name="inName"/>) gets a wider one: its other words must match too, which keeps another person out
    /// far better than the letters of one short word can ("Fumio Kishda" finds Fumio Kishida; "Kishda" alone does not).
    /// </summary>
    public float FuzzyBudget(int keyLength, bool inName = false)
    {
        if (!EnableFuzzy) return 0;
        if (inName)
            return keyLength < MinInNameFuzzyKeyLength - 1 ? 0 : keyLength < MinInNameFuzzyKeyLength ? MaxCost
                : keyLength >= LongKeyLength ? InNameLongKeyMaxCost : LongKeyMaxCost;
        return keyLength < MinFuzzyKeyLength ? 0 : keyLength >= LongKeyLength ? LongKeyMaxCost : MaxCost;
    }
}
