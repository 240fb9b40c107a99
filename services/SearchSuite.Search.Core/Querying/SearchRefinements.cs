using System.Globalization;

namespace SearchSuite.Search.Querying;

/// <summary>How hits are ordered. Date orders put undated documents last and break ties by document id, so paging is stable.</summary>
public enum ResultOrder
{
    Relevance,
    Newest,
    Oldest,
}

/// <summary>A facet a search can count over all its matches; <see cref="FacetFields.NameOf"/> is its wire name.</summary>
public enum FacetField
{
    Language,
    /// <summary>A document with no known origin counts as original in its own language, as the origin filter reads it.</summary>
    OriginLanguage,
    Outlet,
    /// <summary>The UTC month of published_at, "YYYY-MM"; undated documents are not counted.</summary>
    PublishedMonth,
}

public static class FacetFields
{
    public const int DefaultSize = 10;
    public const int MaxSize = 100;

    public static readonly IReadOnlyList<FacetField> All = Enum.GetValues<FacetField>();

    public static string NameOf(FacetField field) => field switch
    {
        FacetField.Language => "language",
        FacetField.OriginLanguage => "origin_language",
        FacetField.Outlet => "outlet",
        FacetField.PublishedMonth => "published_month",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public static FacetField? Parse(string name) => All.Select(f => (FacetField?)f).FirstOrDefault(f => NameOf(f!.Value) == name.Trim().ToLowerInvariant());

    public static string MonthOf(DateTimeOffset published) => published.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

public readonly record struct FacetCount(string Value, long Count);

/// <summary>One facet's counts over every match, highest count first, ties by value (ordinal), at most the requested size.</summary>
public sealed record FacetCounts(FacetField Field, IReadOnlyList<FacetCount> Values)
{
    /// <summary>The top <paramref name="size"/> of <paramref name="counts"/>, in the one order both backends answer in.</summary>
    public static FacetCounts Top(FacetField field, IEnumerable<KeyValuePair<string, long>> counts, int size) =>
        new(field, [.. counts.Where(c => c.Value > 0)
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(size)
            .Select(c => new FacetCount(c.Key, c.Value))]);
}

/// <summary>
/// Filters, order and facets of a search, beyond its words and language filters. Dates: <paramref name="PublishedAfter"/>
/// inclusive, <paramref name="PublishedBefore"/> exclusive; an undated document never passes a date filter.
/// <paramref name="OutletKeys"/> are normalised with <see cref="Indexing.IndexFields.OutletKeyOf"/>.
/// </summary>
public sealed record SearchRefinements(
    DateTimeOffset? PublishedAfter = null,
    DateTimeOffset? PublishedBefore = null,
    IReadOnlyList<string>? OutletKeys = null,
    ResultOrder Order = ResultOrder.Relevance,
    IReadOnlyList<FacetField>? Facets = null,
    int FacetSize = FacetFields.DefaultSize)
{
    public static readonly SearchRefinements None = new();

    public IReadOnlyList<string> Outlets => OutletKeys ?? [];

    public IReadOnlyList<FacetField> FacetFields => Facets ?? [];

    public bool HasDateFilter => PublishedAfter is not null || PublishedBefore is not null;
}
