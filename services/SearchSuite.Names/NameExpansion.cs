namespace SearchSuite.Names;

/// <summary>Why a form was offered for a query token; reported to the user so every match can be explained.</summary>
public enum ExpansionSource
{
    /// <summary>The query token itself (case-insensitive).</summary>
    Exact,
    /// <summary>A spelling from a curated, imported or user-defined variant group.</summary>
    Curated,
    /// <summary>An indexed spelling with the same transliteration key (script, accents, en/de/fr rules).</summary>
    Key,
    /// <summary>An indexed spelling whose key is within the gated, confusion-aware edit distance (typos).</summary>
    Fuzzy,
}

/// <summary>
/// One search-time term for a query token: <see cref="Form"/> goes to the <c>names</c> field (surface forms) and
/// <see cref="Key"/> to the <c>name_keys</c> field. <see cref="Weight"/> in (0, 1] orders exact above variant above fuzzy.
/// </summary>
public sealed record NameExpansion(string Form, string Key, ExpansionSource Source, float Weight);
