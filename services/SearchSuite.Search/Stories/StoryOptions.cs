using System.ComponentModel.DataAnnotations;

namespace SearchSuite.Search.Stories;

/// <summary>How documents are grouped into stories (section "Stories"); docs/stories.md explains each rule.</summary>
public sealed class StoryOptions
{
    public const string SectionName = "Stories";

    /// <summary>Off: every document is a story of its own (duplicates are still marked).</summary>
    public bool Grouping { get; set; } = true;

    /// <summary>Share of the smaller document's evidence weight that the two must share to be versions of one story.</summary>
    [Range(0.05, 1.0)]
    public double MinCoverage { get; set; } = 0.5;

    /// <summary>Least evidence weight two versions share, so that two short texts do not join on one common word.</summary>
    [Range(0.0, 1000.0)]
    public double MinSharedWeight { get; set; } = 6;

    /// <summary>Candidates compared per document (one bounded index query, plus the recently assigned documents).</summary>
    [Range(1, 200)]
    public int CandidateLimit { get; set; } = 16;

    /// <summary>Two documents whose publication times (metadata published_at) are further apart are never one story.</summary>
    [Range(0.0, 3650.0)]
    public double MaxDaysApart { get; set; } = 3;

    /// <summary>Recently assigned documents kept in memory, so that batches not yet committed still find each other.</summary>
    [Range(0, 1_000_000)]
    public int RecentWindow { get; set; } = 10_000;

    /// <summary>Most versions of an absorbed story that a merge rewrites.</summary>
    [Range(1, 100_000)]
    public int MaxMergeVersions { get; set; } = 500;
}
