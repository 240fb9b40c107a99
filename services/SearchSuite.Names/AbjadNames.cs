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
    public static string Skeleton(string key) => Skeleton(key, silentHAfterVowel: false);

    /// <summary>
    /// The skeletons an indexed key is filed under: its own, and with an h after a vowel and before a consonant silent,
    /// as in English and German spellings (John, Johnson, Brahms), which Arabic and Hebrew spell without it (جون, جونسون).
    /// </summary>
    public static IReadOnlyList<string> Skeletons(string key)
    {
        var sounded = Skeleton(key, silentHAfterVowel: false);
        var silent = Skeleton(key, silentHAfterVowel: true);
        return silent == sounded || silent.Length == 0 ? [sounded] : [sounded, silent];
    }

    private static string Skeleton(string key, bool silentHAfterVowel)
    {
        var skeleton = new System.Text.StringBuilder(key.Length);
        var lastConsonant = key.Length - 1;
        while (lastConsonant >= 0 && Dropped.Contains(key[lastConsonant])) lastConsonant--;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var silentH = c == 'X' && (i == key.Length - 1 || i == lastConsonant && i > 0 && !Dropped.Contains(key[i - 1])
                || silentHAfterVowel && i > 0 && "aeiou".Contains(key[i - 1]) && i + 1 < key.Length && !Dropped.Contains(key[i + 1]));
            if (Dropped.Contains(c) || silentH) continue;
            c = c switch { 'S' => 'X', 'p' => 'b', _ => c };
            if (skeleton.Length == 0 || skeleton[^1] != c) skeleton.Append(c);
        }
        return skeleton.ToString();
    }

    /// <summary>
    /// The readings an Arabic or Hebrew word searches with, each as its key and skeleton: its own, without the Arabic
    /// article ال that Latin spellings write apart or drop (العنزي: Al-Enezi, Enezi), and with each letter that spells
    /// two sounds of foreign names read as its other sound (<see cref="OtherSounds"/>: كيفن Kevin, פול Paul), the same
    /// throughout the word (reading each occurrence both ways found fewer: Hebrew 0.589 against 0.596). Empty for any
    /// other word and for a reading with no consonant left.
    /// </summary>
    public static IReadOnlyList<(string Key, string Skeleton)> ReadingsOf(string form)
    {
        if (!IsAbjad(form)) return [];
        IEnumerable<string> spellings = form.StartsWith("ال", StringComparison.Ordinal) ? [form, form[2..]] : [form];
        foreach (var (letter, otherSound) in OtherSounds)
            if (form.Contains(letter)) spellings = spellings.SelectMany(s => (IEnumerable<string>)[s, s.Replace(letter.ToString(), otherSound, StringComparison.Ordinal)]);
        return [.. spellings.Select(NameKey.Compute).Distinct(StringComparer.Ordinal)
            .Select(key => (key, Skeleton(key))).Where(reading => reading.Item2.Length > 0)];
    }

    /// <summary>
    /// Letters that spell two sounds of foreign names, where unpointed text does not show which, with the other sound:
    /// Arabic and Persian have no v and write it ف (كيفن: Kevin, بوريسوف: Borisov), ج is the g of Egyptian Arabic
    /// and of foreign names (جورج: George, جيلارد: Gillard) besides j, and و, read w, is more often the vowel o or u
    /// (جون: John; the skeleton drops it either way, but the key's distance to the Latin one is the vowel's); Hebrew פ
    /// is p as well as f (פול: Paul), ב v as well as b (פרבאנוב: Parvanov), כ k as well as kh (כריסטיאן: Kristian), and
    /// ג j when its geresh (ג') is left out (גוליה: Julia).
    /// </summary>
    private static readonly (char Letter, string OtherSound)[] OtherSounds =
        [('ف', "v"), ('ج', "g"), ('و', "u"), ('פ', "p"), ('ב', "v"), ('כ', "k"), ('ג', "j")];
}
