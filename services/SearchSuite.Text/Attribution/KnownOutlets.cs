using System.Text.RegularExpressions;

namespace SearchSuite.Text.Attribution;

/// <summary>A news outlet or agency: how it is written in text, where it lives, what language it publishes in.</summary>
public sealed record Outlet(string Name, string Language, string[] Hosts, string[] Aliases);

/// <summary>
/// A small hand-kept table of outlets that matter for this suite. Unknown outlets still come
/// through datelines; only the host lookup and citations need the table.
/// </summary>
public static partial class KnownOutlets
{
    public static IReadOnlyList<Outlet> All { get; } =
    [
        new("Dan Tri", "vi", ["dantri.com.vn"], ["Dan Tri", "Dân trí", "Dân Trí"]),
        new("VnExpress", "vi", ["vnexpress.net"], ["VnExpress"]),
        new("Tuoi Tre", "vi", ["tuoitre.vn"], ["Tuoi Tre", "Tuổi Trẻ"]),
        new("Thanh Nien", "vi", ["thanhnien.vn"], ["Thanh Nien", "Thanh Niên"]),
        new("Bloomberg", "en", ["bloomberg.com"], ["Bloomberg"]),
        new("Reuters", "en", ["reuters.com"], ["Reuters"]),
        new("Associated Press", "en", ["apnews.com"], ["Associated Press", "AP"]),
        new("AFP", "fr", ["afp.com"], ["AFP", "Agence France-Presse"]),
        new("BBC", "en", ["bbc.com", "bbc.co.uk"], ["BBC"]),
        new("CNN", "en", ["cnn.com"], ["CNN"]),
        new("The New York Times", "en", ["nytimes.com"], ["New York Times", "NYT"]),
        new("The Guardian", "en", ["theguardian.com"], ["Guardian"]),
        new("The Washington Post", "en", ["washingtonpost.com"], ["Washington Post"]),
        new("The Wall Street Journal", "en", ["wsj.com"], ["Wall Street Journal", "WSJ"]),
        new("Financial Times", "en", ["ft.com"], ["Financial Times"]),
        new("Axios", "en", ["axios.com"], ["Axios"]),
        new("Politico", "en", ["politico.com", "politico.eu"], ["Politico"]),
        new("Al Jazeera", "en", ["aljazeera.com"], ["Al Jazeera"]),
        new("Der Spiegel", "de", ["spiegel.de"], ["Spiegel", "Der Spiegel"]),
        new("dpa", "de", ["dpa.com", "dpa.de"], ["dpa", "Deutsche Presse-Agentur"]),
        new("Deutsche Welle", "de", ["dw.com"], ["Deutsche Welle", "DW"]),
        new("TASS", "ru", ["tass.ru", "tass.com"], ["TASS", "Tass", "ТАСС"]),
        new("RIA Novosti", "ru", ["ria.ru"], ["RIA Novosti", "RIA", "РИА Новости"]),
        new("Interfax", "ru", ["interfax.ru"], ["Interfax", "Интерфакс"]),
        new("Ukrainska Pravda", "uk", ["pravda.com.ua"], ["Ukrainska Pravda"]),
    ];

    /// <summary>The outlet whose host is, or is a parent domain of, the URL's host.</summary>
    public static Outlet? FromUrl(string? url)
    {
        var host = HostOf(url);
        if (host is null) return null;
        return All.FirstOrDefault(outlet => outlet.Hosts.Any(known =>
            host.Equals(known, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + known, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The outlet written as <paramref name="name"/> (any alias, case-insensitive).</summary>
    public static Outlet? FromName(string? name) =>
        name is null ? null : All.FirstOrDefault(outlet =>
            outlet.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
            || outlet.Aliases.Any(alias => alias.Equals(name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>"…: Bloomberg Exclusive", "… - Reuters", "… | BBC News": the outlet that signs a headline.</summary>
    public static Outlet? FromHeadlineSuffix(string? title)
    {
        var match = title is null ? null : HeadlineSuffix().Match(title);
        return match is { Success: true } ? FromName(match.Groups["name"].Value) : null;
    }

    /// <summary>True when a capitalised word is (part of) an outlet name, so it is not taken for a person.</summary>
    public static bool IsOutletWord(string word) => OutletWords.Contains(word);

    public static string? HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : null;

    private static readonly HashSet<string> OutletWords = All
        .SelectMany(outlet => outlet.Aliases.Append(outlet.Name))
        .SelectMany(alias => alias.Split(' '))
        .Where(word => word is not ("The" or "Der" or "New"))
        .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?:[:|]|\s[–—-])\s*(?<name>[^:|–—]+?)(?:\s+(?:News|Exclusive|Exklusiv))?\s*$")]
    private static partial Regex HeadlineSuffix();
}
