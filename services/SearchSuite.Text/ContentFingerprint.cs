namespace SearchSuite.Text;

/// <summary>
/// A 64-bit FNV-1a hash, as 16 lower-case hex digits, of the body reduced to its words: letters
/// and digits case-folded, every run of anything else (whitespace, punctuation, quotes) one
/// separator. So re-wrapped, re-quoted or re-punctuated copies of an article collide, while any
/// change of wording does not. FNV-1a is fixed by its spec, so fingerprints stay stable across
/// processes and releases (unlike string.GetHashCode).
/// </summary>
public static class ContentFingerprint
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;
    private const char Separator = ' ';

    public static string Compute(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var hash = OffsetBasis;
        var pendingSeparator = false;
        var anyWord = false;
        foreach (var c in body)
        {
            if (!char.IsLetterOrDigit(c))
            {
                pendingSeparator = anyWord;
                continue;
            }
            if (pendingSeparator) hash = Mix(hash, Separator);
            hash = Mix(hash, char.ToLowerInvariant(c));
            pendingSeparator = false;
            anyWord = true;
        }
        return hash.ToString("x16");
    }

    private static ulong Mix(ulong hash, char c)
    {
        hash = (hash ^ (byte)c) * Prime;
        return (hash ^ (byte)(c >> 8)) * Prime;
    }
}
