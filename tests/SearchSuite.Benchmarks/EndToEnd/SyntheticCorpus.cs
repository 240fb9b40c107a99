using System.Text;
using SearchSuite.Benchmarks.Text;

namespace SearchSuite.Benchmarks.EndToEnd;

/// <summary>A generated article as a client submits it; <see cref="Text"/> holds the title line, body and boilerplate.</summary>
public sealed record SyntheticDocument(string Id, string Language, string Text);

/// <summary>
/// Realistic news documents built from NTREX sentences (de, en, vi): a title line, a body with person names from the
/// curated variant sets, seed-style boilerplate ("Lesen Sie auch" lists, "[Anzeige_2]", "Kommentar (0)", source lines,
/// podcast listings) and a controlled share of duplicates. The same seed always gives the same corpus.
/// </summary>
public sealed class SyntheticCorpus
{
    /// <summary>A token every generated body carries, so that Search("…").total_hits counts the searchable documents.</summary>
    public const string Marker = "sbx2026";

    private static readonly string[] Languages = ["de", "en", "vi"];

    private static readonly Dictionary<string, string[]> NameSentences = new()
    {
        ["de"] = ["{0} äußerte sich am Montag zu den Vorwürfen.", "Nach Angaben von {0} wird weiter verhandelt.", "{0} sagte, man sei zu Gesprächen bereit."],
        ["en"] = ["{0} said on Monday that the talks would continue.", "According to {0}, both sides remain open to talks.", "{0} declined to comment on the report."],
        ["vi"] = ["Ông {0} cho biết các cuộc đàm phán sẽ tiếp tục.", "Theo {0}, hai bên sẵn sàng đối thoại.", "{0} từ chối bình luận về báo cáo này."],
    };

