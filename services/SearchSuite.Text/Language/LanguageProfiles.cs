namespace SearchSuite.Text.Language;

/// <summary>
/// Hand-written evidence per language, from linguistic knowledge (not trained on any corpus):
/// the commonest function words, and character n-grams typical of the spelling. Scripts and
/// letters unique to one language (Cyrillic, Vietnamese tone marks) are handled in code.
/// </summary>
internal static class LanguageProfiles
{
    public static readonly string[] Codes = ["en", "de", "fr", "es", "it", "nl", "pt", "vi", "ru", "uk"];

    public const int Vietnamese = 7, Russian = 8, Ukrainian = 9;

    /// <summary>Function words: closed-class words that almost every sentence contains.</summary>
    public static readonly string[][] FunctionWords =
    [
        // en
        ["the", "of", "and", "to", "is", "that", "for", "it", "on", "with", "as", "he", "be", "by", "at", "are", "this",
         "have", "from", "or", "had", "not", "but", "his", "they", "were", "has", "been", "which", "their", "said",
         "would", "there", "who", "more", "its", "about", "after", "when", "than", "into", "could", "them", "can",
         "she", "her", "we", "you", "what", "some", "other", "these", "those", "because", "over", "while", "should",
         "only", "just", "up", "out", "if", "no", "do", "does", "did", "our", "all", "how", "where", "such", "a",
         "i", "it's", "my", "me", "him", "your", "any", "many", "most", "very", "also", "new", "people", "year",
         "years", "first", "last", "between", "against", "during", "before", "since", "being", "then", "now",
         "told", "says", "still", "under", "both", "each", "few", "whether", "though", "although", "through", "in", "was", "an", "am"],
        // de
        ["der", "die", "das", "und", "ist", "nicht", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen",
         "eines", "zu", "mit", "sich", "auf", "für", "von", "auch", "es", "werden", "wird", "wurde", "wurden", "sind",
         "hat", "haben", "bei", "aus", "nach", "noch", "wie", "oder", "aber", "nur", "um", "über", "dass", "daß",
         "sie", "er", "wir", "ich", "ihr", "sein", "seine", "seiner", "seinen", "ihre", "ihren", "ihrer", "kann",
         "können", "sehr", "durch", "zum", "zur", "im", "vom", "beim", "gegen", "keine", "kein", "mehr", "schon",
         "wenn", "dann", "weil", "diese", "dieser", "dieses", "jedoch", "zwischen", "unter", "soll", "sollen",
         "muss", "war", "waren", "hatte", "hatten", "bereits", "sowie", "ob", "jetzt", "heute", "immer", "wieder",
         "gibt", "seit", "vor", "sagte", "sei", "habe", "worden", "einige", "viele", "alle", "uns",
         "ihm", "ihn", "bis", "man", "dies", "hier", "doch", "sondern", "während", "nachdem", "damit", "also", "in", "was", "an",
         "am", "als", "ab", "ohne", "wegen"],
        // fr
        ["le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "en", "que", "qui", "dans", "pour", "pas",
         "sur", "au", "aux", "avec", "ce", "cette", "il", "elle", "ils", "sont", "ont", "par", "plus", "se", "son",
         "sa", "ses", "mais", "ou", "été", "être", "leur", "nous", "vous", "je", "ne", "a", "était", "aussi", "comme"],
        // es
        ["el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "por", "con", "para", "se", "su",
         "sus", "al", "lo", "como", "más", "pero", "fue", "ha", "han", "este", "esta", "también", "sobre", "entre",
         "cuando", "muy", "sin", "hasta", "desde", "según", "era"],
        // it
        ["il", "lo", "la", "gli", "le", "di", "del", "della", "che", "e", "è", "un", "una", "per", "non", "con",
         "sono", "ha", "nel", "nella", "alla", "anche", "più", "come", "questo", "dei", "delle", "ma", "essere", "in"],
        // nl
        ["de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "voor", "met", "zijn", "niet", "aan", "er",
         "om", "ook", "als", "bij", "door", "maar", "naar", "wordt", "werd", "hij", "zij", "worden", "nog", "uit",
         "over", "deze", "dit", "heeft", "hebben", "was"],
        // pt
        ["o", "os", "a", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "no", "na", "um", "uma", "para",
         "com", "não", "por", "mais", "se", "foi", "ao", "seu", "sua", "como", "também", "ser", "está", "são"],
        // vi
        ["của", "và", "là", "các", "những", "được", "cho", "với", "trong", "không", "có", "người", "này", "đã",
         "một", "để", "từ", "khi", "về", "đến", "theo", "như", "năm", "ông", "bà", "sẽ", "cũng", "nhưng", "tại",
         "đó", "nhiều", "sau", "trên", "hơn", "vào", "ra", "thì", "mà", "nói", "họ", "chúng", "tôi", "bị", "nước"],
        // ru
        ["и", "в", "не", "на", "что", "с", "по", "он", "как", "это", "к", "из", "о", "для", "за", "от", "его", "а",
         "но", "же", "так", "то", "все", "она", "они", "был", "была", "были", "также", "при", "который", "которые",
         "их", "этом", "после", "уже", "или", "бы", "году", "чтобы", "может", "только", "ее", "её", "есть", "будет"],
        // uk
        ["і", "й", "в", "у", "не", "на", "що", "з", "по", "він", "як", "це", "до", "із", "для", "за", "від", "його",
         "а", "але", "та", "також", "був", "була", "були", "їх", "який", "які", "після", "вже", "чи", "щоб", "має",
         "лише", "її", "є", "буде"],
    ];

    /// <summary>True when the word, in any case, is a function word of any supported language.</summary>
    public static bool IsFunctionWord(string word) => AllFunctionWords.Contains(word);

    private static readonly HashSet<string> AllFunctionWords = FunctionWords.SelectMany(words => words).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Letter sequences typical of a language's spelling, scored at each occurrence (weak evidence).</summary>
    public static readonly string[][] CharacterNGrams =
    [
        ["th", "wh", "sh", "ght", "ing", "ould", "ough", "ly", "ee", "oo", "ay", "ow", "ea", "ed", "oa", "ew", "aw"],
        ["sch", "cht", "ung", "lich", "keit", "heit", "tz", "ei", "ie", "pf", "eu", "ck", "ge"],
        ["eau", "aux", "è", "ê", "oi", "ou", "qu", "é"],
        ["ción", "ó", "í", "á", "ll", "qu"],
        ["zion", "gli", "cch", "zz", "ò", "ì", "è"],
        ["ij", "oe", "aa", "uu", "sch", "cht"],
        ["ção", "ções", "nh", "lh", "ç"],
        [],
        [],
        [],
    ];

    /// <summary>Letters (almost) only one of the supported languages writes: strong evidence, once per word.</summary>
    public static readonly string[] DistinctLetters = ["", "äöüß", "œ", "ñ", "", "", "ãõ", "", "ыэъё", "іїєґ"];
}
