using System.Text;
using System.Text.Json.Serialization;

namespace SearchSuite.Elasticsearch;

/// <summary>
/// Base of every response. Calls never throw for server or transport failures: check
/// <see cref="IsValidResponse"/> and read <see cref="ElasticsearchServerError"/> or <see cref="DebugInformation"/>.
/// </summary>
public abstract class ElasticsearchResponse
{
    private const int MaxBodyInDebugInformation = 2000;

    [JsonIgnore] public ApiCallDetails ApiCallDetails { get; internal set; } = null!;

    [JsonIgnore] public ElasticsearchServerError? ElasticsearchServerError { get; internal set; }

    /// <summary>Statuses besides 2xx that are a normal answer for this call (404 for "does not exist").</summary>
    [JsonIgnore] internal int[] AcceptedStatusCodes { get; set; } = [];

    [JsonIgnore]
    public virtual bool IsValidResponse =>
        ApiCallDetails.OriginalException is null
        && ElasticsearchServerError is null
        && (ApiCallDetails.HasSuccessfulStatusCode || AcceptedStatusCodes.Contains(ApiCallDetails.HttpStatusCode ?? 0));

    [JsonIgnore]
    public string DebugInformation
    {
        get
        {
            var details = ApiCallDetails;
            var text = new StringBuilder()
                .Append(IsValidResponse ? "Valid" : "Invalid")
                .Append(" Elasticsearch response to ").Append(details.HttpMethod).Append(' ').Append(details.PathAndQuery)
                .Append(": HTTP ").Append(details.HttpStatusCode?.ToString() ?? "none")
                .Append(" after ").Append(details.Attempts).Append(" attempt(s)");
            if (ElasticsearchServerError is { } error) text.Append("\n# ServerError: ").Append(error);
            foreach (var cause in ElasticsearchServerError?.Error.RootCause ?? [])
                text.Append("\n# RootCause: ").Append(cause);
            AppendDetails(text);
            if (details.OriginalException is { } exception)
                text.Append("\n# OriginalException: ").Append(exception.GetType().Name).Append(": ").Append(exception.Message);
            if (!string.IsNullOrEmpty(details.ResponseBody))
            {
                var body = details.ResponseBody.Length > MaxBodyInDebugInformation
                    ? details.ResponseBody[..MaxBodyInDebugInformation] + "…"
                    : details.ResponseBody;
                text.Append("\n# Response: ").Append(body);
            }
            return text.ToString();
        }
    }

    /// <summary>Lets a response add its own failure details (e.g. failed bulk items).</summary>
    private protected virtual void AppendDetails(StringBuilder text)
    {
    }
}

/// <summary>Responses that only acknowledge (create/delete index, update aliases).</summary>
public sealed class AcknowledgedResponse : ElasticsearchResponse
{
    [JsonPropertyName("acknowledged")] public bool Acknowledged { get; init; }
}
