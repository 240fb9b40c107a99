using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// Counts facet values over every matching document from doc values (Lucene.Net.Facet is not on the package source):
/// keyword facets per segment ordinal, resolved to values when the segment ends; the month from published_at's numeric
/// doc values. Runs beside the collector that keeps the page (<see cref="MultiCollector"/>).
/// </summary>
public sealed class FacetCountingCollector : ICollector
{
    private readonly IReadOnlyList<FacetField> fields;
    private readonly Dictionary<string, long>[] totals;
    private readonly SortedDocValues?[] segmentValues;
    private readonly long[]?[] segmentCounts;
    private NumericDocValues? published;
    private IBits? dated;
    private readonly Dictionary<long, long> months = [];
    private readonly BytesRef scratch = new();

    public FacetCountingCollector(IReadOnlyList<FacetField> fields)
    {
        this.fields = fields;
        totals = [.. fields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
        segmentValues = new SortedDocValues?[fields.Count];
        segmentCounts = new long[]?[fields.Count];
    }

    /// <summary>The doc-values field each keyword facet is counted from (indexed by <see cref="LuceneSearchIndex"/>).</summary>
    public static string DocValuesFieldOf(FacetField field) => field switch
    {
        FacetField.Language => IndexFields.Language,
        FacetField.OriginLanguage => IndexFields.OriginLanguage,
        FacetField.Outlet => IndexFields.Outlet,
        FacetField.PublishedMonth => IndexFields.PublishedAt,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        var reader = context.AtomicReader;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] == FacetField.PublishedMonth)
            {
                published = reader.GetNumericDocValues(IndexFields.PublishedAt);
                dated = reader.GetDocsWithField(IndexFields.PublishedAt);
                continue;
            }
            var values = reader.GetSortedDocValues(DocValuesFieldOf(fields[i]));
            segmentValues[i] = values;
            segmentCounts[i] = values is null ? null : new long[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] == FacetField.PublishedMonth)
            {
                if (published is not null && dated is not null && dated.Get(doc))
                {
                    var month = MonthIndex(published.Get(doc));
                    months[month] = months.GetValueOrDefault(month) + 1;
                }
                continue;
            }
            var ord = segmentValues[i]?.GetOrd(doc) ?? -1;
            if (ord >= 0) segmentCounts[i]![ord]++;
        }
    }

    /// <summary>Each facet's top <paramref name="size"/> values, in the order the fields were asked for.</summary>
    public IReadOnlyList<FacetCounts> Results(int size)
    {
        FlushSegment();
        return [.. fields.Select((field, i) => field == FacetField.PublishedMonth
            ? FacetCounts.Top(field, months.Select(m => KeyValuePair.Create(MonthName(m.Key), m.Value)), size)
            : FacetCounts.Top(field, totals[i], size))];
    }

    private void FlushSegment()
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (segmentCounts[i] is not { } counts) continue;
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                segmentValues[i]!.LookupOrd(ord, scratch);
                var value = scratch.Utf8ToString();
                totals[i][value] = totals[i].GetValueOrDefault(value) + counts[ord];
            }
            segmentCounts[i] = null;
            segmentValues[i] = null;
        }
    }

    /// <summary>Months since year 0: a number per document, named once per month at the end.</summary>
    private static long MonthIndex(long unixMilliseconds)
    {
        var date = DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).UtcDateTime;
        return date.Year * 12L + date.Month - 1;
    }

    private static string MonthName(long monthIndex) => FacetFields.MonthOf(new DateTimeOffset((int)(monthIndex / 12), (int)(monthIndex % 12) + 1, 1, 0, 0, 0, TimeSpan.Zero));
}
