using System.Collections.Frozen;

namespace SearchSuite.Contracts;

/// <summary>
/// ISO 639-1 two-letter codes (the 183 assigned ones), plus "und" for "unknown", as gRPC validation accepts them: the
/// language values of the contracts, which ingest and search check without the normalize library.
/// </summary>
public static class IsoLanguage
{
    /// <summary>ISO 639-2's "undetermined": the language of a document no language was identified for.</summary>
    public const string Undetermined = "und";

    private const string AssignedCodes =
        "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu " +
        "fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km " +
        "kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om " +
        "or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr " +
        "ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

    private static readonly FrozenSet<string> Codes =
        AssignedCodes.Split(' ').Append(Undetermined).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a lower-case ISO 639-1 code or "und"; case matters so stored codes stay canonical.</summary>
    public static bool IsValidCode(string? code) => code is not null && Codes.Contains(code);
}