    private static readonly Dictionary<string, string> RelatedHeaders = new() { ["de"] = "Lesen Sie auch", ["en"] = "Read more", ["vi"] = "Đọc thêm" };
    private static readonly Dictionary<string, string> AdMarkers = new() { ["de"] = "[Anzeige_2]", ["en"] = "[Advertisement]", ["vi"] = "[Quảng cáo]" };
    private static readonly Dictionary<string, string> CommentCounters = new() { ["de"] = "Kommentar ({0})", ["en"] = "Comments ({0})", ["vi"] = "Bình luận ({0})" };
    private static readonly Dictionary<string, string> SourceLabels = new() { ["de"] = "Quelle", ["en"] = "Source", ["vi"] = "Nguồn" };
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] PodcastSlugs = ["badfluence", "framgangspodden", "rss-dagen-med-di", "svd-tech-brief", "avanzapodden", "24fragor", "rss-borsens-finest"];

    private readonly Dictionary<string, string[]> sentences;
    private readonly Dictionary<string, string[]> titles;
    private readonly IReadOnlyList<string[]> nameGroups;

    /// <param name="nameGroups">Spelling variants of one person per group, Latin script only.</param>
    public SyntheticCorpus(IReadOnlyList<NtrexDocument> ntrex, IReadOnlyList<string[]> nameGroups)
    {
        sentences = Languages.ToDictionary(l => l, l => ntrex.Where(d => d.Language == l).SelectMany(d => d.Sentences).Where(s => s.Length >= 30).ToArray());
        titles = Languages.ToDictionary(l => l, l => ntrex.Where(d => d.Language == l).Select(d => d.Title).ToArray());
        this.nameGroups = nameGroups;
    }

    /// <summary>Latin-script spellings from the curated variant sets (Cyrillic forms are left out: the corpus is de, en and vi).</summary>
    public static IReadOnlyList<string[]> LoadNameGroups(string tsvPath) =>
        [.. File.ReadLines(tsvPath)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t').Where(v => v.All(c => c < 0x0400)).ToArray())
            .Where(group => group.Length > 0)];

    /// <summary>
    /// <paramref name="count"/> documents, of which about <paramref name="duplicateShare"/> repeat an earlier one: half as an
    /// exact re-send (same id and text), half as a near-duplicate under a new id (same body, other boilerplate and line
    /// breaks), which the index folds into one document by its content fingerprint.
    /// </summary>
    public GeneratedCorpus Generate(int count, double duplicateShare, int seed, string idPrefix = "bench-")
    {
        var random = new Random(seed);
        var documents = new List<SyntheticDocument>(count);
        var originals = new List<(int Index, string Language, string Title, List<string> Body)>(count);
        var duplicates = 0;
        for (var i = 0; i < count; i++)
        {
            if (originals.Count > 0 && random.NextDouble() < duplicateShare)
            {
                duplicates++;
                var original = originals[random.Next(originals.Count)];
                documents.Add(random.Next(2) == 0
                    ? documents[original.Index]
                    : new SyntheticDocument($"{idPrefix}{i:D7}", original.Language, Compose(random, original.Language, original.Title, original.Body, reflow: true)));
                continue;
            }
            var language = Languages[random.Next(Languages.Length)];
            var title = Pick(random, titles[language]);
            var body = Body(random, language, title);
            originals.Add((documents.Count, language, title, body));
            documents.Add(new SyntheticDocument($"{idPrefix}{i:D7}", language, Compose(random, language, title, body, reflow: false)));
        }
        return new GeneratedCorpus(documents, count - duplicates, Queries(random, 256));
    }

    private List<string> Body(Random random, string language, string title)
    {
        var body = new List<string>();
        var length = random.Next(6, 15);
        while (body.Count < length)
        {
            // The normalizer drops a line that repeats the title, but not the same sentence inside a re-wrapped line,
            // so a body holding its own title would make a near-duplicate that is not one.
            var sentence = Pick(random, sentences[language]);
            if (sentence != title) body.Add(sentence);
        }
        body[0] += $" ({Marker})";
        for (var names = random.Next(1, 4); names > 0; names--)
            body.Insert(random.Next(1, body.Count), string.Format(Pick(random, NameSentences[language]), Pick(random, Pick(random, nameGroups))));
        return body;
    }

    /// <summary>Title line, blank line, body paragraphs with seed-style boilerplate around them.</summary>
    private string Compose(Random random, string language, string title, List<string> body, bool reflow)
    {
        var text = new StringBuilder();
        text.Append(title).Append("\n\n");
        var adAt = random.NextDouble() < 0.4 ? random.Next(1, body.Count) : -1;
        for (var i = 0; i < body.Count; i++)
        {
            if (i == adAt)
            {
                // A marker line is boilerplate only on a line of its own.
                if (text[^1] != '\n') text.Append('\n');
                text.Append(AdMarkers[language]).Append('\n');
            }
            // A near-duplicate is the same article re-wrapped: other line breaks, doubled spaces.
            text.Append(reflow ? body[i].Replace(", ", ",  ") : body[i]).Append(reflow && i % 2 == 0 ? " " : "\n");
        }
        text.Append('\n');
        if (random.NextDouble() < 0.5)
        {
            text.Append(RelatedHeaders[language]).Append('\n');
            for (var i = random.Next(3, 7); i > 0; i--) text.Append("- ").Append(Pick(random, titles[language])).Append('\n');
            text.Append('\n');
        }
        if (random.NextDouble() < 0.4)
            text.Append(SourceLabels[language]).Append(": https://dantri.com.vn/the-gioi/bai-").Append(random.Next(100_000, 999_999)).Append(".htm\n");
        if (random.NextDouble() < 0.5)
            text.Append(string.Format(CommentCounters[language], random.Next(0, 40))).Append('\n');
        if (language == "en" && random.NextDouble() < 0.25) AppendPodcastListing(random, text);
        return text.ToString();
    }

    private void AppendPodcastListing(Random random, StringBuilder text)
    {
        text.Append("\nSee omnystudio.com/listener for privacy information.\n\nAvsnitt(").Append(random.Next(100, 2000)).Append(")\n\n");
        for (var i = random.Next(3, 6); i > 0; i--)
        {
            var episode = Pick(random, titles["en"]);
            var teaser = Pick(random, sentences["en"]);
            text.Append(episode).Append("\n\n").Append(episode).Append("\n\n")
                .Append(teaser[..Math.Min(teaser.Length, 110)]).Append("...\n\n")
                .Append(random.Next(1, 29)).Append(' ').Append(Pick(random, Months)).Append(' ').Append(random.Next(10, 60)).Append("min\n\n");
        }
        text.Append("Populärt inom Business & ekonomi\n\n");
        foreach (var slug in PodcastSlugs.OrderBy(_ => random.Next())) text.Append(slug).Append('\n');
    }

    /// <summary>Words from the corpus (one or two from a sentence) and person names, often in another spelling than the documents use.</summary>
    private IReadOnlyList<string> Queries(Random random, int count)
    {
        var queries = new List<string>(count);
        while (queries.Count < count)
        {
            if (random.NextDouble() < 0.4)
            {
                queries.Add(Pick(random, Pick(random, nameGroups)));
                continue;
            }
            var words = Search.Querying.QueryPlanner.Words(Pick(random, sentences[Pick(random, Languages)]))
                .Where(w => w.Length >= 5 && w.All(char.IsLetter)).ToList();
            if (words.Count == 0) continue;
            var first = random.Next(words.Count);
            queries.Add(random.Next(2) == 0 || first + 1 >= words.Count ? words[first] : $"{words[first]} {words[first + 1]}");
        }
        return queries;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

/// <summary>The generated documents, how many the index should hold, and the queries to search them with.</summary>
public sealed class GeneratedCorpus(List<SyntheticDocument> documents, int distinctCount, IReadOnlyList<string> queries)
{
    private List<SyntheticDocument>? documents = documents;

    public IReadOnlyList<SyntheticDocument> Documents => documents ?? throw new InvalidOperationException("The documents were released after the ingest.");
    public int Count { get; } = documents.Count;
    /// <summary>Documents the index holds once all are in (duplicates fold into their originals).</summary>
    public int DistinctCount { get; } = distinctCount;
    public IReadOnlyList<string> Queries { get; } = queries;

    /// <summary>
    /// Drops the documents (hundreds of MB at 100,000) once they are ingested, so that collecting them does not
    /// pause the benchmark's own clients while they time searches.
    /// </summary>
    public void ReleaseDocuments()
    {
        documents = null;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
