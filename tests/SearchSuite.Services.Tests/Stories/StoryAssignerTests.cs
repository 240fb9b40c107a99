using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Querying;
using SearchSuite.Search.Stories;
using SearchSuite.Text;

namespace SearchSuite.Services.Tests.Stories;

/// <summary>Story assignment on real snippets, assigned in one batch so that the documents meet through the recent cards.</summary>
public sealed class StoryAssignerTests
{
    private static readonly DocumentNormalizer Normalizer = new();

    private static DocumentNormalized Normalize(string id, string text, string language) =>
        SearchSuite.Normalize.NormalizeDocumentConsumer.Normalize(Normalizer, new DocumentSubmitted { DocumentId = id, Text = text, Language = language });

    /// <summary>An index with nothing in it yet: every candidate comes from the batch itself.</summary>
    private sealed class EmptyIndex : ISearchIndex
    {
        public Task IndexAsync(IReadOnlyList<IndexedDocument> documents, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<IReadOnlyCollection<string>> ReadNameFormsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IndexSearchResult> SearchAsync(QueryPlan plan, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<DocumentNormalized?> GetAsync(string documentId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<IReadOnlyList<StoryCandidate>>> FindStoryCandidatesAsync(IReadOnlyList<StoryCandidateQuery> queries, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<IReadOnlyList<StoryCandidate>>>([.. queries.Select(_ => (IReadOnlyList<StoryCandidate>)[])]);
        public Task<IReadOnlyList<DocumentNormalized>> GetStoryAsync(string storyId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DocumentNormalized>>([]);
    }

    private static float Similarity(DocumentNormalized a, DocumentNormalized b, StoryOptions options) =>
        StoryMatcher.Similarity(StoryMatcher.Compare(StoryEvidence.Extract(a), StoryEvidence.Extract(b)), options);

    private static Task<IReadOnlyDictionary<string, string>> AssignAsync(params DocumentNormalized[] documents) => AssignAsync(new StoryOptions(), documents);

    private static async Task<IReadOnlyDictionary<string, string>> AssignAsync(StoryOptions options, params DocumentNormalized[] documents)
    {
        var assigner = new StoryAssigner(new EmptyIndex(), Options.Create(options), NullLogger<StoryAssigner>.Instance);
        return (await assigner.AssignAsync(documents, CancellationToken.None)).ToDictionary(d => d.DocumentId, d => d.StoryId);
    }

    [Fact]
    public async Task A_report_that_matches_one_version_but_not_the_story_as_a_whole_starts_its_own_story()
    {
        var english = Normalize("pension-en", "The Bundestag passed the pension reform on Thursday with 384 votes. Labour Minister Hubertus Heil said pensions would rise by 4.2 percent in July. The CDU and the AfD voted against it.", "en");
        var german = Normalize("pension-de", "Der Bundestag hat am Donnerstag die Rentenreform mit 384 Stimmen beschlossen. Arbeitsminister Hubertus Heil sagte, die Renten würden im Juli um 4,2 Prozent steigen. Die CDU und die AfD stimmten dagegen.", "de");
        // Another debate of the same week: it shares the German version's everyday capitalised nouns, not the story's evidence.
        var care = Normalize("care-de", "Der Bundestag hat am Donnerstag über die Pflegereform beraten. Gesundheitsminister Karl Lauterbach sagte, die Beiträge für Renten und Pflege würden im Juli um einige Prozent steigen. Die CDU und die AfD stimmten dagegen.", "de");
        // The pair rules relaxed (the template rule off, less shared weight and Dice needed), so that average link alone
        // keeps the other debate out; with the defaults the pair rules already do, since German nouns count less.
        var options = new StoryOptions { TemplateFrameOverlap = 1, MinSharedWeight = 1, MinDice = 0.22 };
        var (withEnglish, withGerman) = (Similarity(care, english, options), Similarity(care, german, options));
        // The premise: the other debate matches the German version on its own, but not the story's versions on average.
        Assert.True(withGerman >= options.MinDice, $"similarity with the German version {withGerman}, with the English {withEnglish}");
        Assert.True((withEnglish + withGerman) / 2 < options.MinDice, $"similarities {withEnglish}, {withGerman}");

        Assert.Equal(0, Similarity(care, german, new StoryOptions()));

        var stories = await AssignAsync(options, english, german, care);

        Assert.Equal(stories["pension-en"], stories["pension-de"]);
        Assert.Equal("care-de", stories["care-de"]);
    }

    [Fact]
    public async Task The_seeds_are_one_story_in_file_order_and_in_reverse()
    {
        var seeds = SearchSuite.Services.Tests.Search.SeedDocuments.All;

        foreach (var order in new[] { seeds, seeds.Reverse().ToList() })
        {
            var stories = await AssignAsync([.. order]);
            Assert.True(stories.Values.Distinct().Count() == 1, string.Join(", ", stories.Select(s => $"{s.Key}: {s.Value}")));
        }
    }
}
