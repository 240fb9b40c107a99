namespace SearchSuite.Cli;

/// <summary>
/// Bounds how many accepted documents may wait in an in-memory bus (the all-in-one) before they are indexed: ingest
/// enters before it publishes a document and the indexer leaves once a batch is durable. Without it a client streaming
/// 100,000 documents fills memory with the queue, because ingest accepts far faster than the pipeline indexes.
/// Over RabbitMQ the broker holds the backlog, and the services register none.
/// </summary>
/// <param name="time">The clock of <see cref="MaxWait"/> (a fake one in tests).</param>
public sealed class PipelineBacklog(int capacity, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>
    /// Longest an ingest call waits for room. Past it the document is accepted anyway, so that messages lost to the error
    /// queue (which never leave) cannot stall ingest for good.
    /// </summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly System.Threading.Lock gate = new();
    private int pending;
    private TaskCompletionSource room = NewRoom();

    public int Capacity => capacity;

    public int Pending
    {
        get
        {
            lock (gate) return pending;
        }
    }

    /// <summary>
    /// Takes places for a batch of <paramref name="count"/> documents, waiting (up to <see cref="MaxWait"/>) while the backlog
    /// is full. A batch enters whole once there is any room, so the backlog may overshoot by less than one batch.
    /// </summary>
    public async Task EnterAsync(int count, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        while (true)
        {
            Task freed;
            lock (gate)
            {
                if (pending < capacity)
                {
                    pending += count;
                    return;
                }
                freed = room.Task;
            }
            var remaining = MaxWait - clock.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                lock (gate) pending += count;
                return;
            }
            try
            {
                await freed.WaitAsync(remaining, clock, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Checked again above: the wait is over.
            }
        }
    }

    /// <summary>
    /// Raised with the ids of documents that left the pipeline (indexed durably, or refused for good), one id per
    /// document that entered, so that the all-in-one's journal can forget them.
    /// </summary>
    public event Action<IReadOnlyCollection<string>>? Left;

    /// <summary>Frees the places of these indexed (or refused) documents and wakes the waiting ingest calls.</summary>
    public void Leave(IReadOnlyCollection<string> documentIds)
    {
        TaskCompletionSource freed;
        lock (gate)
        {
            pending = Math.Max(0, pending - documentIds.Count);
            freed = room;
            room = NewRoom();
        }
        freed.TrySetResult();
        Left?.Invoke(documentIds);
    }

    /// <summary>Waits (bounded by <paramref name="cancellationToken"/>) until every document that entered has left.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task freed;
            lock (gate)
            {
                if (pending == 0) return;
                freed = room.Task;
            }
            await freed.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewRoom() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
