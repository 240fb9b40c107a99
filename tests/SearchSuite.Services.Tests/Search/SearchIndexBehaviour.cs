using SearchSuite.Names;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using SearchSuite.Search.Stories;

namespace SearchSuite.Services.Tests.Search;

/// <summary>
/// What every search backend must do, written once: the seed queries, filters, paging, GetDocument, idempotent re-indexing,
/// de-duplication by fingerprint and name expansion. Each backend runs it through a subclass (Lucene always; Elasticsearch
/// as a Live test against $ELASTICSEARCH_URL).
/// Seeds (<see cref="SeedDocuments"/>): 000 = seeds/000_c732f99de72756b9 (German), 001 = seeds/001_58703e863629936e (German,
/// Dan Tri, translated from Vietnamese), 003 = seeds/003_41ede0cf7ea32611 (English).
/// </summary>
public abstract partial class SearchIndexBehaviour : IAsyncLifetime
{
    private const string DanTriGerman = "001";

    private ISearchIndex index = null!;

    /// <summary>A fresh, empty index of the backend under test; documents are indexed with <see cref="TransliteratedNames"/>' keys.</summary>
    protected abstract Task<ISearchIndex> CreateEmptyIndexAsync();

    protected virtual Task DeleteIndexAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => index = await CreateEmptyIndexAsync();

    public Task DisposeAsync() => DeleteIndexAsync();

    private Task IndexSeedsAsync() => index.IndexAsync(SeedDocuments.All, TransliteratedNames.Instance, CancellationToken.None);

    private Task<IndexSearchResult> SearchAsync(string query, string[]? languages = null, string[]? origins = null, int offset = 0, int limit = 10, bool expandNames = false) =>
        index.SearchAsync(new QueryPlanner(TransliteratedNames.Instance).Plan(new SearchQuery(query, languages ?? [], origins ?? [], offset, limit, expandNames)), CancellationToken.None);

