using System.Buffers;
using System.Buffers.Binary;
using System.ComponentModel.DataAnnotations;
using System.IO.Hashing;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Hosting;

namespace SearchSuite.Ingest;

/// <summary>When the all-in-one's journal makes an accepted document durable, relative to the reply.</summary>
public enum JournalDurability
{
    /// <summary>Written and fsynced before the reply (Elasticsearch's <c>index.translog.durability: request</c>); calls in flight share one fsync.</summary>
    Request,
    /// <summary>Written to the operating system before the reply and fsynced every <see cref="JournalOptions.SyncIntervalMilliseconds"/>: survives a killed process, not a power cut.</summary>
    Async,
}

public sealed class JournalOptions
{
    public const string SectionName = "Journal";

    public JournalDurability Durability { get; set; } = JournalDurability.Request;

    /// <summary>How often the journal is fsynced in <see cref="JournalDurability.Async"/> mode and settled segments are deleted.</summary>
    [Range(10, 60_000)]
    public int SyncIntervalMilliseconds { get; set; } = 1_000;

    /// <summary>Size at which a journal file is closed and a new one started; a file is deleted once all its documents are indexed.</summary>
    [Range(1, 4_096)]
    public int SegmentMegabytes { get; set; } = 32;
}

/// <summary>
/// The all-in-one's write-ahead journal. Its bus is in memory, so an accepted document would be lost with the process
/// before it is indexed; ingest appends each accepted document here before it replies, and the journal forgets it when
/// the pipeline reports it indexed (<see cref="Settle"/>). At the next start, <see cref="Recovered"/>
/// holds what was journalled and not known indexed, for replay.
/// </summary>
/// <remarks>
/// Files are <c>NNNNNNNN.journal</c>; each record is a 4-byte length, a CRC-32 and the document as JSON. Reading stops
/// at the first torn or corrupt record: a crash can tear only what was never acknowledged.
/// </remarks>
public sealed class AcceptanceJournal : IDisposable
{
    private const string Extension = ".journal";
    private const int HeaderLength = 8;

    private readonly string folder;
    private readonly JournalOptions options;
    private readonly ILogger<AcceptanceJournal> logger;
    private readonly System.Threading.Lock gate = new();
    /// <summary>Only one writer of the files at a time: the flush that makes appends durable, and the periodic maintenance.</summary>
    private readonly SemaphoreSlim fileGate = new(1, 1);
    private readonly List<Segment> segments = [];
    /// <summary>For each journalled id, the segments holding its unsettled copies, oldest first.</summary>
    private readonly Dictionary<string, Queue<Segment>> unsettled = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task maintenance;
    private readonly FolderLock folderLock;
    private Segment active;
    private int nextSegmentNumber;
    private long appended;
    private long durable;

    public AcceptanceJournal(IOptions<JournalOptions> options, string folder, ILogger<AcceptanceJournal> logger)
    {
        this.folder = folder;
        this.options = options.Value;
        this.logger = logger;
        Directory.CreateDirectory(folder);
        folderLock = FolderLock.Acquire(folder, "the acceptance journal");
        var recovered = new List<DocumentSubmitted>();
        foreach (var path in Directory.GetFiles(folder, "*" + Extension).Order(StringComparer.Ordinal))
        {
            var segment = new Segment(path, file: null) { Sealed = true };
            foreach (var document in ReadRecords(path))
            {
                recovered.Add(document);
                Track(segment, document.DocumentId);
            }
            segments.Add(segment);
            if (int.TryParse(Path.GetFileNameWithoutExtension(path), out var number)) nextSegmentNumber = Math.Max(nextSegmentNumber, number + 1);
        }
        Recovered = recovered;
        active = OpenSegment();
        segments.Add(active);
        maintenance = Task.Run(MaintainAsync);
        if (recovered.Count > 0) logger.LogInformation("The journal at {Folder} holds {Count} accepted documents not known indexed", folder, recovered.Count);
    }

    /// <summary>What was journalled before this start and not known indexed, in journal order (may repeat an id).</summary>
    public IReadOnlyList<DocumentSubmitted> Recovered { get; private set; }

    /// <summary>Appends <paramref name="documents"/>; completes once they are durable as <see cref="JournalOptions.Durability"/> says.</summary>
    public Task AppendAsync(IReadOnlyList<DocumentSubmitted> documents, CancellationToken cancellationToken)
    {
        var records = documents.Select(Encode).ToList();
        long sequence;
        lock (gate)
        {
            for (var i = 0; i < documents.Count; i++)
            {
                active.Unwritten.Write(records[i]);
                active.Length += records[i].Length;
                Track(active, documents[i].DocumentId);
            }
            sequence = ++appended;
        }
        return WriteThroughAsync(sequence, cancellationToken);
    }

    /// <summary>Forgets one journalled copy of each id: the pipeline indexed (or refused) it.</summary>
    public void Settle(IReadOnlyCollection<string> documentIds)
    {
        lock (gate)
        {
            foreach (var id in documentIds)
            {
                if (!unsettled.TryGetValue(id, out var holders)) continue;
                var segment = holders.Dequeue();
                if (holders.Count == 0) unsettled.Remove(id);
                segment.Unsettled--;
            }
        }
    }

