using System.Collections.Frozen;

namespace SearchSuite.Search.Querying;

/// <summary>
/// The stop words of the English and German analyzers (Lucene's and Elasticsearch's built-in "english" and "german"
/// use the same lists), so the planner knows which query words an analyzer may drop without depending on a backend.
/// A test compares them with Lucene's.
/// </summary>
public static class StopWords
{
    /// <summary>The English analyzer's list (Lucene's ENGLISH_STOP_WORDS_SET, Elasticsearch's _english_).</summary>
    public static FrozenSet<string> English { get; } = FrozenSet.ToFrozenSet(
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
        "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
        "will", "with",
    ], StringComparer.Ordinal);

    /// <summary>The German analyzer's list (Snowball's german_stop.txt, Elasticsearch's _german_).</summary>
    public static FrozenSet<string> German { get; } = FrozenSet.ToFrozenSet(
    [
        "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander", "andere", "anderem",
        "anderen", "anderer", "anderes", "anderm", "andern", "anderr", "anders", "auch", "auf", "aus", "bei", "bin",
        "bis", "bist", "da", "damit", "dann", "das", "dasselbe", "dazu", "daß", "dein", "deine", "deinem", "deinen",
        "deiner", "deines", "dem", "demselben", "den", "denn", "denselben", "der", "derer", "derselbe", "derselben",
        "des", "desselben", "dessen", "dich", "die", "dies", "diese", "dieselbe", "dieselben", "diesem", "diesen",
        "dieser", "dieses", "dir", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines",
        "einig", "einige", "einigem", "einigen", "einiger", "einiges", "einmal", "er", "es", "etwas", "euch", "euer",
        "eure", "eurem", "euren", "eurer", "eures", "für", "gegen", "gewesen", "hab", "habe", "haben", "hat", "hatte",
        "hatten", "hier", "hin", "hinter", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer",
        "ihres", "im", "in", "indem", "ins", "ist", "jede", "jedem", "jeden", "jeder", "jedes", "jene", "jenem",
        "jenen", "jener", "jenes", "jetzt", "kann", "kein", "keine", "keinem", "keinen", "keiner", "keines", "können",
        "könnte", "machen", "man", "manche", "manchem", "manchen", "mancher", "manches", "mein", "meine", "meinem",
        "meinen", "meiner", "meines", "mich", "mir", "mit", "muss", "musste", "nach", "nicht", "nichts", "noch",
        "nun", "nur", "ob", "oder", "ohne", "sehr", "sein", "seine", "seinem", "seinen", "seiner", "seines", "selbst",
        "sich", "sie", "sind", "so", "solche", "solchem", "solchen", "solcher", "solches", "soll", "sollte",
        "sondern", "sonst", "um", "und", "uns", "unse", "unsem", "unsen", "unser", "unses", "unter", "viel", "vom",
        "von", "vor", "war", "waren", "warst", "was", "weg", "weil", "weiter", "welche", "welchem", "welchen",
        "welcher", "welches", "wenn", "werde", "werden", "wie", "wieder", "will", "wir", "wird", "wirst", "wo",
        "wollen", "wollte", "während", "würde", "würden", "zu", "zum", "zur", "zwar", "zwischen", "über",
    ], StringComparer.Ordinal);

    /// <summary>Whether any of the analyzers drops <paramref name="word"/> (compared in lower case).</summary>
    public static bool Contains(string word)
    {
        var lower = word.ToLowerInvariant();
        return English.Contains(lower) || German.Contains(lower);
    }
}
