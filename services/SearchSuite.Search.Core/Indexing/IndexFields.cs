namespace SearchSuite.Search.Indexing;

/// <summary>How a text field is analysed. Both backends implement each kind with equivalent analysis.</summary>
public enum FieldAnalysis
{
    German,
    English,
    /// <summary>Vietnamese, lower-cased with diacritics kept.</summary>
    Vietnamese,
    /// <summary>Lower-cased and folded to ASCII: Vietnamese without diacritics, names and headlines.</summary>
    Folding,
    /// <summary>Any other language.</summary>
    Standard,
}

public sealed record TextField(string Name, FieldAnalysis Analysis, float Boost);

/// <summary>What a schema field holds, and so how each backend indexes it.</summary>
public enum FieldKind
{
    /// <summary>Exact values (not analysed): filters, facets, collapsing, term lookups.</summary>
    Keyword,
    /// <summary>Analysed by its <see cref="FieldAnalysis"/>.</summary>
    Text,
    /// <summary>A point in time: date filters and orders.</summary>
    Date,
    /// <summary>Kept with the document for display, never searched.</summary>
    StoredKeyword,
    /// <inheritdoc cref="StoredKeyword"/>
    StoredText,
    /// <summary>Kept with the document as an opaque object, never searched.</summary>
    StoredObject,
}

/// <summary>Which backends index a field. Lucene keeps the display copies in its stored source instead.</summary>
[Flags]
public enum FieldBackends
{
    Lucene = 1,
    Elasticsearch = 2,
    Both = Lucene | Elasticsearch,
}

/// <summary>One row of <see cref="IndexFields.All"/>.</summary>
public sealed record SchemaField(string Name, FieldKind Kind, FieldBackends Backends = FieldBackends.Both, FieldAnalysis Analysis = FieldAnalysis.Standard)
{
    public bool IsIn(FieldBackends backend) => (Backends & backend) == backend;
}

/// <summary>
/// The document schema shared by the Lucene and Elasticsearch backends: <see cref="All"/> is the one field table that
/// the Lucene analyzers and the Elasticsearch mapping are derived from.
/// </summary>
public static class IndexFields
{
    public const string Id = "id";
    public const string Language = "language";
    public const string OriginLanguage = "origin_language";
    public const string Outlet = "outlet";
    /// <summary>The outlet normalised for the outlets filter (<see cref="OutletKeyOf"/>).</summary>
    public const string OutletKey = "outlet_key";
    /// <summary>The publication time; absent on an undated document.</summary>
    public const string PublishedAt = "published_at";
    public const string CitedSources = "cited_sources";
    public const string Fingerprint = "fingerprint";
    public const string Related = "related";
    public const string Names = "names";
    public const string RelatedNames = "related_names";
    public const string NameKeys = "name_keys";
    public const string RelatedNameKeys = "related_name_keys";
    /// <summary>
    /// The normalised tokens of the person names (keyword, not stored): the name vocabulary is read from its terms, so
    /// it lives in the index, not beside it.
    /// </summary>
    public const string NameForms = "name_forms";
    /// <summary>The story a document belongs to (keyword; doc values in Lucene, for collapsing).</summary>
    public const string StoryId = "story_id";
    /// <summary>"true" on a (near-)duplicate in Lucene: searches leave it out as a hit, grouped searches show it as a version.</summary>
    public const string Duplicate = "duplicate";
    /// <summary>The document a (near-)duplicate repeats (keyword, Elasticsearch); its presence marks a duplicate there.</summary>
    public const string DuplicateOf = "duplicate_of";
    /// <summary>The document's story evidence terms (keywords), which candidate lookups query.</summary>
    public const string StoryEvidence = "story_evidence";
    /// <summary>The whole document as JSON, returned by GetDocument and used to build hits (a meta field on both backends, so not in <see cref="All"/>).</summary>
    public const string Source = "_source";
    /// <summary>The origin facet's value on Elasticsearch: the origin, or the document's own language when it has none.</summary>
    public const string OriginOrOwnLanguage = "origin_or_own_language";
    public const string IngestedAt = "ingested_at";
    public const string SourceUrl = "source_url";
    /// <summary>Display copies of the title and text (Elasticsearch); the per-language fields are the searched ones.</summary>
    public const string Title = "title";
    public const string Text = "text";
    public const string Removed = "removed";
    public const string Metadata = "metadata";

