using System.Globalization;
using System.Text.RegularExpressions;

namespace SearchSuite.Contracts;

/// <summary>
/// The one way a client states when a document was published: the <see cref="MetadataKey"/> metadata key as an RFC 3339
/// date-time with its offset ("2025-03-04T21:29:00+07:00", "2025-03-04T14:29:00Z"), in gRPC and in bulk JSON alike
/// (IngestRequest.published_at is written into that key).
/// </summary>
public static partial class PublicationTime
{
    public const string MetadataKey = "published_at";

    /// <summary>The instant, or null when <paramref name="text"/> is not an RFC 3339 date-time with an offset.</summary>
    public static DateTimeOffset? Parse(string text) =>
        Rfc3339().IsMatch(text) && DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;

    /// <summary>RFC 3339, as a client and every other service reads it back.</summary>
    public static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    // RFC 3339 section 5.6: a date-time always carries "Z" or a numeric offset (a local time would be a guess).
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
