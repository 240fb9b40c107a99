using System.Text.Json.Nodes;
using Elastic.Transport;
using Elastic.Transport.Extensions;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.Elasticsearch.Tests;

/// <summary>The create-index body against the mapping and analysis shapes of Elasticsearch's reference.</summary>
public sealed class SearchIndexSchemaTests
{
    /// <summary>The serializer the client sends requests with.</summary>
    private static readonly Serializer Serializer = new FakeElasticsearch().Client(FakeElasticsearch.Options()).RequestResponseSerializer;

    private static readonly JsonObject Body =
        JsonNode.Parse(Serializer.SerializeToString(new ElasticsearchSchema { NumberOfReplicas = 0 }.ToCreateIndexRequest("searchsuite-news-x")))!.AsObject();

    private static JsonObject Properties => Body["mappings"]!["properties"]!.AsObject();

    public static TheoryData<string> MappedFields => new(IndexFields.In(FieldBackends.Elasticsearch).Select(f => f.Name));

    /// <summary>Each field of the one table (IndexFields.All) has the documented mapping of its kind and analysis.</summary>
    [Theory]
    [MemberData(nameof(MappedFields))]
    public void Each_field_of_the_table_is_mapped_as_its_kind(string name)
    {
        var field = IndexFields.All.Single(f => f.Name == name);
        AssertMapping(name, field.Kind switch
        {
            FieldKind.Keyword => """{ "type": "keyword" }""",
            FieldKind.Text => $$"""{ "type": "text", "analyzer": "{{DocumentedAnalyzer(field.Analysis)}}" }""",
            FieldKind.Date => """{ "type": "date" }""",
            FieldKind.StoredKeyword => """{ "type": "keyword", "index": false }""",
            FieldKind.StoredText => """{ "type": "text", "index": false }""",
            FieldKind.StoredObject => """{ "type": "object", "enabled": false }""",
            _ => throw new ArgumentOutOfRangeException(nameof(name), field.Kind, "a new kind needs its documented mapping here"),
        });
    }

    /// <summary>The built-in analyzers by their reference names, and the two custom ones defined in the settings.</summary>
    private static string DocumentedAnalyzer(FieldAnalysis analysis) => analysis switch
    {
        FieldAnalysis.German => "german",
        FieldAnalysis.English => "english",
        FieldAnalysis.Vietnamese => "vietnamese",
        FieldAnalysis.Folding => "folding",
        _ => "standard",
    };

    [Fact]
    public void The_mapping_has_exactly_the_table_s_elasticsearch_fields_in_its_order()
    {
        // The order matters: the concrete index name hashes the mapping as serialized.
        Assert.Equal(IndexFields.In(FieldBackends.Elasticsearch).Select(f => f.Name), Properties.Select(property => property.Key));
        Assert.False((bool)Body["mappings"]!["dynamic"]!, "unknown fields must not extend the mapping");
    }

    [Fact]
    public void Vietnamese_analyzer_lowercases_and_keeps_diacritics()
    {
        JsonAssert.Equivalent("""
            { "type": "custom", "char_filter": ["zero_width_space"], "tokenizer": "standard", "filter": ["lowercase"] }
            """, Body["settings"]!["analysis"]!["analyzer"]!["vietnamese"]!.ToJsonString());
    }

    [Fact]
    public void Folding_analyzer_folds_to_ascii_and_preserves_the_original_token()
    {
        var analysis = Body["settings"]!["analysis"]!;
        JsonAssert.Equivalent("""
            { "type": "custom", "char_filter": ["zero_width_space"], "tokenizer": "standard", "filter": ["lowercase", "ascii_folding_keep_original"] }
            """, analysis["analyzer"]!["folding"]!.ToJsonString());
        JsonAssert.Equivalent("""{ "type": "asciifolding", "preserve_original": true }""", analysis["filter"]!["ascii_folding_keep_original"]!.ToJsonString());
    }

    [Fact]
    public void Zero_width_spaces_are_turned_into_word_breaks()
    {
        JsonAssert.Equivalent("""{ "type": "pattern_replace", "pattern": "\\u200B", "replacement": " " }""",
            Body["settings"]!["analysis"]!["char_filter"]!["zero_width_space"]!.ToJsonString());
    }

    [Fact]
    public void Index_settings_carry_shards_replicas_and_refresh_interval()
    {
        var settings = Body["settings"]!;
        Assert.Equal((1, 0, "1s"), ((int)settings["number_of_shards"]!, (int)settings["number_of_replicas"]!, (string?)settings["refresh_interval"]));
        Assert.Null(Body["aliases"]);
    }

    [Theory]
    [InlineData("de", "title_de", "body_de")]
    [InlineData("en", "title_en", "body_en")]
    [InlineData("vi", "title_vi", "body_vi")]
    [InlineData("ru", "title_std", "body_std")]
    [InlineData("und", "title_std", "body_std")]
    public void Languages_map_to_their_field_pair(string language, string title, string body)
    {
        Assert.Contains(IndexFields.SuffixesFor(language), suffix => $"title_{suffix}" == title && $"body_{suffix}" == body);
        Assert.True(Properties.ContainsKey(title) && Properties.ContainsKey(body), $"{language}: {title}/{body} must be mapped");
    }

    [Fact]
    public void The_concrete_index_name_is_the_alias_plus_a_hash_of_analysis_and_mappings_only()
    {
        var name = new ElasticsearchSchema().IndexNameFor("searchsuite-news", Serializer);

        Assert.Matches("^searchsuite-news-[0-9a-f]{8}$", name);
        // Replicas and refresh interval can change on a live index, so they must not force a reindex.
        Assert.Equal(name, new ElasticsearchSchema { NumberOfReplicas = 0, RefreshInterval = "-1" }.IndexNameFor("searchsuite-news", Serializer));
        Assert.Equal("other-news" + name["searchsuite-news".Length..], new ElasticsearchSchema().IndexNameFor("other-news", Serializer));
    }

    private static void AssertMapping(string field, string expected)
    {
        Assert.True(Properties.ContainsKey(field), $"field {field} is missing from the mapping");
        JsonAssert.Equivalent(expected, Properties[field]!.ToJsonString());
    }
}
