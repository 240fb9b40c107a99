using SearchSuite.Testing;

namespace SearchSuite.Services.Tests;

public sealed class TestTierTests
{
    [Fact]
    public void Every_test_that_needs_the_broker_shared_data_or_a_cluster_carries_its_category() =>
        TestTierAudit.ThrowIfUntagged(typeof(TestTierTests).Assembly);
}
