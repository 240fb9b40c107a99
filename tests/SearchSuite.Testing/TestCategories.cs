namespace SearchSuite.Testing;

/// <summary>
/// The values of the <c>Category</c> trait that say what a test needs beyond the build, so that
/// <c>dotnet test --filter "Category!=Broker&amp;Category!=SharedData&amp;Category!=Live"</c> is a quick loop on a bare machine.
/// The README's full command runs every category but <see cref="Live"/>.
/// </summary>
public static class TestCategories
{
    /// <summary>A real RabbitMQ on 127.0.0.1:5672 with rabbitmqctl (and, for processes, the built services).</summary>
    public const string Broker = "Broker";

    /// <summary>The read-only corpora in ../shared/data.</summary>
    public const string SharedData = "SharedData";

    /// <summary>
    /// The benchmark smoke test (about a minute): runs in the README's full command and CI, and alone with
    /// <c>--filter Category=Benchmark</c>. It needs the broker and ../shared too, and carries their traits.
    /// </summary>
    public const string Benchmark = "Benchmark";

    /// <summary>A real Elasticsearch cluster at ELASTICSEARCH_URL; left out of the default run.</summary>
    public const string Live = "Live";
}
