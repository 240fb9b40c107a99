using System.ComponentModel.DataAnnotations;

namespace SearchSuite.Ingest;

public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Longest accepted text, in characters. Longer documents are rejected, never truncated.</summary>
    [Range(1, 50_000_000)]
    public int MaxTextLength { get; set; } = 1_000_000;

    /// <summary>How many published batches an IngestStream call may have awaiting broker confirmation at once.</summary>
    [Range(1, 10_000)]
    public int MaxInFlightPublishes { get; set; } = 16;

    /// <summary>Most documents in one <c>DocumentsSubmitted</c> message.</summary>
    [Range(1, 10_000)]
    public int PublishBatchSize { get; set; } = 100;

    /// <summary>
    /// Longest an IngestStream batch waits for more documents once the client has none buffered. Only streams wait;
    /// a single Ingest call is published at once.
    /// </summary>
    [Range(0, 1_000)]
    public int PublishBatchWaitMilliseconds { get; set; } = 20;

    /// <summary>
    /// Most text characters in one message (a single longer document still travels, alone), so that batches of long
    /// documents stay far below the broker's message size limit after normalize adds what it removed.
    /// </summary>
    [Range(1, 50_000_000)]
    public int PublishBatchMaxCharacters { get; set; } = 1_000_000;
}
