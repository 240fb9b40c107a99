using System.ComponentModel.DataAnnotations;

namespace SearchSuite.Search.Stories;

/// <summary>How documents are grouped into stories (section "Stories"); docs/stories.md explains each rule.</summary>
public sealed class StoryOptions
{
    public const string SectionName = "Stories";

    /// <summary>Off: every document is a story of its own (duplicates are still marked).</summary>
    public bool Grouping { get; set; } = true;

    /// <summary>
    /// Least Dice coefficient of two documents' weighted evidence for them to be versions of one story, and least mean of a
    /// document's Dice with a story's candidate versions for it to join the story.
    /// </summary>
    [Range(0.05, 1.0)]
    public double MinDice { get; set; } = 0.3;

    /// <summary>Least mean Dice with a second story's versions for a document to merge it into the story it joins (a bridging version).</summary>
    [Range(0.05, 1.0)]
    public double MergeDice { get; set; } = 0.6;

    /// <summary>
    /// Least share of the numbers of the document stating fewer that the other must state too, when both state numbers:
    /// translations keep their numbers; another event, or another outlet's report of the same one, has others.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinNumberAgreement { get; set; } = 0.5;

    /// <summary>
    /// Least share of the shared placed terms (names, places, numbers, URLs in the text) that two documents tell in the
    /// same relative order for them to be one story: translations keep the order; two stories about the same people do not.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinOrderAgreement { get; set; } = 0.6;

    /// <summary>Least shared placed terms for the order to count (<see cref="MinOrderAgreement"/>): a few terms fall in any order by chance.</summary>
    [Range(2, 1000)]
    public int MinPlacedForOrder { get; set; } = 5;

    /// <summary>
    /// Least estimated overlap of two documents' frames (the wording around their evidence) from which they count as one
    /// template (<see cref="TemplateMinDice"/>): copies and edits of one text, or one boilerplate filled with other facts.
    /// </summary>
    [Range(0.0, 1.0)]
    public double TemplateFrameOverlap { get; set; } = 0.5;

    /// <summary>Least Dice of two documents that share their frame for them to be one story: a copy or an edit keeps nearly all its evidence.</summary>
    [Range(0.0, 1.0)]
    public double TemplateMinDice { get; set; } = 0.85;

    /// <summary>Least evidence weight two versions share, so that two short texts do not join on one common word.</summary>
    [Range(0.0, 1000.0)]
    public double MinSharedWeight { get; set; } = 3;

    /// <summary>Candidates compared per document (one bounded index query, plus the recently assigned documents).</summary>
    [Range(1, 200)]
    public int CandidateLimit { get; set; } = 16;

    /// <summary>Two documents whose publication times (metadata published_at) are further apart are never one story.</summary>
    [Range(0.0, 3650.0)]
    public double MaxDaysApart { get; set; } = 3;

    /// <summary>Most cards of assigned documents not yet reported indexed kept in memory, so that batches not yet committed find each other.</summary>
    [Range(0, 1_000_000)]
    public int RecentWindow { get; set; } = 10_000;

    /// <summary>Most versions of an absorbed story that a merge rewrites.</summary>
    [Range(1, 100_000)]
    public int MaxMergeVersions { get; set; } = 500;
}
