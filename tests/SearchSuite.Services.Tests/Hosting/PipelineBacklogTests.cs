using Microsoft.Extensions.Time.Testing;
using SearchSuite.Cli;

namespace SearchSuite.Services.Tests.Hosting;

public sealed class PipelineBacklogTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Ingest_waits_while_the_backlog_is_full_and_goes_on_once_documents_are_indexed()
    {
        var backlog = new PipelineBacklog(capacity: 2);
        await backlog.EnterAsync(1, CancellationToken.None).WaitAsync(Bound);
        await backlog.EnterAsync(1, CancellationToken.None).WaitAsync(Bound);

        var third = backlog.EnterAsync(1, CancellationToken.None);
        Assert.False(third.IsCompleted, "a third document entered a backlog of two");

        backlog.Leave(["doc-1"]);
        await third.WaitAsync(Bound);
        Assert.Equal(2, backlog.Pending);
    }

    [Fact]
    public async Task Leaving_more_than_entered_never_goes_below_empty()
    {
        var backlog = new PipelineBacklog(capacity: 1);
        backlog.Leave(["a", "b", "c", "d", "e"]);
        await backlog.EnterAsync(1, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(1, backlog.Pending);
        Assert.False(backlog.EnterAsync(1, CancellationToken.None).IsCompleted, "the backlog took more than its capacity after an over-release");
    }

    [Fact]
    public async Task A_cancelled_ingest_stops_waiting()
    {
        var backlog = new PipelineBacklog(capacity: 1);
        await backlog.EnterAsync(1, CancellationToken.None).WaitAsync(Bound);
        using var cancel = new CancellationTokenSource();

        var waiting = backlog.EnterAsync(1, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Bound));
    }

    [Fact]
    public async Task A_full_backlog_lets_ingest_in_after_the_longest_wait_so_lost_messages_cannot_stall_it()
    {
        var clock = new FakeTimeProvider();
        var backlog = new PipelineBacklog(capacity: 1, clock);
        await backlog.EnterAsync(1, CancellationToken.None).WaitAsync(Bound);

        var waiting = backlog.EnterAsync(1, CancellationToken.None);
        clock.Advance(PipelineBacklog.MaxWait - TimeSpan.FromMilliseconds(1));
        Assert.False(waiting.IsCompleted, "ingest stopped waiting before the longest wait was over");
        clock.Advance(TimeSpan.FromMilliseconds(1));

        await waiting.WaitAsync(Bound);
        Assert.Equal(2, backlog.Pending);
    }
}
