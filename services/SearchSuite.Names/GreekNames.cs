using System.Text.RegularExpressions;

namespace SearchSuite.Names;

/// <summary>
/// Foreign names written in Greek, which has no letter for b, d, g (as in "go") or j and writes them with two:
/// μπ, ντ, γκ (or γγ) and τζ (Τόνι Άμποτ: Tony Abbott, Τζούλια Γκίλαρντ: Julia Gillard), the English y or the j of
/// other languages before a vowel as γι (Γιάντρανκα: Jadranka), English ow as αου or οου and an initial w as ου. A Greek
/// name keeps mb, nd, ng inside the word (Λάμπρος: Lambros, Αντώνης: Antonis), so the fold reads only an initial cluster
/// as one letter and this reading is another one.
/// </summary>
public static class GreekNames
{
    /// <summary>True when the token has a Greek letter (the basic block or the extended one of polytonic Greek).</summary>
    public static bool IsGreek(string token)
    {
        foreach (var c in token)
            if (c is >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF') return true;
        return false;
    }

    /// <summary>
    /// The key of the word read as the transcription of a foreign name (see the class summary); empty when it is not
    /// Greek or reads as its own key.
    /// </summary>
    public static string ForeignReadingKey(string token, string key)
    {
        if (!IsGreek(token)) return "";
        var letters = TextFolding.StripMarks(token);
        var reading = NameKey.Compute(ForeignClusters.Replace(letters, m => ForeignSounds[m.Value]));
        return reading == key ? "" : reading;
    }

    private static readonly Dictionary<string, string> ForeignSounds = new(StringComparer.Ordinal)
    {
        ["μπ"] = "b", ["ντ"] = "d", ["γκ"] = "g", ["γγ"] = "g", ["τζ"] = "j", ["γι"] = "y",
        ["αου"] = "ow", ["οου"] = "ow", ["ου"] = "w",
    };

    // The stripped form has no tonos, so a vowel after γι is one of these letters.
    // English ow is αου or οου (Χάουαρντ: Howard, Μπάροου: Barrow), and an initial w before a vowel ου (Ουίλιαμ: William).
    private static readonly Regex ForeignClusters = new("αου|οου|^ου(?=[αεηιοω])|μπ|ντ|γκ|γγ|τζ|γι(?=[αεηιουω])", RegexOptions.CultureInvariant);
}
