using System.Text;
using SearchSuite.Text;

namespace SearchSuite.Normalize;

/// <summary>Wire names of removed-span kinds: snake_case, stable across releases (e.g. "related_articles").</summary>
public static class RemovedKindNames
{
    public static string Of(RemovedKind kind)
    {
        var name = kind.ToString();
        var result = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && result.Length > 0) result.Append('_');
            result.Append(char.ToLowerInvariant(c));
        }
        return result.ToString();
    }
}
