using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using SearchSuite.Search.Stories;
using SearchSuite.GrpcHosting;
using SearchSuite.V1;

namespace SearchSuite.Search;

public sealed class SearchGrpcService(ISearchIndex index, QueryPlanner planner, IIndexedNames indexedNames) : SearchService.SearchServiceBase
{
    /// <summary>Most versions GetStory lists.</summary>
    public const int MaxStoryVersions = 500;

    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;
    public const int MaxQueryLength = 1_000;
    /// <summary>Most codes in <c>languages</c> or <c>origin_languages</c>: each adds a clause to every search.</summary>
    public const int MaxLanguageFilters = 32;
    /// <summary>Most outlets in <c>outlets</c>, and the longest one: each adds a clause to the search.</summary>
    public const int MaxOutletFilters = 32;
    public const int MaxOutletLength = 200;
    /// <summary>Longest page token; the tokens this service issues are far shorter.</summary>
    public const int MaxPageTokenLength = 512;

    public override async Task<SearchResponse> Search(SearchRequest request, ServerCallContext context)
    {
        var query = Validate(request);
        var plan = planner.Plan(query);
        if (plan.Words.Count == 0 && plan.Phrases.Count == 0)
            throw InvalidArgument("query", "has only exclusions (-word, -\"phrase\"); add a word or phrase to search for");
        var result = await index.SearchAsync(plan, context.CancellationToken);

        var response = new SearchResponse { TotalHits = result.TotalHits, TotalStories = result.TotalStories };
        var decorator = new HitDecorator(plan, indexedNames.KeyOf);
        foreach (var hit in result.Hits)
        {
            var decoration = decorator.Decorate(hit.Document);
            var protoHit = new SearchHit
            {
                DocumentId = hit.Document.DocumentId,
                Language = hit.Document.Language,
                Title = hit.Document.Title,
                Score = hit.Score,
                Snippet = decoration.Snippet,
                OriginLanguage = hit.Document.OriginLanguage ?? "",
                SourceUrl = hit.Document.SourceUrl ?? "",
                Outlet = hit.Document.Outlet ?? "",
                RelatedHeadlineMatch = decoration.RelatedHeadlineMatch,
                StoryId = hit.Document.StoryId,
                Duplicate = hit.Document.DuplicateOf is not null,
                PublishedAt = ToTimestamp(hit.Document.PublishedAt),
            };
            protoHit.Versions.Add((hit.Versions ?? []).Select(ToVersion));
            protoHit.CitedSources.Add(hit.Document.CitedSources);
            protoHit.MatchedNames.Add(decoration.MatchedNames);
            response.Hits.Add(protoHit);
        }
        foreach (var word in plan.MatchedWords.Where(w => w.Names.Count > 0))
        {
            var expansion = new QueryNameExpansion { QueryName = word.Text };
            expansion.Forms.Add(word.Names.Select(n => new NameForm { Form = n.Form, Source = WireName(n.Source) }));
            response.NameExpansions.Add(expansion);
        }
        foreach (var counts in result.Facets)
        {
            var facet = new Facet { Name = FacetFields.NameOf(counts.Field) };
            facet.Values.Add(counts.Values.Select(v => new FacetValue { Value = v.Value, Count = v.Count }));
            response.Facets.Add(facet);
        }
        var next = query.Offset + result.Hits.Count;
        var total = query.GroupByStory ? result.TotalStories : result.TotalHits;
        if (result.Hits.Count == query.Limit && next < total && next <= PageToken.MaxOffset)
            response.NextPageToken = PageToken.Create(next, QueryIdentity(request));
        return response;
    }

