namespace SearchSuite.Testing;

/// <summary>The cluster the Live tests use: $ELASTICSEARCH_URL, with $ELASTICSEARCH_USERNAME / $ELASTICSEARCH_PASSWORD when security is on.</summary>
[RequiresCategory(TestCategories.Live)]
public sealed record LiveElasticsearch(Uri Url, string? Username, string? Password)
{
    /// <summary>Throws, saying how to provide one, when $ELASTICSEARCH_URL is not set: a live run must never pass without a cluster.</summary>
    public static LiveElasticsearch FromEnvironment()
    {
        var url = Environment.GetEnvironmentVariable("ELASTICSEARCH_URL");
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw new InvalidOperationException(
                $"ELASTICSEARCH_URL is not set to a URL ('{url}'). Live tests need a cluster: docker-compose up -d elasticsearch, then "
                + "ELASTICSEARCH_URL=http://127.0.0.1:9200 ELASTICSEARCH_USERNAME=elastic ELASTICSEARCH_PASSWORD=<from .env> "
                + "dotnet test <project> --filter Category=Live. The default run excludes them with --filter \"Category!=Live\".");
        return new LiveElasticsearch(uri, Environment.GetEnvironmentVariable("ELASTICSEARCH_USERNAME"), Environment.GetEnvironmentVariable("ELASTICSEARCH_PASSWORD"));
    }
}
