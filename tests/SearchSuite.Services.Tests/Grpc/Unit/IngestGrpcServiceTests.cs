using System.Threading.Channels;
using Grpc.Core;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SearchSuite.Contracts;
using SearchSuite.Ingest;
using SearchSuite.Testing;
using SearchSuite.V1;
using Xunit.Abstractions;

namespace SearchSuite.Services.Tests.Grpc.Unit;

/// <summary>
/// IngestGrpcService called directly with a test call context, a fake clock and the MassTransit test harness; its logs
/// go to the test output, and an unexpected error log fails the test.
/// </summary>
public sealed class IngestGrpcServiceTests(ITestOutputHelper output) : IDisposable
{
    private readonly VerifyNoErrorsScope logs = new(output);

    public void Dispose() => logs.Dispose();

    /// <summary>A client stream the test writes into; counts the service's reads, so the test knows when it waits for the next.</summary>
    private sealed class TestRequestStream : IAsyncStreamReader<IngestRequest>
    {
        private readonly Channel<IngestRequest> requests = Channel.CreateUnbounded<IngestRequest>();
        private int reads;

        public IngestRequest Current { get; private set; } = new();

        public int Reads => Volatile.Read(ref reads);

        public ValueTask WriteAsync(IngestRequest request) => requests.Writer.WriteAsync(request);

        public void Complete() => requests.Writer.Complete();

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref reads);
            if (!await requests.Reader.WaitToReadAsync(cancellationToken)) return false;
            Current = await requests.Reader.ReadAsync(cancellationToken);
            return true;
        }
    }

    [Fact]
    public async Task A_lone_streamed_document_is_published_when_its_batch_wait_is_over_and_not_before()
    {
        var clock = new FakeTimeProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Logging.AddProvider(logs);
        builder.AddIngest();
        builder.Services.AddMassTransitTestHarness();
        await using var provider = builder.Services.BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var service = ActivatorUtilities.CreateInstance<IngestGrpcService>(provider, harness.Bus);
        var wait = TimeSpan.FromMilliseconds(new IngestOptions().PublishBatchWaitMilliseconds);
        var stream = new TestRequestStream();

        await stream.WriteAsync(new IngestRequest { DocumentId = "lone-1", Text = "Kremlsprecher Dmitri Peskow sagte am Montag, Moskau sei bereit." });
        var call = service.IngestStream(stream, TestServerCallContext.Create());
        // The second read is the wait for the next document: the first is in the batch, and its wait has started.
        await Poll.UntilAsync(() => Task.FromResult(stream.Reads >= 2), () => $"the service never asked for a second document (reads: {stream.Reads})");
        clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        var early = harness.Published.Select<DocumentsSubmitted>().Count();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var published = await Poll.UntilAsync(() => Task.FromResult(harness.Published.Select<DocumentsSubmitted>().FirstOrDefault()),
            () => "the lone document was not published once its batch wait was over");
        stream.Complete();
        var summary = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, early);
        Assert.Equal(["lone-1"], published.Context.Message.Documents.Select(d => d.DocumentId));
        Assert.Equal(1, summary.Accepted);
        Assert.Single(harness.Published.Select<DocumentsSubmitted>());
    }
}
