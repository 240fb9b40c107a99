using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SearchSuite.Search;

/// <summary>
/// Opaque pagination token: the next offset, bound to the query and filters it was issued for, so a token
/// cannot silently page through a different search.
/// </summary>
public static class PageToken
{
    /// <summary>Deepest result reachable by paging, as Elasticsearch's default max_result_window.</summary>
    public const int MaxOffset = 10_000;

    public static string Create(int offset, string queryIdentity) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{offset}:{Hash(queryIdentity)}"));

    public static bool TryRead(string token, string queryIdentity, out int offset, int maxOffset = MaxOffset)
    {
        offset = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split(':');
            return parts.Length == 2
                && int.TryParse(parts[0], out offset)
                && offset >= 0 && offset <= maxOffset
                && parts[1] == Hash(queryIdentity);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];
}
