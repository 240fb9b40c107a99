using SearchSuite.Names;
using SearchSuite.Text.Attribution;
using SearchSuite.Text.Language;

namespace SearchSuite.Text.Names;

/// <summary>
/// Small hand-kept word lists that tell person names from the other capitalised words of news
/// text. German capitalises every noun, so the lists of places and common nouns matter; they are
/// deliberately short and general, not tuned to one article.
/// </summary>
internal static class NameLexicon
{
    /// <summary>
    /// The extractor's own cue words: they mark the capitalised words after them as a name but are no honorific, so
    /// they stay out of the one list of honorifics and offices, <see cref="PersonTitles"/> (shared with the name query,
    /// where a title is dropped from the name). Parts of longer offices ("Prime", "Foreign") and other cues
    /// ("Amtskollege", "Host", "Former"). Matched case-insensitively.
    /// </summary>
    private static readonly HashSet<string> NameCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "Amtskollege", "Amtskollegen", "Führer", "Gesandte", "Chef", "Chefin", "Vice", "Prime", "State", "Leader",
        "Director", "Counterpart", "Foreign", "Defense", "Defence", "Finance", "Interior", "Host", "Former", "thống",
        "tướng", "trưởng", "tịch", "thư", "лидер",
    };

    /// <summary>Words that make the following capitalised word a noun, not a name ("der Iran", "the White House").</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen", "eines", "im", "am", "zum",
        "zur", "vom", "beim", "ins", "ans", "sein", "seine", "seiner", "seinem", "seinen", "ihre", "ihrer", "ihrem",
        "ihren", "unser", "unsere", "dieser", "diese", "dieses", "diesem", "diesen", "jede", "jeder", "jedes", "kein",
        "keine", "keiner", "the", "a", "an", "this", "these", "those", "its", "their", "our", "every", "each",
    };

    private static readonly HashSet<string> Places = new(StringComparer.Ordinal)
    {
        "Russland", "Russia", "Nga", "Iran", "USA", "Vereinigten", "Staaten", "United", "States", "Amerika", "America",
        "Mỹ", "Hoa", "Kỳ", "Ukraine", "Ukraina", "Deutschland", "Germany", "Đức", "China", "Trung", "Quốc", "Frankreich",
        "France", "Pháp", "Großbritannien", "Britain", "England", "London", "Berlin", "Paris", "Moskau", "Moscow",
        "Kiew", "Kyiv", "Kiev", "Washington", "Teheran", "Tehran", "Riad", "Riyadh", "Saudi-Arabien", "Saudi", "Arabia",
        "Arabien", "Israel", "Gaza", "Syrien", "Syria", "Türkei", "Turkey", "Europa", "Europe", "Genf", "Geneva",
        "Brüssel", "Brussels", "Peking", "Beijing", "Japan", "Indien", "India", "Korea", "Nordkorea", "Vietnam", "Việt",
        "Nam", "Hà", "Nội", "Hanoi", "Arktis", "Arctic", "Nahost", "Osten", "East", "Westen", "West", "Nahen", "Middle",
        "Krim", "Crimea", "Donbass", "Wales", "Scotland", "Macedonia", "Greece", "Athens", "Straßburg", "Strasbourg",
        "Polen", "Poland", "Taiwan", "Afrika", "Africa", "Asien", "Asia", "Kanada", "Canada", "Mexiko", "Mexico",
        "Venezuela", "Kuba", "Cuba", "Brasilien", "Brazil", "Italien", "Italy", "Spanien", "Spain", "Österreich",
        "Austria", "Schweiz", "Switzerland", "Pakistan", "Afghanistan", "Irak", "Iraq", "Libanon", "Lebanon", "Jemen",
        "Yemen", "Katar", "Qatar", "Ägypten", "Egypt", "Tschetschenien", "Chechnya", "Россия", "Москва", "Украина",
        "США", "Russian", "American", "Iranian", "Ukrainian", "German", "Chinese", "European", "Western", "Israeli",
        "British", "French", "Soviet", "Islamic", "Arab", "Vietnamese", "Welsh", "Republican", "Democrat", "Democratic",
    };

    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
        "Dezember", "January", "February", "March", "May", "June", "July", "October", "December", "Jan", "Feb", "Mar",
        "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Montag", "Dienstag", "Mittwoch", "Donnerstag",
        "Freitag", "Samstag", "Sonntag", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Monat", "Monate", "Woche", "Wochen", "Jahr", "Jahre", "Jahren", "Tag", "Tage", "Tagen", "Ende", "Anfang",
        "Mitte", "Letzten", "Heute", "Today", "Morgen", "Zeit",
        "House", "Court", "Republic", "Republik", "Union", "Nations", "Council", "Rat", "Ministry", "Ministerium",
        "Department", "Parliament", "Parlament", "Assembly", "Party", "Partei", "Government", "Regierung",
        "Administration", "Congress", "Kongress", "Senate", "Senat", "Kremlin", "Kreml", "Pentagon", "Bank", "Agency",
        "Agentur", "Nachrichtenagentur", "Times", "Post", "Journal", "News", "Press", "Exclusive", "Company", "Group",
        "University", "Universität", "Institute", "Institut", "Commission", "Kommission", "Army", "Armee", "Navy",
        "Force", "Forces", "Garde", "Revolutionsgarde", "Korps", "Committee", "Office", "Behörde", "Agreement",
        "Abkommen", "Program", "Programm", "Summit", "Gipfel", "Talks", "War", "Krieg", "Street", "Platz", "City",
        "Stadt", "Region", "Province", "Provinz", "Airport", "Church", "Kirche", "Bundestag", "Bundesregierung", "Duma",
        "Länder", "Land", "Hilfe", "Beamte", "Beamten", "Macht", "Seite", "Seiten", "Frage", "Fragen", "Thema",
        "Probleme", "Problem", "Signale", "Politik", "Druck", "Drucks", "Interesse", "Gespräche", "Gesprächen",
        "Quellen", "Anfrage", "Zahl", "Drohnen", "Waffen", "Atomwaffen", "Angriffe", "Energie", "Handel", "Sicherheit",
        "Frieden", "Staat", "Welt", "Menschen", "Leute", "Soldaten", "Truppen", "Militär", "Experten", "Medien",
        "Berichten", "Angaben", "Vertreter", "Teil", "Ziel", "Weg", "Geld", "Millionen", "Milliarden", "Prozent",
        "Euro", "Dollar", "Top", "Officials", "Sources", "People", "Photo", "Foto", "Video", "Update", "Breaking",
    };

    /// <summary>Endings of German abstract nouns and inflected adjectives, never of names (checked on words of 7+ letters).</summary>
    private static readonly string[] NonNameEndings =
    [
        "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen", "ismus", "tät",
        "täten", "nisse", "ment", "ige", "igen", "iger", "ische", "ischen", "ischer", "liche", "lichen", "licher",
        "ale", "alen", "ste", "sten",
    ];

    private const int MinLengthForEndingCheck = 7;

    public static bool IsTitle(string word) =>
        IsListedTitle(word) || (word.LastIndexOf('-') is var hyphen and > 0 && IsListedTitle(word[(hyphen + 1)..]));

    private static bool IsListedTitle(string word) => NameCues.Contains(word) || PersonTitles.IsTitle(word);

    public static bool IsDeterminer(string word) => Determiners.Contains(word);

    /// <summary>Verbs of saying whose subject, in a headline or sentence, is usually a person ("Wiotkoff nannte …", "Peskov said").</summary>
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "sagt", "sagte", "sagten", "nennt", "nannte", "erklärt", "erklärte", "betont", "betonte", "warnt", "warnte",
        "fordert", "forderte", "kritisiert", "kritisierte", "meint", "meinte", "schreibt", "schrieb", "droht", "drohte",
        "says", "said", "tells", "told", "warns", "warned", "urges", "urged", "calls", "called", "claims", "claimed",
    };

    public static bool IsSpeechVerb(string word) => SpeechVerbs.Contains(word);

    /// <summary>Capitalised words that are never (part of) a person's name here.</summary>
    /// <param name="continuesName">
    /// The word follows name words mid-sentence: capitalised there, a function word is a name part
    /// ("Nguyen Phu Trong", where "trong" is also Vietnamese for "in").
    /// </param>
    public static bool IsStopWord(string word, bool continuesName = false) =>
        CommonWords.Contains(word) || Places.Contains(word) || KnownOutlets.IsOutletWord(word)
        || (word.EndsWith('s') && Places.Contains(word[..^1]))
        || (!continuesName && LanguageProfiles.IsFunctionWord(word))
        || HasNonNameEnding(word);

    public static bool HasNonNameEnding(string word)
    {
        if (word.Length < MinLengthForEndingCheck) return false;
        foreach (var ending in NonNameEndings)
            if (word.EndsWith(ending, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>"iranischen Fragen", "ersten Amtszeit": a lower-case inflected word before a capitalised one marks a German noun phrase.</summary>
    public static bool IsInflectedAdjective(string word) =>
        word.Length >= 4 && char.IsLower(word[0]) && !LanguageProfiles.IsFunctionWord(word)
        && (word.EndsWith('e') || word.EndsWith("en") || word.EndsWith("er") || word.EndsWith("es") || word.EndsWith("em"));
}
