using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Ingest;
using SearchSuite.Hosting;
using SearchSuite.Messaging;
using SearchSuite.Cli;
using SearchSuite.Testing;

namespace SearchSuite.Services.Tests.Reliability;

public sealed class AcceptanceJournalTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("searchsuite-journal-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private AcceptanceJournal Open(JournalDurability durability = JournalDurability.Request) =>
        new(Options.Create(new JournalOptions { Durability = durability, SyncIntervalMilliseconds = 20 }), folder, NullLogger<AcceptanceJournal>.Instance);

    private static DocumentSubmitted Document(string id, string text = "Peskow sagte.") =>
        new() { DocumentId = id, Text = text, SubmittedAt = DateTimeOffset.UtcNow };

    [Theory]
    [InlineData(JournalDurability.Request)]
    [InlineData(JournalDurability.Async)]
    public async Task What_was_appended_and_not_settled_is_recovered_after_a_restart(JournalDurability durability)
    {
        using (var journal = Open(durability))
        {
            await journal.AppendAsync([Document("a"), Document("b")], CancellationToken.None);
            await journal.AppendAsync([Document("c")], CancellationToken.None);
            journal.Settle(["b"]);
        }

        using var reopened = Open(durability);
        // A journal file is forgotten only once all its documents are: b travels with a and c until they are indexed.
        Assert.Equal(["a", "b", "c"], reopened.Recovered.Select(d => d.DocumentId));
    }

    [Fact]
    public async Task A_journal_whose_documents_are_all_indexed_leaves_no_file_behind()
    {
        using var journal = Open();
        await journal.AppendAsync([Document("a"), Document("a"), Document("b")], CancellationToken.None);
        journal.Settle(["a", "a", "b"]);

        await Poll.UntilAsync(() => Task.FromResult(Directory.GetFiles(folder, "*.journal").All(f => new FileInfo(f).Length == 0)),
            () => $"journal files left: {string.Join(", ", Directory.GetFiles(folder).Select(f => $"{Path.GetFileName(f)} ({new FileInfo(f).Length} bytes)"))}");
    }

    [Fact]
    public async Task A_torn_last_record_is_ignored_and_the_records_before_it_are_recovered()
    {
        using (var journal = Open())
            await journal.AppendAsync([Document("whole-1"), Document("whole-2")], CancellationToken.None);
        var file = Directory.GetFiles(folder, "*.journal").Single(f => new FileInfo(f).Length > 0);
        // A crash in the middle of the next write: half a record at the end.
        var torn = File.ReadAllBytes(file);
        await File.AppendAllBytesAsync(file, torn.AsSpan(0, torn.Length / 3).ToArray());

        using var reopened = Open();
        Assert.Equal(["whole-1", "whole-2"], reopened.Recovered.Select(d => d.DocumentId));
    }

    [Fact]
    public void A_second_journal_on_the_same_folder_is_refused()
    {
        using var journal = Open();
        var refused = Assert.Throws<FolderLockedException>(() => Open());
        Assert.Contains(folder, refused.Message);
        Assert.Contains($"PID {Environment.ProcessId}", refused.Message);
    }
}

public sealed class FolderLockTests
{
    [Fact]
    public void The_lock_is_exclusive_names_the_folder_and_the_holder_and_is_free_again_once_released()
    {
        var folder = Directory.CreateTempSubdirectory("searchsuite-lock-").FullName;
        try
        {
            using (FolderLock.Acquire(folder, "the Lucene index"))
            {
                var refused = Assert.Throws<FolderLockedException>(() => FolderLock.Acquire(folder, "the Lucene index"));
                Assert.Contains(folder, refused.Message);
                Assert.Contains("the Lucene index", refused.Message);
                Assert.Contains($"PID {Environment.ProcessId}", refused.Message);
            }
            using var again = FolderLock.Acquire(folder, "the Lucene index");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>No service sends anything off the machine unless the operator configures it (issue 12, item 5).</summary>
public sealed class UsageTelemetryTests
{
    [Fact]
    public async Task MassTransit_usage_telemetry_is_off_in_the_all_in_one()
    {
        var data = Directory.CreateTempSubdirectory("searchsuite-telemetry-").FullName;
        try
        {
            await using var app = AllInOneHost.Build(port: 0, data);
            Assert.False(app.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled, "MassTransit would report usage to usage-tracking.masstransit.io");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void MassTransit_usage_telemetry_is_off_in_the_bus_every_service_host_adds()
    {
        // Ingest, normalize and search each call AddMessageBus (their Program.cs); so does the all-in-one.
        var builder = WebApplication.CreateBuilder();
        builder.AddMessageBus(_ => { });
        using var services = builder.Services.BuildServiceProvider();
        Assert.False(services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled, "MassTransit would report usage to usage-tracking.masstransit.io");
    }
}
