using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SearchSuite.Contracts;
using SearchSuite.Normalize;
using SearchSuite.Testing;

namespace SearchSuite.Services.Tests.Normalize;

public class NormalizeDocumentConsumerTests
{
    [Fact]
    public async Task A_submitted_seed_is_published_clean_identified_and_attributed()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddNormalize();
        builder.Services.AddMassTransitTestHarness(bus => bus.AddNormalizeConsumers());
        await using var provider = builder.Services.BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var seed = RepoPaths.SeedFiles.Single(f => Path.GetFileName(f).StartsWith("001_", StringComparison.Ordinal));
        await harness.Bus.Publish(new DocumentSubmitted { DocumentId = "seed-001", Text = await File.ReadAllTextAsync(seed), SubmittedAt = DateTimeOffset.UtcNow });

        Assert.True(await harness.Published.Any<DocumentNormalized>());
        var normalized = harness.Published.Select<DocumentNormalized>().Single().Context.Message;
        Assert.Equal("seed-001", normalized.DocumentId);
        Assert.Equal("de", normalized.Language);
        Assert.Equal("vi", normalized.OriginLanguage);
        Assert.Equal("Dan Tri", normalized.Outlet);
        Assert.StartsWith("https://dantri.com.vn/", normalized.SourceUrl);
        Assert.DoesNotContain("[Anzeige_2]", normalized.Text);
        Assert.Contains(normalized.Removed, r => r.Kind == "ad_marker" && r.Text.Contains("[Anzeige_2]"));
    }
}
