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

    [Theory]
    [InlineData("id")]
    [InlineData("language")]
    [InlineData("origin_language")]
    [InlineData("outlet")]
    [InlineData("cited_sources")]
    [InlineData("fingerprint")]
    [InlineData("name_keys")]
    [InlineData("related_name_keys")]
    [InlineData("name_forms")]
    public void Exact_match_fields_are_keywords(string field) => AssertMapping(field, """{ "type": "keyword" }""");

    [Theory]
    [InlineData("source_url", """{ "type": "keyword", "index": false }""")]
    [InlineData("ingested_at", """{ "type": "date" }""")]
    [InlineData("title", """{ "type": "text", "index": false }""")]
    [InlineData("text", """{ "type": "text", "index": false }""")]
    [InlineData("removed", """{ "type": "object", "enabled": false }""")]
    [InlineData("metadata", """{ "type": "object", "enabled": false }""")]
    public void Display_and_bookkeeping_fields_are_not_searchable(string field, string expected) => AssertMapping(field, expected);

    [Theory]
    [InlineData("title_de", "german")]
    [InlineData("body_de", "german")]
    [InlineData("title_en", "english")]
    [InlineData("body_en", "english")]
    [InlineData("title_vi", "vietnamese")]
    [InlineData("body_vi", "vietnamese")]
    [InlineData("title_vi_folded", "folding")]
    [InlineData("body_vi_folded", "folding")]
    [InlineData("title_std", "standard")]
    [InlineData("body_std", "standard")]
    [InlineData("related", "folding")]
    [InlineData("names", "folding")]
    [InlineData("related_names", "folding")]
    public void Text_fields_use_their_language_analyzer(string field, string analyzer) =>
        AssertMapping(field, $$"""{ "type": "text", "analyzer": "{{analyzer}}" }""");

    [Theory]
    [InlineData("published_at", "date")]
    [InlineData("outlet_key", "keyword")]
    [InlineData("origin_or_own_language", "keyword")]
    public void News_fields_are_filterable_sortable_and_aggregatable(string field, string type) =>
        AssertMapping(field, $$"""{ "type": "{{type}}" }""");

    [Fact]
    public void Schema_has_exactly_the_shared_field_set()
    {
        string[] expected =
        [
            "id", "language", "origin_language", "outlet", "cited_sources", "source_url", "fingerprint", "ingested_at", "title", "text",
            "story_id", "duplicate_of", "story_evidence", "published_at", "outlet_key", "origin_or_own_language",
            "title_de", "body_de", "title_en", "body_en", "title_vi", "body_vi", "title_vi_folded", "body_vi_folded", "title_std", "body_std",
            "related", "names", "related_names", "name_keys", "related_name_keys", "name_forms", "removed", "metadata",
        ];
        Assert.Equal(expected.Order(), Properties.Select(property => property.Key).Order());
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
