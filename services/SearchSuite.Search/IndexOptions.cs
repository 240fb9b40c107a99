using System.ComponentModel.DataAnnotations;

namespace SearchSuite.Search;

public enum IndexBackend
{
    /// <summary>Embedded Lucene.Net index on local disk: the default for local runs.</summary>
    Lucene,
    Elasticsearch,
}

public sealed class IndexOptions
{
    public const string SectionName = "Index";

    public IndexBackend Backend { get; set; } = IndexBackend.Lucene;

    /// <summary>Folder of the Lucene index (created when missing).</summary>
    [Required]
    public string Path { get; set; } = "data/index";
}
