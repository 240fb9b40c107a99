namespace SearchSuite.Names;

/// <summary>
/// Names written in Arabic or Hebrew script, which leave short vowels unwritten and use one letter for a long vowel
/// and a glide (و: w, u, o; ي: y, i, e): "نادری" reads as "ndry", which no key rule brings to "Naderi". Their
/// consonants are what the Latin spellings share, so such a word meets the indexed spellings with its consonant
/// skeleton: the key without vowels, glides and a final h (نادری and Naderi: "ndr"; فوزیه and Fawzia: "fs").
/// </summary>
public static class AbjadNames
{
    private const string Dropped = "aeiouv";

    /// <summary>
    /// A skeleton of one consonant (علي: "l") is shared by too many names (Lee, Ali, Eli, Law) to tell them apart, so
    /// such a word only meets spellings within one edit of its own key (Ali).
    /// </summary>
    public const int MinSkeletonLength = 2;

    /// <summary>True when the token is written in Arabic (with Persian and Urdu letters) or Hebrew script.</summary>
    public static bool IsAbjad(string token)
    {
        foreach (var c in token)
            if (c is >= '\u0590' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF') return true;
        return false;
    }

    /// <summary>
    /// The consonant skeleton of a <see cref="NameKey"/>: vowels, the glide i (y, j), v (w, and Hebrew ו) and a final
    /// X (the silent h of -eh, ه, ה; also after a consonant before a final vowel, as in the Persian خامنه‌ای, Khamenei)
    /// dropped, doubles collapsed. The hushing S joins X, because French and English
    /// write ش as ch (ميشال: Michel, شمعون: Chamoun), and p joins b, which Arabic writes for both (Pakradounian).
    /// Empty when nothing is left.
    /// </summary>
    public static string Skeleton(string key)
    {
        var skeleton = new System.Text.StringBuilder(key.Length);
        var lastConsonant = key.Length - 1;
        while (lastConsonant >= 0 && Dropped.Contains(key[lastConsonant])) lastConsonant--;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var silentH = c == 'X' && (i == key.Length - 1 || i == lastConsonant && i > 0 && !Dropped.Contains(key[i - 1]));
            if (Dropped.Contains(c) || silentH) continue;
            c = c switch { 'S' => 'X', 'p' => 'b', _ => c };
            if (skeleton.Length == 0 || skeleton[^1] != c) skeleton.Append(c);
        }
        return skeleton.ToString();
    }

    /// <summary>
    /// The skeletons an Arabic or Hebrew word searches for: its own, and without the Arabic article ال that Latin
    /// spellings write apart or drop (العنزي: Al-Enezi, Enezi). Empty for any other word.
    /// </summary>
    public static IReadOnlyList<string> SkeletonsOf(string form)
    {
        if (!IsAbjad(form)) return [];
        var skeleton = Skeleton(NameKey.Compute(form));
        string[] skeletons = form.StartsWith("ال", StringComparison.Ordinal) ? [skeleton, Skeleton(NameKey.Compute(form[2..]))] : [skeleton];
        return [.. skeletons.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}
