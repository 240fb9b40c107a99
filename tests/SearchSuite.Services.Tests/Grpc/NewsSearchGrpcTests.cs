using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SearchSuite.Services.Tests.Grpc.Unit;
using SearchSuite.V1;
using Xunit.Abstractions;

namespace SearchSuite.Services.Tests.Grpc;

/// <summary>Publication dates, date and outlet filters, date orders and facets through gRPC, ingest to search, in one process.</summary>
public sealed class NewsSearchGrpcTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTimeOffset March4 = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private readonly VerifyNoErrorsScope logs = new(output);
    private InProcessServer server = null!;

    public async Task InitializeAsync() => server = await InProcessServer.StartAsync(logs: logs);

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        logs.Dispose();
    }

    private async Task IngestAsync(params IngestRequest[] requests)
    {
        foreach (var request in requests) await server.Ingest().IngestAsync(request);
        foreach (var request in requests) await server.WaitUntilSearchableAsync(request.DocumentId);
    }

    /// <summary>An article about the Kremlin's talks, unique per id; published by field, by metadata, by date line or not at all.</summary>
    private static IngestRequest Article(string id, string outlet, DateTimeOffset? publishedAt = null, string? metadataDate = null, string dateLine = "")
    {
        var request = new IngestRequest
        {
            DocumentId = id,
            Text = $"{dateLine}Kremlin spokesman Dmitry Peskov said the talks on the nuclear programme would continue, report {id}.",
            Language = "en",
            PublishedAt = publishedAt is { } p ? Timestamp.FromDateTimeOffset(p) : null,
        };
        request.Metadata["outlet"] = outlet;
        if (metadataDate is not null) request.Metadata["published_at"] = metadataDate;
        return request;
    }

    [Fact]
    public async Task Publication_dates_come_from_the_field_the_metadata_key_or_a_date_line_and_are_never_guessed()
    {
        await IngestAsync(
            Article("by-field", "Reuters", publishedAt: March4),
            Article("by-metadata", "Reuters", metadataDate: "2025-03-05T19:00:00+07:00"),
            Article("by-dateline", "Reuters", dateLine: "Published 6 March 2025\n"),
            Article("undated", "Reuters"));

        async Task<DateTimeOffset?> PublishedAt(string id)
        {
            var document = await server.Search.GetDocumentAsync(new GetDocumentRequest { DocumentId = id });
            Assert.NotNull(document.IngestedAt);
            return document.PublishedAt?.ToDateTimeOffset();
        }
        Assert.Equal(March4, await PublishedAt("by-field"));
        Assert.Equal(new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.Zero), await PublishedAt("by-metadata"));
        Assert.Equal(new DateTimeOffset(2025, 3, 6, 0, 0, 0, TimeSpan.Zero), await PublishedAt("by-dateline"));
        Assert.Null(await PublishedAt("undated"));

        var newest = new SearchRequest { Query = "Peskov", Order = SearchOrder.Newest };
        var hits = (await server.Search.SearchAsync(newest)).Hits;
        Assert.Equal(["by-dateline", "by-metadata", "by-field", "undated"], hits.Select(h => h.DocumentId));
        Assert.Equal(March4, hits[2].PublishedAt.ToDateTimeOffset());
        Assert.Null(hits[3].PublishedAt);
    }

    [Fact]
    public async Task Filters_order_paging_and_facets_work_together()
    {
        await IngestAsync(
            Article("a", "Dan Tri", publishedAt: March4),
            Article("b", "Bloomberg", publishedAt: March4.AddDays(1)),
            Article("c", "dan tri", publishedAt: March4.AddDays(40)),
            Article("d", "Bloomberg"));

        var request = new SearchRequest
        {
            Query = "Peskov",
            PublishedAfter = Timestamp.FromDateTimeOffset(March4),
            Order = SearchOrder.Oldest,
            PageSize = 1,
            FacetSize = 5,
        };
        request.Outlets.Add("DAN TRI");
        request.Facets.Add(["outlet", "published_month"]);
        var first = await server.Search.SearchAsync(request);
        var next = request.Clone();
        next.PageToken = first.NextPageToken;
        var second = await server.Search.SearchAsync(next);

        Assert.Equal((2L, "a", "c"), (first.TotalHits, first.Hits[0].DocumentId, second.Hits[0].DocumentId));
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(["outlet", "published_month"], first.Facets.Select(f => f.Name));
        Assert.Equal([("Dan Tri", 1L), ("dan tri", 1L)], first.Facets[0].Values.Select(v => (v.Value, v.Count)));
        Assert.Equal([("2025-03", 1L), ("2025-04", 1L)], first.Facets[1].Values.Select(v => (v.Value, v.Count)));
    }

    [Theory]
    [InlineData("facets", "nope")]
    [InlineData("facet_size", "101")]
    [InlineData("published_before", "before-after")]
    [InlineData("outlets", " ")]
    [InlineData("order", "9")]
    public async Task Bad_refinements_are_INVALID_ARGUMENT_naming_the_field(string field, string value)
    {
        var request = new SearchRequest { Query = "Peskov" };
        switch (field)
        {
            case "facets": request.Facets.Add(value); break;
            case "facet_size": request.FacetSize = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "published_before":
                request.PublishedAfter = Timestamp.FromDateTimeOffset(March4);
                request.PublishedBefore = Timestamp.FromDateTimeOffset(March4);
                break;
            case "outlets": request.Outlets.Add(value); break;
            case "order": request.Order = (SearchOrder)9; break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Search.SearchAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
    }

    [Fact]
    public async Task An_unreadable_publication_time_is_INVALID_ARGUMENT_naming_its_field()
    {
        var metadata = await Assert.ThrowsAsync<RpcException>(() => server.Ingest().IngestAsync(Article("x", "Reuters", metadataDate: "4 March 2025")).ResponseAsync);
        Assert.StartsWith("metadata.published_at:", metadata.Status.Detail);
        var noOffset = await Assert.ThrowsAsync<RpcException>(() => server.Ingest().IngestAsync(Article("x", "Reuters", metadataDate: "2025-03-04T12:00:00")).ResponseAsync);
        Assert.StartsWith("metadata.published_at:", noOffset.Status.Detail);
        var field = Article("x", "Reuters");
        field.PublishedAt = new Timestamp { Seconds = 1, Nanos = -5 };
        var timestamp = await Assert.ThrowsAsync<RpcException>(() => server.Ingest().IngestAsync(field).ResponseAsync);
        Assert.StartsWith("published_at:", timestamp.Status.Detail);
    }

    [Fact]
    public async Task A_query_of_exclusions_only_is_INVALID_ARGUMENT_with_the_reason()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Search.SearchAsync(new SearchRequest { Query = "-Putin -\"Saudi Arabia\"" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("query: has only exclusions", error.Status.Detail);
    }

    /// <summary>Random quote, operator and bracket soup over gRPC: never an error beyond the documented ones (no word, only exclusions).</summary>
    [Fact]
    public async Task Random_query_syntax_never_errors()
    {
        await IngestAsync(Article("a", "Reuters", publishedAt: March4));
        string[] pieces = ["\"", "“", "„", "-", "OR", "AND", "NOT", "(", ")", "[", "]", "{", "}", "*", "~", "^2", ":", "title:", "\\", "/", "Peskov", "Kremlin", "talks", "the", " ", "'", "+", "&&", "||", "!", "?", "<", ">", "="];
        var random = new Random(1414);
        for (var i = 0; i < 300; i++)
        {
            var query = string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => pieces[random.Next(pieces.Length)] + (random.Next(3) == 0 ? " " : "")));
            try
            {
                await server.Search.SearchAsync(new SearchRequest { Query = query, Order = (SearchOrder)random.Next(4) });
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.InvalidArgument
                && (error.Status.Detail.StartsWith("query: must", StringComparison.Ordinal) || error.Status.Detail.StartsWith("query: has only exclusions", StringComparison.Ordinal)))
            {
                // Documented: no word to search for, or only exclusions.
            }
            catch (RpcException error)
            {
                Assert.Fail($"query {query}: {error.Status}");
            }
        }
    }
}
