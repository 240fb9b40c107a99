namespace SearchSuite.Text.Attribution;

/// <summary>
/// The language an article was first published in, when it was translated: the known outlet's
/// language, else the country-code top-level domain of the source URL. Null when nothing says.
/// </summary>
public static class OriginLanguage
{
    public static string? Infer(Outlet? outlet, string? sourceUrl) =>
        outlet?.Language ?? FromCountryDomain(KnownOutlets.HostOf(sourceUrl));

    public static string? FromCountryDomain(string? host)
    {
        if (host is null) return null;
        var tld = host[(host.LastIndexOf('.') + 1)..].ToLowerInvariant();
        return tld switch
        {
            "vn" => "vi",
            "de" or "at" => "de",
            "ru" => "ru",
            "ua" => "uk",
            "fr" => "fr",
            "es" => "es",
            "it" => "it",
            "nl" => "nl",
            "pt" or "br" => "pt",
            "pl" => "pl",
            "se" => "sv",
            "jp" => "ja",
            "cn" => "zh",
            "kr" => "ko",
            "uk" or "au" or "nz" or "ie" => "en",
            _ => null,
        };
    }
}
