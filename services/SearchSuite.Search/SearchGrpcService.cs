using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using SearchSuite.Text;
using SearchSuite.V1;

namespace SearchSuite.Search;

public sealed class SearchGrpcService(ISearchIndex index, QueryPlanner planner, IIndexedNames indexedNames) : SearchService.SearchServiceBase
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;
    public const int MaxQueryLength = 1_000;

    public override async Task<SearchResponse> Search(SearchRequest request, ServerCallContext context)
    {
        var query = Validate(request);
        var plan = planner.Plan(query);
        var result = await index.SearchAsync(plan, context.CancellationToken);

        var response = new SearchResponse { TotalHits = result.TotalHits };
        foreach (var hit in result.Hits)
        {
            var decoration = HitDecorator.Decorate(plan, hit.Document, indexedNames.KeyOf);
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
            };
            protoHit.CitedSources.Add(hit.Document.CitedSources);
            protoHit.MatchedNames.Add(decoration.MatchedNames);
            response.Hits.Add(protoHit);
        }
        foreach (var word in plan.Words.Where(w => w.Names.Count > 0))
        {
            var expansion = new QueryNameExpansion { QueryName = word.Text };
            expansion.Forms.Add(word.Names.Select(n => new NameForm { Form = n.Form, Source = n.Source.ToString().ToLowerInvariant() }));
            response.NameExpansions.Add(expansion);
        }
        var next = query.Offset + result.Hits.Count;
        if (result.Hits.Count == query.Limit && next < result.TotalHits && next <= PageToken.MaxOffset)
            response.NextPageToken = PageToken.Create(next, QueryIdentity(request));
        return response;
    }

    public override async Task<V1.Document> GetDocument(GetDocumentRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.DocumentId))
            throw InvalidArgument("document_id", "must not be empty");
        var document = await index.GetAsync(request.DocumentId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"document_id: no document '{request.DocumentId}' has been indexed; one ingested moments ago becomes searchable within seconds"));
        return ToProto(document);
    }

    public static V1.Document ToProto(DocumentNormalized document)
    {
        var proto = new V1.Document
        {
            DocumentId = document.DocumentId,
            Language = document.Language,
            Title = document.Title,
            Text = document.Text,
            OriginLanguage = document.OriginLanguage ?? "",
            SourceUrl = document.SourceUrl ?? "",
            Outlet = document.Outlet ?? "",
            Fingerprint = document.Fingerprint,
            IngestedAt = Timestamp.FromDateTimeOffset(document.SubmittedAt),
        };
        proto.CitedSources.Add(document.CitedSources);
        proto.Removed.Add(document.Removed.Select(r => new V1.RemovedSpan { Kind = r.Kind, Text = r.Text }));
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
        if (request.PageToken.Length > 0 && !PageToken.TryRead(request.PageToken, QueryIdentity(request), out offset))
            throw InvalidArgument("page_token", "is not a token this search issued; repeat the same query and filters with the token from its response");
        var limit = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        return new SearchQuery(request.Query, languages, origins, offset, limit, request.NameExpansion != NameExpansion.Off);
    }

    private static IReadOnlyList<string> ValidLanguages(string field, IEnumerable<string> codes)
    {
        var valid = new List<string>();
        foreach (var code in codes)
        {
            var canonical = code.ToLowerInvariant();
            if (!IsoLanguage.IsValidCode(canonical))
                throw InvalidArgument(field, $"'{code}' is not an ISO 639-1 code such as de, en or vi");
            valid.Add(canonical);
        }
        return valid;
    }

    /// <summary>Everything that defines the result list, except the page position.</summary>
    private static string QueryIdentity(SearchRequest request) =>
        string.Join('\u001f', request.Query, string.Join(',', request.Languages), string.Join(',', request.OriginLanguages), request.PageSize, request.NameExpansion);

    /// <summary>The error for bad input, naming the field first ("field: message"), for every gRPC service of search.</summary>
    internal static RpcException InvalidArgument(string field, string message) =>
        new(new Status(StatusCode.InvalidArgument, $"{field}: {message}"));
}
