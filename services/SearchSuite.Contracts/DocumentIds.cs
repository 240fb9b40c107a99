namespace SearchSuite.Contracts;

/// <summary>
/// The one rule for a document id, wherever one arrives (gRPC requests, bulk messages): 1 to <see cref="MaxLength"/>
/// ASCII letters, digits, '-', '_', '.' and ':', starting with a letter or a digit, and never "..". The alphabet keeps ids
/// safe as file names, URL path segments and Elasticsearch _ids (at most 512 bytes) without escaping, and rules out
/// path tricks ("../x", "a/b"), invisible and look-alike characters.
/// </summary>
public static class DocumentIds
{
    public const int MaxLength = 256;

    public const string Rule = "1 to 256 ASCII letters, digits, '-', '_', '.' and ':', starting with a letter or a digit, without '..'";

    /// <summary>What is wrong with <paramref name="id"/> (for "document_id: …"), or null when it is a valid id.</summary>
    public static string? Problem(string id)
    {
        if (id.Length == 0) return "must not be empty";
        if (id.Length > MaxLength) return $"is {id.Length} characters long; the limit is {MaxLength}";
        if (!char.IsAsciiLetterOrDigit(id[0])) return $"must start with an ASCII letter or digit ({Rule})";
        foreach (var c in id)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':'))
                return $"contains U+{(int)c:X4}; an id is {Rule}";
        if (id.Contains("..", StringComparison.Ordinal)) return $"must not contain '..' ({Rule})";
        return null;
    }
}
