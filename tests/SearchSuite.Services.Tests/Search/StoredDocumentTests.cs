using System.Text.Json;
using System.Text.Json.Nodes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Search;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Lucene;

namespace SearchSuite.Services.Tests.Search;

/// <summary>The Lucene source is a versioned, search-owned record; the contract-shaped sources of older indexes still read.</summary>
public sealed class StoredDocumentTests
{
    private static readonly DocumentNormalized Full = new()
    {
        DocumentId = "doc-1",
        Language = "de",
        LanguageConfidence = 0.93,
        OriginLanguage = "vi",
        Title = "Peskow dementiert",
        Text = "Kremlsprecher Dmitri Peskow sprach in Moskau.",
        SourceUrl = "https://dantri.com.vn/a.htm",
        Outlet = "Dân trí",
        CitedSources = ["TASS"],
        RelatedHeadlines = ["Lawrow in Moskau"],
        Removed = [new RemovedText("ad_marker", "Anzeige", 120, 7)],
        PersonNames = ["Dmitri Peskow"],
        RelatedPersonNames = ["Sergej Lawrow"],
        Fingerprint = "f1",
        Metadata = new Dictionary<string, string> { ["desk"] = "world" },
        SubmittedAt = new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero),
        PublishedAt = new DateTimeOffset(2025, 3, 4, 9, 30, 0, TimeSpan.Zero),
        StoryId = "story-1",
        DuplicateOf = "doc-0",
        MergedStoryIds = ["story-0"],
    };

    /// <summary>Records hold lists by reference, so documents are compared as the contract's JSON.</summary>
    private static string Json(DocumentNormalized document) => JsonSerializer.Serialize(document, JsonSerializerOptions.Web);

    [Fact]
    public void A_document_is_stored_as_version_1_and_reads_back_whole()
    {
        var source = StoredDocument.Write(Full);

        var json = JsonNode.Parse(source)!.AsObject();
        Assert.Equal(StoredDocument.CurrentSchemaVersion, (int)json["schemaVersion"]!);
        Assert.Equal(1, StoredDocument.CurrentSchemaVersion);
        Assert.Equal("doc-1", (string?)json["id"]);
        Assert.False(json.ContainsKey("documentId"), "the stored source must not be the message contract");
        Assert.Equal(Json(Full), Json(StoredDocument.Read(source)));
    }

    /// <summary>A source as the index stored it before the versioned record: the contract, serialized with the web defaults.</summary>
    private const string Version0Source = """
        {"documentId":"doc-1","language":"de","originLanguage":"vi","title":"Peskow dementiert","text":"Kremlsprecher Dmitri Peskow sprach in Moskau.",
         "sourceUrl":"https://dantri.com.vn/a.htm","outlet":"D\u00E2n tr\u00ED","citedSources":["TASS"],"relatedHeadlines":["Lawrow in Moskau"],
         "removed":[{"kind":"ad_marker","text":"Anzeige"}],"personNames":["Dmitri Peskow"],"relatedPersonNames":["Sergej Lawrow"],
         "fingerprint":"f1","metadata":{"desk":"world"},"submittedAt":"2025-03-04T12:00:00+00:00","publishedAt":"2025-03-04T09:30:00+00:00",
         "storyId":"story-1","duplicateOf":"doc-0","mergedStoryIds":["story-0"],"deleted":false}
        """;

    /// <summary>What <see cref="Version0Source"/> holds: <see cref="Full"/> without the confidence and the removed offsets, which version 0 predates.</summary>
    private static readonly DocumentNormalized Version0Document = Full with { LanguageConfidence = null, Removed = [new RemovedText("ad_marker", "Anzeige")] };

    [Fact]
    public void A_version_0_source_written_as_the_contract_still_reads() =>
        Assert.Equal(Json(Version0Document), Json(StoredDocument.Read(Version0Source)));

    [Fact]
    public void A_source_of_a_newer_version_is_refused_naming_both_versions()
    {
        var error = Assert.Throws<InvalidDataException>(() => StoredDocument.Read("""{"schemaVersion":2,"id":"doc-1"}"""));

        Assert.Contains("version 2", error.Message);
        Assert.Contains($"up to {StoredDocument.CurrentSchemaVersion}", error.Message);
    }

    [Fact]
    public async Task An_index_holding_version_0_sources_opens_and_serves_them_beside_version_1()
    {
        var path = Directory.CreateTempSubdirectory("searchsuite-stored-").FullName;
        try
        {
            // A document stored the old way, written straight into the index folder as the backend wrote it before.
            using (var directory = global::Lucene.Net.Store.FSDirectory.Open(path))
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneAnalyzers.Version, LuceneAnalyzers.PerField())))
            {
                writer.AddDocument([
                    new StringField(IndexFields.Id, "doc-1", Field.Store.NO),
                    new StoredField(IndexFields.Source, Version0Source),
                ]);
                writer.Commit();
            }
            using var index = new LuceneSearchIndex(Options.Create(new SearchSuite.Search.IndexOptions { Path = path }), NullLogger<LuceneSearchIndex>.Instance);
            await index.IndexAsync([Full with { DocumentId = "doc-2" }], NoNames.Instance, CancellationToken.None);

            Assert.Equal(Json(Version0Document), Json((await index.GetAsync("doc-1", CancellationToken.None))!));
            Assert.Equal(Json(Full with { DocumentId = "doc-2" }), Json((await index.GetAsync("doc-2", CancellationToken.None))!));
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
