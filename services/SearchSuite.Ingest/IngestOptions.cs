using System.ComponentModel.DataAnnotations;

namespace SearchSuite.Ingest;

public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Longest accepted text, in characters. Longer documents are rejected, never truncated.</summary>
    [Range(1, 50_000_000)]
    public int MaxTextLength { get; set; } = 1_000_000;

    /// <summary>How many published documents an IngestStream call may have awaiting broker confirmation at once.</summary>
    [Range(1, 10_000)]
    public int MaxInFlightPublishes { get; set; } = 256;
}
