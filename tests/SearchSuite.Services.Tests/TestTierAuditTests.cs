using SearchSuite.Testing;

namespace SearchSuite.Services.Tests;

/// <summary>The audit behind every project's TestTierTests must catch a forgotten trait, however indirect the use.</summary>
public sealed class TestTierAuditTests
{
    [Fact]
    public void A_test_reaching_the_broker_or_shared_data_without_its_trait_is_reported_with_the_route()
    {
        var problems = TestTierAudit.UntaggedTests([typeof(UntaggedSamples)]);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("UntaggedSamples.Uses_the_broker_in_an_async_lambda needs Category=Broker (via RabbitMqBroker.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("UntaggedSamples.Reads_shared_data_through_a_helper needs Category=SharedData (via RepoPaths.get_Shared)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("UntaggedSamples.Reads_a_shared_file needs Category=SharedData (via RepoPaths.SharedFile)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trait_on_the_method_or_class_satisfies_the_audit_and_the_seeds_need_none() =>
        Assert.Empty(TestTierAudit.UntaggedTests([typeof(TaggedSamples)]));

    // Samples for the audit only: xunit runs public classes, and these are private.
#pragma warning disable xUnit1000
    private sealed class UntaggedSamples
    {
        [Fact]
        public async Task Uses_the_broker_in_an_async_lambda()
        {
            Func<Task<string>> create = async () => await RabbitMqBroker.CreateVirtualHostAsync("sample");
            await create();
        }

        [Fact]
        public void Reads_shared_data_through_a_helper() => Assert.NotNull(SharedFolder());

        [Fact]
        public void Reads_a_shared_file() => Assert.NotNull(RepoPaths.SharedFile("data"));

        [Fact]
        public void Reads_the_seeds() => Assert.NotEmpty(RepoPaths.SeedFiles);

        private static string SharedFolder() => RepoPaths.Shared;
    }

    [Trait("Category", TestCategories.Broker)]
    private sealed class TaggedSamples
    {
        [Fact]
        public async Task Uses_the_broker() => await RabbitMqBroker.CreateVirtualHostAsync("sample");

        [Trait("Category", TestCategories.SharedData)]
        [Fact]
        public void Reads_shared_data() => Assert.NotNull(RepoPaths.Shared);

        [Fact]
        public void Reads_the_seeds() => Assert.NotEmpty(RepoPaths.SeedFiles);
    }
#pragma warning restore xUnit1000
}
