using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.GrpcHosting;

namespace SearchSuite.Ingest;

/// <summary>Why a submission was refused: the request field at fault and a message a client can act on.</summary>
public sealed record ValidationProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>The one set of rules for a submitted document, shared by gRPC and the bulk queue.</summary>
public sealed class SubmissionValidator(IOptions<IngestOptions> options)
{
    public const int MaxTitleLength = 2_000;
    public const int MaxUrlLength = 4_096;
    public const int MaxMetadataEntries = 64;
    public const int MaxMetadataKeyLength = 128;
    public const int MaxMetadataValueLength = 8_192;

    /// <returns>The first problem found, or null when the submission is valid.</returns>
    public ValidationProblem? Validate(DocumentSubmission submission)
    {
        if (string.IsNullOrWhiteSpace(submission.Text))
            return new("text", "must not be empty");
        if (submission.Text.Length > options.Value.MaxTextLength)
            return new("text", $"is {submission.Text.Length} characters long; the limit is {options.Value.MaxTextLength}");
        // Optional: an empty id is derived from the text.
        if (submission.DocumentId is { Length: > 0 } id && DocumentIds.Problem(id) is { } idProblem)
            return new("document_id", idProblem);
        if (submission.Title is { Length: > MaxTitleLength })
            return new("title", $"is longer than {MaxTitleLength} characters");
        if (submission.SourceUrl is { Length: > 0 } url && UrlProblem(url) is { } urlProblem)
            return new("source_url", urlProblem);
        if (submission.Language is { Length: > 0 } language && !IsoLanguage.IsValidCode(language.ToLowerInvariant()))
            return new("language", $"{GrpcErrors.Echo(language)} is not an ISO 639-1 code such as de, en or vi");
        if (submission.Metadata is { } metadata)
        {
            if (metadata.Count > MaxMetadataEntries)
                return new("metadata", $"has {metadata.Count} entries; the limit is {MaxMetadataEntries}");
            foreach (var (key, value) in metadata)
            {
                if (string.IsNullOrWhiteSpace(key) || key.Length > MaxMetadataKeyLength)
                    return new("metadata", $"keys must be non-empty and at most {MaxMetadataKeyLength} characters");
                if (value is null || value.Length > MaxMetadataValueLength)
                    return new("metadata", $"value of {GrpcErrors.Echo(key)} must be set and at most {MaxMetadataValueLength} characters");
                // The metadata key overrides the field (ingest.proto), so it obeys the same rule.
                if (key == DocumentSubmitted.SourceUrlKey && value.Length > 0 && UrlProblem(value) is { } metadataUrlProblem)
                    return new($"metadata.{DocumentSubmitted.SourceUrlKey}", metadataUrlProblem);
                if (key == PublicationTime.MetadataKey && PublicationTime.Parse(value) is null)
                    return new("metadata.published_at", $"{GrpcErrors.Echo(value)} is not an RFC 3339 date-time with an offset, such as 2025-03-04T21:29:00+07:00");
            }
        }
        return null;
    }

    /// <summary>Only http and https: a source URL is shown to readers as a link, so javascript:, data: or file: would be unsafe.</summary>
    private static string? UrlProblem(string url) =>
        url.Length <= MaxUrlLength && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? null
            : $"must be an absolute http:// or https:// URL of at most {MaxUrlLength} characters";
}