    /// <summary>The replayed documents are handed on; the list is not needed any more.</summary>
    public void ForgetRecovered() => Recovered = [];

    /// <summary>
    /// Group commit: the first caller writes (and in Request mode fsyncs) everything appended so far, and every caller
    /// whose records that covered returns without a write of its own.
    /// </summary>
    private async Task WriteThroughAsync(long sequence, CancellationToken cancellationToken)
    {
        await fileGate.WaitAsync(cancellationToken);
        try
        {
            if (durable >= sequence) return;
            Segment target;
            byte[] chunk;
            long covered;
            lock (gate)
            {
                target = active;
                chunk = target.Unwritten.WrittenSpan.ToArray();
                target.Unwritten.ResetWrittenCount();
                covered = appended;
            }
            target.File!.Write(chunk);
            target.File.Flush(flushToDisk: options.Durability == JournalDurability.Request);
            durable = covered;
            if (target.Length >= options.SegmentMegabytes * 1024L * 1024L) RotateIf(_ => true);
        }
        finally
        {
            fileGate.Release();
        }
    }

    private async Task MaintainAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.SyncIntervalMilliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                await fileGate.WaitAsync(stopping.Token);
                try
                {
                    if (options.Durability == JournalDurability.Async) active.File!.Flush(flushToDisk: true);
                    // A file whose every document is indexed is closed (and then deleted), so that a quiet server's journal stays empty.
                    RotateIf(current => current.Unsettled == 0 && current.Length > 0 && current.Unwritten.WrittenCount == 0);
                    DeleteSettled();
                }
                finally
                {
                    fileGate.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Journal maintenance at {Folder} stopped", folder);
        }
    }

    /// <summary>Closes the active file and starts a new one when <paramref name="due"/> says so. Called under <see cref="fileGate"/>.</summary>
    private void RotateIf(Func<Segment, bool> due)
    {
        Segment closed;
        lock (gate)
        {
            if (!due(active)) return;
            closed = active;
            closed.Sealed = true;
            active = OpenSegment();
            segments.Add(active);
        }
        closed.File!.Flush(flushToDisk: true);
        closed.File.Dispose();
        lock (gate) closed.File = null;
    }

    /// <summary>Deletes closed files whose every document is settled. Called under <see cref="fileGate"/>.</summary>
    private void DeleteSettled()
    {
        List<Segment> settled;
        lock (gate)
        {
            settled = segments.Where(s => s.Sealed && s.File is null && s.Unsettled == 0).ToList();
            foreach (var segment in settled) segments.Remove(segment);
        }
        foreach (var segment in settled) File.Delete(segment.Path);
    }

    private void Track(Segment segment, string documentId)
    {
        if (!unsettled.TryGetValue(documentId, out var holders)) unsettled[documentId] = holders = new Queue<Segment>();
        holders.Enqueue(segment);
        segment.Unsettled++;
    }

    private Segment OpenSegment()
    {
        var path = Path.Combine(folder, $"{nextSegmentNumber++:D8}{Extension}");
        return new Segment(path, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0));
    }

    private static byte[] Encode(DocumentSubmitted document)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(document, JsonSerializerOptions.Web);
        var record = new byte[HeaderLength + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(record, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), Crc32.HashToUInt32(payload));
        payload.CopyTo(record, HeaderLength);
        return record;
    }

    private IEnumerable<DocumentSubmitted> ReadRecords(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = 0;
        while (offset + HeaderLength <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4));
            if (length <= 0 || offset + HeaderLength + length > bytes.Length) break;
            var payload = bytes.AsSpan(offset + HeaderLength, length);
            if (Crc32.HashToUInt32(payload) != crc) break;
            var document = JsonSerializer.Deserialize<DocumentSubmitted>(payload, JsonSerializerOptions.Web);
            // A record journaled before ingest applied the overrides gets them here, as a new acceptance would.
            if (document is not null) yield return document.WithMetadataOverrides();
            offset += HeaderLength + length;
        }
        if (offset < bytes.Length)
            logger.LogWarning("Journal file {Path} ends in {Bytes} bytes of a record that was never completed (a crash before its reply); they are ignored", path, bytes.Length - offset);
    }

    public void Dispose()
    {
        stopping.Cancel();
        try
        {
            maintenance.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Logged by the loop.
        }
        fileGate.Wait();
        lock (gate)
        {
            if (active.Unwritten.WrittenCount > 0) active.File!.Write(active.Unwritten.WrittenSpan);
            active.Unwritten.ResetWrittenCount();
        }
        RotateIf(_ => true);
        DeleteSettled();
        active.File!.Dispose();
        if (active.Length == 0) File.Delete(active.Path);
        fileGate.Dispose();
        stopping.Dispose();
        folderLock.Dispose();
    }

    private sealed class Segment(string path, FileStream? file)
    {
        public string Path { get; } = path;
        /// <summary>Open while it is the active file; null once closed (or for a file recovered at start).</summary>
        public FileStream? File { get; set; } = file;
        public ArrayBufferWriter<byte> Unwritten { get; } = new();
        public long Length { get; set; }
        public bool Sealed { get; set; }
        public int Unsettled { get; set; }
    }
}
