using Lucene.Net.Store;
using SearchSuite.Search.Lucene;

namespace SearchSuite.Services.Tests.Search;

/// <summary>
/// The lock-free positional reads under the all-in-one's index (the whole search behaviour suite also runs on them, in
/// <see cref="BufferedLuceneSearchIndexTests"/>): clones that share one handle each keep their own position, slices of
/// a compound file read only their range, and a read past the end fails instead of returning stale buffer bytes.
/// </summary>
public sealed class PositionalReadDirectoryTests : IDisposable
{
    /// <summary>Larger than Lucene's 1 KiB read buffer, so reads cross several refills.</summary>
    private const int FileLength = 10_000;

    private readonly string path = System.IO.Directory.CreateTempSubdirectory("searchsuite-positional-").FullName;
    private readonly PositionalReadDirectory directory;

    public PositionalReadDirectoryTests()
    {
        directory = new PositionalReadDirectory(path);
        using var output = directory.CreateOutput("numbers.bin", IOContext.DEFAULT);
        for (var i = 0; i < FileLength; i++) output.WriteByte(ByteAt(i));
    }

    private static byte ByteAt(int position) => (byte)(position * 7 % 251);

    [Fact]
    public void Clones_read_their_own_positions_concurrently()
    {
        using var input = directory.OpenInput("numbers.bin", IOContext.DEFAULT);
        Assert.Equal(FileLength, input.Length);

        var failures = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8).SelectMany(reader =>
        {
            var clone = (IndexInput)input.Clone();
            var wrong = new List<string>();
            for (var round = 0; round < 50; round++)
            {
                var start = (reader * 1_237 + round * 311) % (FileLength - 100);
                clone.Seek(start);
                for (var i = start; i < start + 100; i++)
                {
                    var read = clone.ReadByte();
                    if (read != ByteAt(i)) wrong.Add($"reader {reader} at {i}: {read}, expected {ByteAt(i)}");
                }
            }
            return wrong;
        }).ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} bytes read wrong, first: {failures.FirstOrDefault()}");
    }

    [Fact]
    public void A_slice_reads_only_its_range_and_stops_at_its_end()
    {
        using var slicer = directory.CreateSlicer("numbers.bin", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("middle", offset: 3_000, length: 2_500);

        Assert.Equal(2_500, slice.Length);
        var bytes = new byte[2_500];
        slice.ReadBytes(bytes, 0, bytes.Length);
        Assert.Equal(Enumerable.Range(3_000, 2_500).Select(ByteAt), bytes);
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
    }

    [Fact]
    public void Reading_past_the_end_of_a_file_fails()
    {
        using var input = directory.OpenInput("numbers.bin", IOContext.DEFAULT);
        input.Seek(FileLength - 10);
        var bytes = new byte[20];

        var error = Assert.Throws<EndOfStreamException>(() => input.ReadBytes(bytes, 0, bytes.Length));
        Assert.Contains("numbers.bin", error.Message);
    }

    public void Dispose()
    {
        directory.Dispose();
        System.IO.Directory.Delete(path, recursive: true);
    }
}
