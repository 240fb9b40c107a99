using SearchSuite.Contracts;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Stories;

namespace SearchSuite.Services.Tests.Search;

/// <summary>What the indexing step computes once per document, for whichever backend indexes it.</summary>
public class IndexedDocumentTests
{
    /// <summary>Keys each name by its lower-cased last word and records every name it was asked to register.</summary>
    private sealed class RecordingNames : IIndexedNames
    {
        public List<string> Registered { get; } = [];

        public IReadOnlyList<string> Register(string personName)
        {
            Registered.Add(personName);
            return [personName.Split(' ')[^1].ToLowerInvariant()];
        }

        public string? KeyOf(string token) => token is "Moskau" or "Kreml" ? token.ToLowerInvariant() : null;
    }

    private static readonly DocumentNormalized Peskow = new()
    {
        DocumentId = "peskow-1",
        Language = "de",
        Title = "Kreml dementiert",
        Text = "Dmitri Peskow sprach in Moskau.",
        Outlet = "Dân trí",
        PersonNames = ["Dmitri Peskow"],
        RelatedPersonNames = ["Sergej Lawrow"],
        RelatedHeadlines = ["Lawrow in Moskau"],
        Fingerprint = "f1",
    };

    [Fact]
    public void Names_are_registered_once_and_their_keys_join_the_keys_of_capitalised_words()
    {
        var names = new RecordingNames();

        var indexed = IndexedDocument.From(Peskow, names);

        Assert.Equal(["Dmitri Peskow", "Sergej Lawrow"], names.Registered);
        Assert.Equal(["peskow", "kreml", "moskau"], indexed.NameKeys);
        Assert.Equal(["lawrow", "moskau"], indexed.RelatedNameKeys);
        Assert.Equal(IIndexedNames.FormsOf(["Dmitri Peskow", "Sergej Lawrow"]), indexed.NameForms);
        Assert.NotEmpty(indexed.NameForms);
    }

    [Fact]
    public void A_document_without_a_story_is_the_first_version_of_its_own_and_carries_its_evidence()
    {
        var indexed = IndexedDocument.From(Peskow, new RecordingNames());

        Assert.Equal("peskow-1", indexed.Document.StoryId);
        Assert.Equal(StoryEvidence.Extract(indexed.Document), indexed.StoryEvidence);
        var candidate = indexed.Candidate;
        Assert.Equal(("peskow-1", "peskow-1", "f1"), (candidate.DocumentId, candidate.StoryId, candidate.Fingerprint));
        Assert.Same(indexed.StoryEvidence, candidate.Evidence);
        Assert.Equal(IndexFields.OutletKeyOf("Dân trí"), indexed.OutletKey);
        Assert.Equal("de", indexed.OriginOrOwnLanguage);
        Assert.Equal("story-7", IndexedDocument.From(Peskow with { StoryId = "story-7" }, new RecordingNames()).Document.StoryId);
    }

    [Fact]
    public void A_tombstone_registers_no_names_and_carries_no_indexed_terms()
    {
        var names = new RecordingNames();

        var indexed = IndexedDocument.From(DocumentNormalized.Tombstone("peskow-1", DateTimeOffset.UnixEpoch), names);

        Assert.True(indexed.Deleted);
        Assert.Empty(names.Registered);
        Assert.Empty(indexed.NameKeys);
        Assert.Empty(indexed.NameForms);
        Assert.Empty(indexed.StoryEvidence.Terms);
    }
}
