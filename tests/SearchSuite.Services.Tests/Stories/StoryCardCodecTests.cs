using SearchSuite.Search.Lucene;
using SearchSuite.Search.Stories;

namespace SearchSuite.Services.Tests.Stories;

/// <summary>The Lucene story card's binary format: what is written reads back, and cards written as JSON before still read.</summary>
public sealed class StoryCardCodecTests
{
    private static readonly StoryCandidate Card = new("doc-1", "story-1", "doc-0", "fp",
        new DocumentEvidence(["e:brln", "n:2019", "p:mrkl", "s:reuters"], [0, 1, -1, -1], [0.25f, 2f, 2f, 1f], [3u, 17u, uint.MaxValue]),
        new DateTimeOffset(2019, 8, 21, 10, 30, 0, TimeSpan.FromHours(2)));

    [Fact]
    public void A_card_reads_back_as_written()
    {
        var read = StoryCardCodec.Read(StoryCardCodec.Write(Card));

        Assert.Equal((Card.DocumentId, Card.StoryId, Card.DuplicateOf, Card.Fingerprint, Card.PublishedAt), (read.DocumentId, read.StoryId, read.DuplicateOf, read.Fingerprint, read.PublishedAt));
        Assert.Equal(Card.PublishedAt!.Value.Offset, read.PublishedAt!.Value.Offset);
        Assert.Equal(Card.Evidence.Terms, read.Evidence.Terms);
        Assert.Equal(Card.Evidence.Ranks, read.Evidence.Ranks);
        Assert.Equal(Card.Evidence.Weights, read.Evidence.Weights);
        Assert.Equal(Card.Evidence.Frame, read.Evidence.Frame);
    }

    [Fact]
    public void A_card_without_duplicate_or_time_reads_back_without_them()
    {
        var read = StoryCardCodec.Read(StoryCardCodec.Write(Card with { DuplicateOf = null, PublishedAt = null }));

        Assert.Null(read.DuplicateOf);
        Assert.Null(read.PublishedAt);
        Assert.Equal(Card.Evidence.Terms, read.Evidence.Terms);
    }

    [Fact]
    public void A_JSON_card_of_an_older_index_still_reads()
    {
        var json = """{"documentId":"old","storyId":"s","duplicateOf":null,"fingerprint":"f","evidence":["n:2019","p:mrkl"],"publishedAt":null}"""u8.ToArray();

        var read = StoryCardCodec.Read(json);

        Assert.Equal(("old", "s"), (read.DocumentId, read.StoryId));
        Assert.Equal(["n:2019", "p:mrkl"], read.Evidence.Terms);
        Assert.Equal([-1, -1], read.Evidence.Ranks);
        Assert.Throws<InvalidDataException>(() => StoryCardCodec.Read([42, 1, 2]));
    }

    [Fact]
    public void A_card_with_long_non_ASCII_strings_reads_back_and_a_truncated_one_fails()
    {
        // Over 127 UTF-8 bytes: the lengths take two 7-bit bytes.
        var longTerm = "e:" + new string('ü', 200);
        var card = Card with { DocumentId = new string('д', 90), Evidence = new DocumentEvidence([longTerm], [300], [0.5f], []) };
        var bytes = StoryCardCodec.Write(card);

        var read = StoryCardCodec.Read(bytes);

        Assert.Equal(card.DocumentId, read.DocumentId);
        Assert.Equal([longTerm], read.Evidence.Terms);
        Assert.Equal([300], read.Evidence.Ranks);
        Assert.Throws<InvalidDataException>(() => StoryCardCodec.Read(bytes.AsSpan(0, bytes.Length - 3)));
    }
}