    private async Task<IReadOnlyList<string>> SearchIds(string query, string[]? languages = null, string[]? origins = null, bool expandNames = false) =>
        [.. (await SearchAsync(query, languages, origins, expandNames: expandNames)).Hits.Select(h => h.Document.DocumentId).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task The_seed_queries_find_the_right_articles()
    {
        await IndexSeedsAsync();

        Assert.Equal([DanTriGerman], await SearchIds("Peskow"));
        Assert.Equal(["000", "001", "003"], await SearchIds("Putin Iran"));
        Assert.Equal(["000", "001"], await SearchIds("Atomprogramms"));
    }

    [Fact]
    public async Task Every_query_word_is_required()
    {
        await IndexSeedsAsync();

        Assert.Equal([DanTriGerman], await SearchIds("Putin Peskow"));
        Assert.Empty(await SearchIds("Putin Xylophonkonzert"));
    }

    [Fact]
    public async Task Language_and_origin_filters_narrow_the_hits()
    {
        await IndexSeedsAsync();

        Assert.Equal(["003"], await SearchIds("Putin", languages: ["en"]));
        Assert.Equal([DanTriGerman], await SearchIds("Putin", origins: ["vi"]));
        Assert.Equal(["000", "001"], await SearchIds("Putin", languages: ["de"]));
        // Without a known origin a document counts as original in its own language.
        Assert.Equal(["003"], await SearchIds("Putin", origins: ["en"]));
    }

    [Fact]
    public async Task The_name_forms_are_those_of_the_live_documents()
    {
        var peskow = SeedDocuments.All[1] with { PersonNames = ["Dmitri Peskow"], RelatedPersonNames = ["Nguyễn Phú Trọng"] };
        await index.IndexAsync([SeedDocuments.All[0], peskow], TransliteratedNames.Instance, CancellationToken.None);
        Assert.Superset(new HashSet<string> { "dmitri", "peskow", "nguyễn", "phú", "trọng" }, (await index.ReadNameFormsAsync(CancellationToken.None)).ToHashSet());

        // Replacing the document drops the names only it held: the vocabulary shrinks with the index.
        await index.IndexAsync([peskow with { PersonNames = ["Wladimir Putin"], RelatedPersonNames = [] }], TransliteratedNames.Instance, CancellationToken.None);
        var forms = await index.ReadNameFormsAsync(CancellationToken.None);
        Assert.Contains("putin", forms);
        Assert.DoesNotContain("peskow", forms);
        Assert.DoesNotContain("trọng", forms);
    }

    [Fact]
    public async Task Indexing_the_same_document_again_replaces_it()
    {
        await IndexSeedsAsync();
        await index.IndexAsync([SeedDocuments.All[1]], TransliteratedNames.Instance, CancellationToken.None);
        await IndexSeedsAsync();

        Assert.Equal(3, (await SearchAsync("Putin")).TotalHits);
    }

    [Fact]
    public async Task Changed_content_under_the_same_id_replaces_the_old_version()
    {
        await index.IndexAsync([SeedDocuments.All[1]], TransliteratedNames.Instance, CancellationToken.None);
        await index.IndexAsync([SeedDocuments.All[2] with { DocumentId = SeedDocuments.All[1].DocumentId }], TransliteratedNames.Instance, CancellationToken.None);

        Assert.Empty(await SearchIds("Peskow"));
        Assert.Equal([SeedDocuments.All[1].DocumentId], await SearchIds("Peskov"));
    }

    [Fact]
    public async Task The_same_content_under_another_id_stays_retrievable_and_a_marked_duplicate_is_no_hit_of_its_own()
    {
        var original = SeedDocuments.All[1];
        await index.IndexAsync([original], TransliteratedNames.Instance, CancellationToken.None);
        await index.IndexAsync([original with { DocumentId = "resent", DuplicateOf = original.DocumentId, StoryId = original.DocumentId }], TransliteratedNames.Instance, CancellationToken.None);

        Assert.Equal([original.DocumentId], await SearchIds("Peskow"));
        Assert.Equal(original.DocumentId, (await index.GetAsync("resent", CancellationToken.None))?.DuplicateOf);
        Assert.NotNull(await index.GetAsync(original.DocumentId, CancellationToken.None));
    }

    [Fact]
    public async Task A_grouped_search_collapses_a_story_to_its_best_version_and_lists_the_others()
    {
        await index.IndexAsync([.. SeedDocuments.All.Select(d => d with { StoryId = "putin-iran" })], TransliteratedNames.Instance, CancellationToken.None);
        var plan = new QueryPlanner(TransliteratedNames.Instance).Plan(new SearchQuery("Putin Iran", [], [], 0, 10, false, GroupByStory: true));

        var result = await index.SearchAsync(plan, CancellationToken.None);

        var hit = Assert.Single(result.Hits);
        Assert.Equal(1, result.TotalStories);
        Assert.Equal(3, result.TotalHits);
        Assert.Equal(["000", "001", "003"], hit.Versions!.Select(v => v.DocumentId).Append(hit.Document.DocumentId).Order(StringComparer.Ordinal));
        Assert.Equal(3, (await index.GetStoryAsync("putin-iran", 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_grouped_hits_versions_carry_the_listed_fields_in_the_stories_order()
    {
        DocumentNormalized[] versions =
        [
            .. SeedDocuments.All.Select((d, i) => d with
            {
                StoryId = "putin-iran", SubmittedAt = new DateTimeOffset(2026, 12, 3, 12, i, 0, TimeSpan.Zero),
                DuplicateOf = i == 1 ? SeedDocuments.All[0].DocumentId : null,
            }),
        ];
        await index.IndexAsync(versions, TransliteratedNames.Instance, CancellationToken.None);
        var plan = new QueryPlanner(TransliteratedNames.Instance).Plan(new SearchQuery("Peskov", [], [], 0, 10, false, GroupByStory: true));

        var hit = Assert.Single((await index.SearchAsync(plan, CancellationToken.None)).Hits);
        var story = await index.GetStoryAsync("putin-iran", 10, CancellationToken.None);

        static string Listed(DocumentNormalized v) => $"{v.DocumentId}|{v.Language}|{v.OriginLanguage}|{v.Outlet}|{v.Title}|{v.DuplicateOf}|{v.StoryId}";
        Assert.Equal(story.Where(v => v.DocumentId != hit.Document.DocumentId).Select(Listed), hit.Versions!.Select(Listed));
        Assert.Contains(hit.Versions!, v => v.DuplicateOf == SeedDocuments.All[0].DocumentId || hit.Document.DuplicateOf is not null);
    }

    [Fact]
    public async Task A_story_candidate_lookup_finds_documents_by_shared_evidence_and_fingerprint()
    {
        await IndexSeedsAsync();
        var english = SeedDocuments.All[2];

        var found = await index.FindStoryCandidatesAsync([new StoryCandidateQuery(StoryEvidence.Extract(english), english.Fingerprint, 5)], CancellationToken.None);

        var candidates = Assert.Single(found);

        Assert.Equal(english.DocumentId, candidates[0].DocumentId);
        Assert.Equal(["000", "001", "003"], candidates.Select(c => c.DocumentId).Order(StringComparer.Ordinal));
        Assert.All(candidates, c => Assert.NotEmpty(c.Evidence.Terms));
    }

    [Fact]
    public async Task A_batch_of_story_candidate_lookups_is_answered_query_by_query_in_order()
    {
        await IndexSeedsAsync();
        var english = SeedDocuments.All[2];
        var unrelated = new StoryCandidateQuery(DocumentEvidence.OfTerms(["n:987654321", "p:nobodyknown"]), "no-such-fingerprint", 5);

        var found = await index.FindStoryCandidatesAsync([unrelated, new StoryCandidateQuery(StoryEvidence.Extract(english), english.Fingerprint, 2)], CancellationToken.None);

        Assert.Equal(2, found.Count);
        Assert.Empty(found[0]);
        Assert.Equal(2, found[1].Count);
        Assert.Equal(english.DocumentId, found[1][0].DocumentId);
    }

    [Fact]
    public async Task A_story_candidate_lookup_finds_a_re_sent_document_by_its_new_evidence_alone()
    {
        var first = SeedDocuments.Normalize("resent", "Am Montag sprach Peskow in Moskau über 4711 Raketen.", "de");
        var other = SeedDocuments.Normalize("other", "Am Dienstag sprach Peskow in Minsk über 815 Panzer.", "de");
        var resent = SeedDocuments.Normalize("resent", "Am Freitag sprach Macron in Lyon über 2024 Windräder.", "de");
        static StoryCandidateQuery QueryOf(DocumentNormalized document) => new(StoryEvidence.Extract(document), "", 5);
        var unrelated = SeedDocuments.Normalize("unrelated", "Am Sonntag regnete es in Hamburg.", "de");
        // One batch each: the first lookup reads the first segments, the re-sent document then deletes its old version in
        // the first (which stays, as another document keeps it alive).
        await index.IndexAsync([first, unrelated], TransliteratedNames.Instance, CancellationToken.None);
        await index.IndexAsync([other], TransliteratedNames.Instance, CancellationToken.None);
        Assert.Equal(["other", "resent"], (await index.FindStoryCandidatesAsync([QueryOf(first)], CancellationToken.None))[0].Select(c => c.DocumentId).Order(StringComparer.Ordinal));
        await index.IndexAsync([resent], TransliteratedNames.Instance, CancellationToken.None);

        var found = await index.FindStoryCandidatesAsync([QueryOf(first), QueryOf(resent)], CancellationToken.None);

        Assert.Equal(["other"], found[0].Select(c => c.DocumentId));
        var candidate = Assert.Single(found[1]);
        Assert.Equal(StoryEvidence.Extract(resent).Terms, candidate.Evidence.Terms);
    }

    [Fact]
    public async Task A_document_is_not_found_until_it_is_indexed_and_then_comes_back_whole()
    {
        Assert.Null(await index.GetAsync(DanTriGerman, CancellationToken.None));
        await IndexSeedsAsync();

        var expected = SeedDocuments.All[1];
        var stored = await index.GetAsync(DanTriGerman, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal((expected.Title, expected.Text, expected.Language, expected.OriginLanguage, expected.Fingerprint, expected.SubmittedAt),
            (stored.Title, stored.Text, stored.Language, stored.OriginLanguage, stored.Fingerprint, stored.SubmittedAt));
        Assert.Equal(expected.PersonNames, stored.PersonNames);
        Assert.Equal(expected.RelatedHeadlines, stored.RelatedHeadlines);
        Assert.Equal(expected.CitedSources, stored.CitedSources);
    }

    [Fact]
    public async Task Vietnamese_matches_with_and_without_diacritics()
    {
        var vietnamese = SeedDocuments.Normalize("vi-1", "Tổng Bí thư Nguyễn Phú Trọng đã tiếp Tổng thống Nga Vladimir Putin tại Hà Nội.", language: "vi");
        await index.IndexAsync([vietnamese], TransliteratedNames.Instance, CancellationToken.None);

        Assert.Equal(["vi-1"], await SearchIds("Nguyễn Phú Trọng"));
        Assert.Equal(["vi-1"], await SearchIds("Nguyen Phu Trong"));
        Assert.Equal(["vi-1"], await SearchIds("ha noi"));
    }

    [Fact]
    public async Task German_stemming_finds_inflected_forms()
    {
        await IndexSeedsAsync();

        // Seed 000 has only "Atomprogramm" and "Kernprogramms"; the query's other inflection must still find it.
        Assert.Contains("000", await SearchIds("Kernprogramm"));
        Assert.Contains("000", await SearchIds("Atomprogramms"));
    }

    [Fact]
    public async Task Paging_walks_through_all_hits_without_repeats()
    {
        await IndexSeedsAsync();
        var seen = new List<string>();
        for (var offset = 0; offset < 3; offset++)
        {
            var page = await SearchAsync("Putin", offset: offset, limit: 1);
            Assert.Equal(3, page.TotalHits);
            seen.Add(Assert.Single(page.Hits).Document.DocumentId);
        }
        Assert.Equal(["000", "001", "003"], seen.Order(StringComparer.Ordinal));
        Assert.Empty((await SearchAsync("Putin", offset: 3, limit: 1)).Hits);
    }

    [Fact]
    public async Task An_expanded_name_finds_the_other_spellings_through_the_indexed_name_keys()
    {
        await IndexSeedsAsync();

        // The German articles write "Peskow", the English one "Peskov"; the Cyrillic spelling occurs in none.
        Assert.Equal([DanTriGerman], await SearchIds("Peskow"));
        Assert.Empty(await SearchIds("Песков"));
        Assert.Equal([DanTriGerman, "003"], await SearchIds("Peskow", expandNames: true));
        Assert.Equal([DanTriGerman, "003"], await SearchIds("Песков", expandNames: true));
    }

    /// <summary>
    /// A stand-in for the name-matching library: Peskow, Peskov and Песков share the key "peskov". Enough to show that a backend
    /// indexes the keys Register returns and matches a query's name alternatives against them.
    /// </summary>
    protected sealed class TransliteratedNames : IIndexedNames, INameExpansion
    {
        public static readonly TransliteratedNames Instance = new();

        private static readonly Dictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Peskow"] = "peskov", ["Peskov"] = "peskov", ["Песков"] = "peskov",
        };

        public IReadOnlyList<string> Register(string personName) =>
            [.. QueryPlanner.Words(personName).Select(KeyOf).OfType<string>()];

        public string? KeyOf(string token) => Keys.GetValueOrDefault(token);

        public IReadOnlyList<NameAlternative> Expand(string word, bool givenName = false, bool inName = false) =>
            KeyOf(word) is { } key ? [new NameAlternative(word, key, ExpansionSource.Key, 1f)] : [];

        public bool IsKnownName(string word) => KeyOf(word) is not null;
    }
}
