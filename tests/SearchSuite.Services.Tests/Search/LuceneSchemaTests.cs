using Lucene.Net.Index;
using LucenePostings = Lucene.Net.Index.IndexOptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchSuite.Search;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Lucene;

namespace SearchSuite.Services.Tests.Search;

/// <summary>
/// The Lucene side of the one schema: the fields a real index holds are those of IndexFields.All, and the analyzers do
/// what the Elasticsearch analysis settings say (ElasticsearchSchemaTests checks the other side against the same table).
/// </summary>
public sealed class LuceneSchemaTests
{
    [Fact]
    public async Task Every_indexed_field_of_the_seeds_is_a_lucene_field_of_the_table_indexed_as_its_kind()
    {
        var path = Directory.CreateTempSubdirectory("searchsuite-schema-").FullName;
        try
        {
            using (var index = new LuceneSearchIndex(Options.Create(new SearchSuite.Search.IndexOptions { Path = path }), NullLogger<LuceneSearchIndex>.Instance))
                await index.IndexAsync([.. SeedDocuments.All], NoNames.Instance, CancellationToken.None);
            using var directory = global::Lucene.Net.Store.FSDirectory.Open(path);
            using var reader = DirectoryReader.Open(directory);
            var table = IndexFields.In(FieldBackends.Lucene).ToDictionary(f => f.Name);

            var indexed = MultiFields.GetMergedFieldInfos(reader).Where(f => f.IsIndexed).ToList();

            Assert.NotEmpty(indexed);
            Assert.All(indexed, info =>
            {
                Assert.True(table.TryGetValue(info.Name, out var field), $"{info.Name} is indexed but is not a Lucene field of IndexFields.All");
                var expected = field.Kind == FieldKind.Text ? LucenePostings.DOCS_AND_FREQS_AND_POSITIONS : LucenePostings.DOCS_ONLY;
                Assert.True(info.IndexOptions == expected, $"{info.Name} ({field.Kind}) is indexed with {info.IndexOptions}, expected {expected}");
            });
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [Theory]
    // Elasticsearch's "folding": zero_width_space char filter, standard tokenizer, lowercase, asciifolding with preserve_original
    // (the folded token first, then the original at the same position, as the reference shows for "açaí").
    [InlineData(FieldAnalysis.Folding, "Nguyễn\u200BPhú Trọng", "nguyen@0 nguyễn@0 phu@1 phú@1 trong@2 trọng@2")]
    [InlineData(FieldAnalysis.Folding, "Putin", "putin@0")]
    // Elasticsearch's "vietnamese": the same without folding.
    [InlineData(FieldAnalysis.Vietnamese, "Hà\u200BNội", "hà@0 nội@1")]
    // The built-in language analyzers: stop words leave gaps.
    [InlineData(FieldAnalysis.German, "Haus und Hof", "haus@0 hof@2")]
    [InlineData(FieldAnalysis.English, "the talks", "talk@1")]
    public void The_lucene_analyzers_make_the_terms_elasticsearch_s_analysis_settings_describe(FieldAnalysis analysis, string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', LuceneAnalyzers.PositionedTerms(LuceneAnalyzers.For(analysis), "field", text).Select(t => $"{t.Term}@{t.Position}")));
}