    public const float TitleBoost = 2f;
    public const float BodyBoost = 1f;
    /// <summary>Related-article headlines are searchable, but a match there must rank below a body match.</summary>
    public const float RelatedBoost = 0.2f;

    private static readonly (string Suffix, FieldAnalysis Analysis)[] LanguageAnalyses =
    [
        ("de", FieldAnalysis.German),
        ("en", FieldAnalysis.English),
        ("vi", FieldAnalysis.Vietnamese),
        ("vi_folded", FieldAnalysis.Folding),
        ("std", FieldAnalysis.Standard),
    ];

    /// <summary>Every per-language title and body field; a query word is looked up in all of them.</summary>
    public static IReadOnlyList<TextField> LanguageFields { get; } = LanguageAnalyses
        .SelectMany(l => new[] { new TextField($"title_{l.Suffix}", l.Analysis, TitleBoost), new TextField($"body_{l.Suffix}", l.Analysis, BodyBoost) })
        .ToArray();

    public static TextField RelatedField { get; } = new(Related, FieldAnalysis.Folding, RelatedBoost);

    /// <summary>The fields a query word itself is looked up in (its name alternatives add the name fields).</summary>
    public static IReadOnlyList<TextField> WordFields { get; } = [.. LanguageFields, RelatedField];

    /// <summary>
    /// Every field either backend indexes, with its kind and analysis: the Lucene analyzers and field setup and the
    /// Elasticsearch mapping are derived from it. The order is the mapping's, which the concrete index name hashes.
    /// </summary>
    public static IReadOnlyList<SchemaField> All { get; } =
    [
        .. new[] { Id, Language, OriginLanguage, Outlet, OutletKey }.Select(Keyword),
        new(OriginOrOwnLanguage, FieldKind.Keyword, FieldBackends.Elasticsearch),
        .. new[] { CitedSources, Fingerprint, NameKeys, RelatedNameKeys, NameForms, StoryId }.Select(Keyword),
        // Lucene marks a duplicate with a flag, Elasticsearch with the document it repeats.
        new(Duplicate, FieldKind.Keyword, FieldBackends.Lucene),
        new(DuplicateOf, FieldKind.Keyword, FieldBackends.Elasticsearch),
        Keyword(StoryEvidence),
        new(SourceUrl, FieldKind.StoredKeyword, FieldBackends.Elasticsearch),
        new(IngestedAt, FieldKind.Date, FieldBackends.Elasticsearch),
        new(PublishedAt, FieldKind.Date),
        new(Title, FieldKind.StoredText, FieldBackends.Elasticsearch),
        new(Text, FieldKind.StoredText, FieldBackends.Elasticsearch),
        .. LanguageFields.Select(f => new SchemaField(f.Name, FieldKind.Text, Analysis: f.Analysis)),
        // Names and related headlines are folded so that "Nguyen" finds "Nguyễn".
        new(Related, FieldKind.Text, Analysis: RelatedField.Analysis),
        new(Names, FieldKind.Text, Analysis: FieldAnalysis.Folding),
        new(RelatedNames, FieldKind.Text, Analysis: FieldAnalysis.Folding),
        new(Removed, FieldKind.StoredObject, FieldBackends.Elasticsearch),
        new(Metadata, FieldKind.StoredObject, FieldBackends.Elasticsearch),
    ];

    /// <summary>The fields of <see cref="All"/> that <paramref name="backend"/> indexes.</summary>
    public static IEnumerable<SchemaField> In(FieldBackends backend) => All.Where(f => f.IsIn(backend));

    private static SchemaField Keyword(string name) => new(name, FieldKind.Keyword);

    /// <summary>Each query word is a disjunction over its fields: the best field wins, the others add this fraction of their score.</summary>
    public const double WordTieBreaker = 0.1;

    /// <summary>Case and spacing do not tell outlets apart: "Dan  Tri", "dan tri" and "DAN TRI" are one outlet.</summary>
    public static string OutletKeyOf(string outlet) =>
        string.Join(' ', outlet.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The field suffixes a document of <paramref name="language"/> is indexed under.</summary>
    public static IReadOnlyList<string> SuffixesFor(string language) => language switch
    {
        "de" => ["de"],
        "en" => ["en"],
        "vi" => ["vi", "vi_folded"],
        _ => ["std"],
    };
}