    public override async Task<V1.Document> GetDocument(GetDocumentRequest request, ServerCallContext context)
    {
        if (DocumentIds.Problem(request.DocumentId) is { } problem)
            throw InvalidArgument("document_id", problem);
        var document = await index.GetAsync(request.DocumentId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"document_id: no document '{request.DocumentId}' has been indexed; one ingested moments ago becomes searchable within seconds"));
        return ToProto(document);
    }

    public override async Task<Story> GetStory(GetStoryRequest request, ServerCallContext context)
    {
        // A story is named after its first version, so its id follows the document-id rule.
        if (DocumentIds.Problem(request.StoryId) is { } problem)
            throw InvalidArgument("story_id", problem);
        var versions = await index.GetStoryAsync(request.StoryId, MaxStoryVersions, context.CancellationToken);
        if (versions.Count == 0)
            throw new RpcException(new Status(StatusCode.NotFound, $"story_id: no story '{request.StoryId}': no version of it is searchable, or it merged into another story (GetDocument on one of its versions gives the story_id it joined)"));
        var story = new Story { StoryId = request.StoryId };
        story.Versions.Add(versions.Select(ToVersion));
        story.Languages.Add(versions.Select(v => v.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        story.Outlets.Add(versions.Select(v => v.Outlet).OfType<string>().Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        story.MergedStoryIds.Add(versions.SelectMany(v => v.MergedStoryIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var origin = StoryOriginal.Find(versions);
        if (origin.Version is not null) story.Original = ToVersion(origin.Version);
        story.OriginalOutlet = origin.Outlet ?? "";
        return story;
    }

    public static StoryVersion ToVersion(DocumentNormalized document) => new()
    {
        DocumentId = document.DocumentId,
        Language = document.Language,
        OriginLanguage = document.OriginLanguage ?? "",
        Outlet = document.Outlet ?? "",
        Title = document.Title,
        Duplicate = document.DuplicateOf is not null,
        DuplicateOf = document.DuplicateOf ?? "",
    };

    public static V1.Document ToProto(DocumentNormalized document)
    {
        var proto = new V1.Document
        {
            DocumentId = document.DocumentId,
            Language = document.Language,
            LanguageConfidence = document.LanguageConfidence ?? 0,
            Title = document.Title,
            Text = document.Text,
            OriginLanguage = document.OriginLanguage ?? "",
            SourceUrl = document.SourceUrl ?? "",
            Outlet = document.Outlet ?? "",
            Fingerprint = document.Fingerprint,
            IngestedAt = Timestamp.FromDateTimeOffset(document.SubmittedAt),
            StoryId = document.StoryId,
            DuplicateOf = document.DuplicateOf ?? "",
            PublishedAt = ToTimestamp(document.PublishedAt),
        };
        proto.MergedStoryIds.Add(document.MergedStoryIds);
        proto.CitedSources.Add(document.CitedSources);
        proto.Removed.Add(document.Removed.Select(r => new V1.RemovedSpan { Kind = r.Kind, Text = r.Text, Start = r.Start, Length = r.Length }));
        proto.RelatedHeadlines.Add(document.RelatedHeadlines);
        proto.PersonNames.Add(document.PersonNames);
        foreach (var (key, value) in document.Metadata) proto.Metadata[key] = value;
        return proto;
    }

    private static SearchQuery Validate(SearchRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
            throw InvalidArgument("query", "must not be empty");
        if (request.Query.Length > MaxQueryLength)
            throw InvalidArgument("query", $"is longer than {MaxQueryLength} characters");
        var words = QueryPlanner.Words(request.Query);
        if (words.Count == 0)
            throw InvalidArgument("query", "must contain at least one word");
        if (words.Count > QueryPlanner.MaxWords)
            throw InvalidArgument("query", $"has {words.Count} words; the limit is {QueryPlanner.MaxWords}");
        var languages = ValidLanguages("languages", request.Languages);
        var origins = ValidLanguages("origin_languages", request.OriginLanguages);
        if (request.PageSize is < 0 or > MaxPageSize)
            throw InvalidArgument("page_size", $"must be between 1 and {MaxPageSize} (0 for the default of {DefaultPageSize})");
        var offset = 0;
        if (request.PageToken.Length > MaxPageTokenLength)
            throw InvalidArgument("page_token", $"is longer than {MaxPageTokenLength} characters; use the token from the previous response");
        if (request.PageToken.Length > 0 && !PageToken.TryRead(request.PageToken, QueryIdentity(request), out offset))
            throw InvalidArgument("page_token", "is not a token this search issued; repeat the same query and filters with the token from its response");
        var limit = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        return new SearchQuery(request.Query, languages, origins, offset, limit, request.NameExpansion != NameExpansion.Off, request.GroupByStory)
        {
            Refinements = ValidRefinements(request),
        };
    }

    private static SearchRefinements ValidRefinements(SearchRequest request)
    {
        var after = ValidTimestamp("published_after", request.PublishedAfter);
        var before = ValidTimestamp("published_before", request.PublishedBefore);
        if (after is not null && before is not null && before <= after)
            throw InvalidArgument("published_before", "must be later than published_after (published_after is inclusive, published_before exclusive)");
        if (request.Outlets.Count > MaxOutletFilters)
            throw InvalidArgument("outlets", $"has {request.Outlets.Count} outlets; the limit is {MaxOutletFilters}");
        if (request.Outlets.Any(o => string.IsNullOrWhiteSpace(o) || o.Length > MaxOutletLength))
            throw InvalidArgument("outlets", $"each outlet must be non-empty and at most {MaxOutletLength} characters");
        var order = request.Order switch
        {
            SearchOrder.Unspecified or SearchOrder.Relevance => ResultOrder.Relevance,
            SearchOrder.Newest => ResultOrder.Newest,
            SearchOrder.Oldest => ResultOrder.Oldest,
            _ => throw InvalidArgument("order", $"{(int)request.Order} is not a SearchOrder (RELEVANCE, NEWEST or OLDEST)"),
        };
        var facets = new List<FacetField>();
        foreach (var name in request.Facets)
        {
            var facet = FacetFields.Parse(name)
                ?? throw InvalidArgument("facets", $"{GrpcErrors.Echo(name)} is not a facet; use {string.Join(", ", FacetFields.All.Select(FacetFields.NameOf))}");
            if (!facets.Contains(facet)) facets.Add(facet);
        }
        if (request.FacetSize is < 0 or > FacetFields.MaxSize)
            throw InvalidArgument("facet_size", $"must be between 1 and {FacetFields.MaxSize} (0 for the default of {FacetFields.DefaultSize})");
        return new SearchRefinements(after, before, [.. request.Outlets.Select(IndexFields.OutletKeyOf).Distinct(StringComparer.Ordinal)], order, facets,
            request.FacetSize == 0 ? FacetFields.DefaultSize : request.FacetSize);
    }

    private static DateTimeOffset? ValidTimestamp(string field, Timestamp? timestamp)
    {
        if (timestamp is null) return null;
        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw InvalidArgument(field, "is not a valid timestamp between 0001-01-01 and 9999-12-31");
        }
    }

    /// <summary>NameForm.source as search.proto documents it; spelled out so renaming an enum member cannot change the wire.</summary>
    private static string WireName(SearchSuite.Names.ExpansionSource source) => source switch
    {
        SearchSuite.Names.ExpansionSource.Exact => "exact",
        SearchSuite.Names.ExpansionSource.Curated => "curated",
        SearchSuite.Names.ExpansionSource.Key => "key",
        SearchSuite.Names.ExpansionSource.Fuzzy => "fuzzy",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "a new expansion source needs its wire name here and in search.proto"),
    };

    private static Timestamp? ToTimestamp(DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;

    private static IReadOnlyList<string> ValidLanguages(string field, IReadOnlyCollection<string> codes)
    {
        if (codes.Count > MaxLanguageFilters)
            throw InvalidArgument(field, $"has {codes.Count} codes; the limit is {MaxLanguageFilters}");
        var valid = new List<string>();
        foreach (var code in codes)
        {
            var canonical = code.ToLowerInvariant();
            if (!IsoLanguage.IsValidCode(canonical))
                throw InvalidArgument(field, $"{GrpcErrors.Echo(code)} is not an ISO 639-1 code such as de, en or vi");
            valid.Add(canonical);
        }
        return valid;
    }

    /// <summary>Everything that defines the result list, except the page position.</summary>
    private static string QueryIdentity(SearchRequest request) =>
        string.Join('\u001f', request.Query, string.Join(',', request.Languages), string.Join(',', request.OriginLanguages), request.PageSize, request.NameExpansion, request.GroupByStory,
            request.PublishedAfter, request.PublishedBefore, string.Join(',', request.Outlets), request.Order);

    /// <summary>The error for bad input, naming the field first ("field: message"), for every gRPC service of search.</summary>
    internal static RpcException InvalidArgument(string field, string message) => GrpcErrors.InvalidArgument(field, message);
}
