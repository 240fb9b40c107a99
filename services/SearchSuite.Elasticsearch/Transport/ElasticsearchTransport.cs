using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace SearchSuite.Elasticsearch.Transport;

internal sealed record TransportRequest(HttpMethod Method, string Path, string? Body = null, string ContentType = "application/json")
{
    public string PathAndQuery => "/" + Path;
}

/// <summary>Sends one REST call with retries and turns every outcome, failures included, into a response object.</summary>
internal sealed class ElasticsearchTransport
{
    private sealed record WireResponse(int StatusCode, string Body);

    private readonly HttpClient _http;
    private readonly ElasticsearchClientOptions _options;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly ResiliencePipeline<WireResponse> _retry;

    public ElasticsearchTransport(HttpClient http, ElasticsearchClientOptions options)
    {
        _http = http;
        _options = options;
        _authorization = AuthorizationFor(options);
        _retry = BuildRetryPipeline(options);
    }

    public async Task<TResponse> RequestAsync<TResponse>(
        TransportRequest request, CancellationToken cancellationToken, params int[] acceptedStatusCodes)
        where TResponse : ElasticsearchResponse, new()
    {
        var attempts = 0;
        WireResponse? wire = null;
        Exception? failure = null;
        try
        {
            wire = await _retry.ExecuteAsync(async token =>
            {
                attempts++;
                return await SendOnceAsync(request, token);
            }, cancellationToken);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            failure = exception;
        }

        var (response, parseFailure) = Parse<TResponse>(wire);
        response.AcceptedStatusCodes = acceptedStatusCodes;
        response.ApiCallDetails = new ApiCallDetails
        {
            HttpMethod = request.Method,
            PathAndQuery = request.PathAndQuery,
            HttpStatusCode = wire?.StatusCode,
            Attempts = attempts,
            OriginalException = failure ?? parseFailure,
            ResponseBody = wire?.Body,
        };
        return response;
    }

    private static (TResponse Response, Exception? ParseFailure) Parse<TResponse>(WireResponse? wire)
        where TResponse : ElasticsearchResponse, new()
    {
        if (wire is null || string.IsNullOrWhiteSpace(wire.Body)) return (new TResponse(), null);
        try
        {
            using var document = JsonDocument.Parse(wire.Body);
            var root = document.RootElement;
            var response = root.ValueKind == JsonValueKind.Object
                ? root.Deserialize<TResponse>(ElasticsearchJson.Options) ?? new TResponse()
                : new TResponse();
            if (wire.StatusCode is < 200 or >= 300)
                response.ElasticsearchServerError = ElasticsearchServerError.TryParse(root, wire.StatusCode);
            return (response, null);
        }
        catch (JsonException exception)
        {
            // E.g. an HTML error page from a proxy in front of the cluster.
            return (new TResponse(), exception);
        }
    }

    private async Task<WireResponse> SendOnceAsync(TransportRequest request, CancellationToken cancellationToken)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(_options.RequestTimeout);
        using var message = new HttpRequestMessage(request.Method, new Uri(_options.Uri.AbsoluteUri.TrimEnd('/') + request.PathAndQuery));
        message.Headers.Authorization = _authorization;
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType);
        }
        try
        {
            using var response = await _http.SendAsync(message, attemptTimeout.Token);
            var body = await response.Content.ReadAsStringAsync(attemptTimeout.Token);
            return new WireResponse((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Elasticsearch did not answer {request.Method} {request.PathAndQuery} within {_options.RequestTimeout}.");
        }
    }

    /// <summary>Caller cancellation still throws; everything else that stops a call is reported on the response.</summary>
    private static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or TimeoutException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool IsRetryableStatus(int status) => status is 429 or 500 or 502 or 503 or 504;

    private static ResiliencePipeline<WireResponse> BuildRetryPipeline(ElasticsearchClientOptions options)
    {
        if (options.MaxRetries <= 0) return ResiliencePipeline<WireResponse>.Empty;
        return new ResiliencePipelineBuilder<WireResponse>()
            .AddRetry(new RetryStrategyOptions<WireResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = new PredicateBuilder<WireResponse>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutException>()
                    .HandleResult(wire => IsRetryableStatus(wire.StatusCode)),
            })
            .Build();
    }

    private static AuthenticationHeaderValue? AuthorizationFor(ElasticsearchClientOptions options)
    {
        if (!string.IsNullOrEmpty(options.ApiKey)) return new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        if (string.IsNullOrEmpty(options.Username)) return null;
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
        return new AuthenticationHeaderValue("Basic", credentials);
    }
}
