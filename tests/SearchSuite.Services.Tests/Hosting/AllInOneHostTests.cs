using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SearchSuite.Cli;
using SearchSuite.Search;

namespace SearchSuite.Services.Tests.Hosting;

public sealed class AllInOneHostTests
{
    [Fact]
    public async Task The_all_in_one_reads_its_index_buffered_and_the_search_service_maps_it()
    {
        var data = Directory.CreateTempSubdirectory("searchsuite-host-").FullName;
        try
        {
            await using var app = AllInOneHost.Build(port: 0, data);
            var options = app.Services.GetRequiredService<IOptions<IndexOptions>>().Value;

            // Mapped pages would count in the all-in-one's resident set (its 512 MiB aim); the search service keeps the faster default.
            Assert.Equal(IndexFileAccess.Buffered, options.FileAccess);
            Assert.Equal(Path.Combine(data, "index"), options.Path);
            Assert.Equal(IndexFileAccess.MemoryMapped, new IndexOptions().FileAccess);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
