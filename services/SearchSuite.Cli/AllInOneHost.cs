using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MassTransit;
using SearchSuite.Ingest;
using SearchSuite.Normalize;
using SearchSuite.Search;
using SearchSuite.GrpcHosting;
using SearchSuite.Hosting;
using SearchSuite.Messaging;
using SearchSuite.ServiceDefaults;

namespace SearchSuite.Cli;

/// <summary>
/// The embedded default: ingest, normalize and search in one process over MassTransit's in-memory transport,
/// with the on-disk Lucene index. Same components, same wiring, as the three services.
/// </summary>
public static class AllInOneHost
{
    public const int DefaultPort = 5080;

    /// <summary>Documents that may wait in the in-memory bus before they are indexed (about 10 KB each in flight).</summary>
    public const int BacklogCapacity = 3_000;

    /// <summary>Longest a graceful stop may take: the pipeline drains (<see cref="JournalRecovery.MaxDrain"/>), then the bus stops.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(60);

    /// <param name="configure">Settings and a server of its own (tests: a TestServer), applied before the components are added.</param>
    public static WebApplication Build(int port, string dataDirectory, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            [$"{MessagingOptions.SectionName}:{nameof(MessagingOptions.Transport)}"] = nameof(MessageTransport.InMemory),
            [$"{IndexOptions.SectionName}:{nameof(IndexOptions.Path)}"] = Path.Combine(dataDirectory, "index"),
            // Mapped index pages would count in this process's resident set and take it past its memory aim (docs/benchmarks.md).
            [$"{IndexOptions.SectionName}:{nameof(IndexOptions.FileAccess)}"] = nameof(IndexFileAccess.Buffered),
        });
        // Before the components: configuration decides which search backend AddSearch registers.
        configure?.Invoke(builder);
        builder.AddHostDefaults(port);
        builder.AddServiceDefaults();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        // TimeProvider and the journal: registered below (the factory runs at first use). What leaves the pipeline, the
        // journal forgets.
        builder.Services.AddSingleton(sp =>
        {
            var backlog = new PipelineBacklog(BacklogCapacity, sp.GetRequiredService<TimeProvider>());
            backlog.Left += sp.GetRequiredService<AcceptanceJournal>().Settle;
            return backlog;
        });
        builder.AddIngest();
        // The bus is in memory: without the journal an accepted document would die with the process (docs/reliability.md).
        builder.AddAcceptanceJournal(Path.Combine(dataDirectory, "journal"));
        builder.AddNormalize();
        builder.AddSearch();
        builder.AddMessageBus(bus =>
        {
            bus.AddIngestConsumers();
            bus.AddNormalizeConsumers();
            bus.AddSearchConsumers();
        }, configureBus: (context, bus) => bus.UsePipelineBacklog(context));
        // After the bus: replays once the bus runs, and drains before the bus stops (hosted services stop in reverse).
        builder.Services.AddHostedService<JournalRecovery>();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGrpcDefaultEndpoints();
        app.MapIngest();
        app.MapSearch();
        return app;
    }
}
