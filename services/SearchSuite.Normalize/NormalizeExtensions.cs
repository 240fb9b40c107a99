using MassTransit;
using SearchSuite.Text;

namespace SearchSuite.Normalize;

public static class NormalizeDefaults
{
    /// <summary>Port of the health endpoints when no URL is configured.</summary>
    public const int Port = 5083;
}

public static class NormalizeExtensions
{
    public static IHostApplicationBuilder AddNormalize(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DocumentNormalizer>();
        return builder;
    }

    public static IBusRegistrationConfigurator AddNormalizeConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<NormalizeDocumentConsumer, NormalizeDocumentConsumerDefinition>();
        return bus;
    }
}
