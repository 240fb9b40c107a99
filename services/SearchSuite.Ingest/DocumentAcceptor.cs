using System.Security.Cryptography;
using System.Text;
using MassTransit;
using SearchSuite.Contracts;

namespace SearchSuite.Ingest;

/// <summary>Turns a valid submission into a <see cref="DocumentSubmitted"/> event with its final id.</summary>
public sealed class DocumentAcceptor(TimeProvider clock)
{
    /// <summary>
    /// The client's id, or one derived from the text with whitespace collapsed, so that re-sending the same text
    /// (or a redelivered message) lands on the same document instead of creating a second one.
    /// </summary>
    public static string AssignId(DocumentSubmission submission) =>
        submission.DocumentId is { Length: > 0 } id ? id : "doc-" + ContentHash(submission.Text);

    /// <summary>The accepted document, its metadata overrides applied to their fields (<see cref="DocumentSubmitted.WithMetadataOverrides"/>).</summary>
    public DocumentSubmitted Accept(DocumentSubmission submission) => new DocumentSubmitted
    {
        DocumentId = AssignId(submission),
        Text = submission.Text,
        Title = NullIfEmpty(submission.Title),
        SourceUrl = NullIfEmpty(submission.SourceUrl),
        Language = submission.Language is { Length: > 0 } language ? language.ToLowerInvariant() : null,
        Metadata = submission.Metadata ?? new Dictionary<string, string>(),
        SubmittedAt = clock.GetUtcNow(),
        // Validated already (SubmissionValidator), so an unparsable value cannot reach here.
        PublishedAt = submission.Metadata?.GetValueOrDefault(PublicationTime.MetadataKey) is { } published ? PublicationTime.Parse(published) : null,
    }.WithMetadataOverrides();

    /// <summary>A deletion of <paramref name="documentId"/> (already validated), stamped now so that it wins over every older version.</summary>
    public DocumentSubmitted AcceptDeletion(string documentId) => new() { DocumentId = documentId, Text = "", Deleted = true, SubmittedAt = clock.GetUtcNow() };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string ContentHash(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(collapsed)))[..20];
    }
}
