using System.Runtime.InteropServices;

namespace SearchSuite.Search.Stories;

/// <summary>
/// The story cards of the documents assigned but not yet reported searchable (<see cref="StoryAssigner.DocumentsIndexed"/>),
/// with an inverted list per evidence term: batches that are still being written find each other here. Bounded: the
/// oldest card leaves when the window is full (a batch whose indexing failed is never reported). Not thread-safe; <see cref="StoryAssigner"/> serialises access.
/// </summary>
public sealed class RecentStoryCards(int capacity)
{
    /// <summary>A term in more recent cards than this is skipped, as the index lookup skips very common terms.</summary>
    private const int MaxPostings = 256;

    private readonly Queue<string> order = new();
    private readonly Dictionary<string, StoryCandidate> cards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> postings = new(StringComparer.Ordinal);
    /// <summary>Emptied postings lists, reused: every card adds some sixty terms and leaves again within a batch or two.</summary>
    private readonly Stack<List<string>> spareLists = new();
    /// <summary>The scores and ranking of one <see cref="Find"/>, kept between calls (not thread-safe, as the class).</summary>
    private readonly Dictionary<string, float> scores = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, float>> ranked = [];

    public int Count => cards.Count;

    public void Add(StoryCandidate card)
    {
        if (capacity == 0) return;
        if (cards.Remove(card.DocumentId, out var previous)) RemovePostings(previous);
        else order.Enqueue(card.DocumentId);
        cards[card.DocumentId] = card;
        foreach (var term in card.Evidence.Terms) AddPosting(term, card.DocumentId);
        if (card.Fingerprint.Length > 0) AddPosting(FingerprintTerm(card.Fingerprint), card.DocumentId);
        while (order.Count > capacity) Remove(order.Dequeue());
    }

    public void Remove(string documentId)
    {
        if (cards.Remove(documentId, out var card)) RemovePostings(card);
    }

    /// <summary>Removes the card of a document indexed under <paramref name="storyId"/>, unless a merge has renamed it since.</summary>
    public void RemoveIfCurrent(string documentId, string storyId)
    {
        if (cards.TryGetValue(documentId, out var card) && card.StoryId == storyId) Remove(documentId);
    }

    public StoryCandidate? Get(string documentId) => cards.GetValueOrDefault(documentId);

    /// <summary>Every recent card of a story, so that a merge can rename them.</summary>
    public IReadOnlyList<StoryCandidate> OfStory(string storyId) => [.. cards.Values.Where(c => c.StoryId == storyId)];

    /// <summary>The cards sharing the most evidence weight with the query (the same fingerprint first), best first.</summary>
    public IReadOnlyList<StoryCandidate> Find(StoryCandidateQuery query)
    {
        if (cards.Count == 0) return [];
        if (query.Fingerprint.Length > 0) Score(FingerprintTerm(query.Fingerprint), 1_000f);
        foreach (var term in query.Evidence.Terms) Score(term, StoryEvidence.WeightOf(StoryEvidence.KindOf(term)));
        // Best first, ties by id: a total order, sorted in place rather than through LINQ's ordered iterators per document.
        ranked.AddRange(scores);
        ranked.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        var found = new List<StoryCandidate>(Math.Min(query.Limit, ranked.Count));
        for (var i = 0; i < found.Capacity; i++) found.Add(cards[ranked[i].Key]);
        scores.Clear();
        ranked.Clear();
        return found;
    }

    private void Score(string term, float weight)
    {
        if (!postings.TryGetValue(term, out var list) || list.Count > MaxPostings) return;
        foreach (var id in list) CollectionsMarshal.GetValueRefOrAddDefault(scores, id, out _) += weight;
    }

    private static string FingerprintTerm(string fingerprint) => "#" + fingerprint;

    private void AddPosting(string term, string documentId)
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(postings, term, out var exists);
        if (!exists) list = spareLists.TryPop(out var spare) ? spare : [];
        list!.Add(documentId);
    }

    private void RemovePostings(StoryCandidate card)
    {
        foreach (var term in card.Evidence.Terms) RemovePosting(term, card.DocumentId);
        if (card.Fingerprint.Length > 0) RemovePosting(FingerprintTerm(card.Fingerprint), card.DocumentId);
    }

    private void RemovePosting(string term, string documentId)
    {
        if (!postings.TryGetValue(term, out var list)) return;
        list.Remove(documentId);
        if (list.Count > 0) return;
        postings.Remove(term);
        // Bounded like the cards: past the window's worth of lists a list is left to the collector.
        if (spareLists.Count < capacity) spareLists.Push(list);
    }
}
