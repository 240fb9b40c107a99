using Microsoft.Extensions.DependencyInjection.Extensions;
using MassTransit;
using Microsoft.Extensions.Options;
using SearchSuite.GrpcHosting;
using SearchSuite.Hosting;
using SearchSuite.V1;

namespace SearchSuite.Ingest;

public static class IngestDefaults
{
    public const int Port = 5081;
}

public static class IngestExtensions
{
    /// <summary>The ingest components: validation, id assignment and the gRPC service.</summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<IngestOptions>(IngestOptions.SectionName);
        builder.Services.AddSingleton<SubmissionValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DocumentAcceptor>();
        builder.Services.AddGrpcDefaults();
        builder.Services.AddGrpcHealthName(IngestService.Descriptor.FullName);
        return builder;
    }

    /// <summary>
    /// The write-ahead journal in <paramref name="folder"/>, for a host whose bus is in memory (the all-in-one): ingest
    /// replies only once the journal holds the documents. The host settles what it indexed (<see cref="AcceptanceJournal.Settle"/>).
    /// </summary>
    public static IHostApplicationBuilder AddAcceptanceJournal(this IHostApplicationBuilder builder, string folder)
    {
        builder.Services.AddValidatedOptions<JournalOptions>(JournalOptions.SectionName);
        builder.Services.AddSingleton(sp => new AcceptanceJournal(
            sp.GetRequiredService<IOptions<JournalOptions>>(), folder, sp.GetRequiredService<ILogger<AcceptanceJournal>>()));
        return builder;
    }

    public static IBusRegistrationConfigurator AddIngestConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SubmitDocumentsConsumer, SubmitDocumentsConsumerDefinition>();
        return bus;
    }

    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<IngestGrpcService>();
        return app;
    }
}
