using System.Text.Json;
using SearchSuite.Contracts;
using SearchSuite.Search.Stories;
using SearchSuite.Testing;
using SearchSuite.Text;

namespace SearchSuite.Services.Tests.Stories;

/// <summary>The precision rules against real translations (../shared/data/ntrex): they must not split what translation keeps together.</summary>
public sealed class StoryNtrexTests
{
    [Fact]
    [Trait("Category", TestCategories.SharedData)]
    public void The_order_and_template_rules_keep_nearly_every_NTREX_translation_pair_together()
    {
        var normalizer = new DocumentNormalizer();
        var stories = File.ReadLines(RepoPaths.SharedFile("data", "ntrex", "ntrex_docs.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(d => (Story: d.GetProperty("doc_id").GetString()!, Document: SearchSuite.Normalize.NormalizeDocumentConsumer.Normalize(normalizer,
                new DocumentSubmitted { DocumentId = d.GetProperty("doc_id").GetString() + "/" + d.GetProperty("lang").GetString(), Text = d.GetProperty("text").GetString()!, Language = d.GetProperty("lang").GetString() })))
            .GroupBy(d => d.Story, d => StoryEvidence.Extract(d.Document))
            .ToList();
        var options = new StoryOptions();
        int pairs = 0, split = 0;
        foreach (var story in stories)
        {
            var versions = story.ToList();
            for (var i = 0; i < versions.Count; i++)
                for (var j = i + 1; j < versions.Count; j++)
                {
                    var match = StoryMatcher.Compare(versions[i], versions[j]);
                    pairs++;
                    if (StoryMatcher.OrderDisagrees(match, options) || StoryMatcher.SameTemplateOtherFacts(match, options)) split++;
                }
        }

        Assert.True(pairs >= 700, $"{pairs} translation pairs");
        Assert.True(split <= pairs * 0.03, $"the rules split {split} of {pairs} translation pairs");
    }
}
