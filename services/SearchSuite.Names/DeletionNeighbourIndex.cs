namespace SearchSuite.Names;

/// <summary>
/// A symmetric-delete index (SymSpell style) over a set of terms: every term and each of its one-letter deletions point
/// to the term, so terms one edit apart (insertion, deletion, substitution, adjacent transposition) meet under a shared
/// entry, and a lookup costs a handful of dictionary reads instead of a scan of the vocabulary. Not thread-safe: the
/// owner (<see cref="NameVocabulary"/>) locks around it.
/// </summary>
internal sealed class DeletionNeighbourIndex
{
    private readonly TermsByKey _termsByDeletion = new();

    public void Add(string term)
    {
        foreach (var neighbour in Deletions(term)) _termsByDeletion.Add(neighbour, term);
    }

    public void Remove(string term)
    {
        foreach (var neighbour in Deletions(term)) _termsByDeletion.Remove(neighbour, term);
    }

    /// <summary>
    /// The indexed terms other than <paramref name="term"/> whose <see cref="ConfusionEditDistance"/> to it is within
    /// <paramref name="maxCost"/>, with the distance, in no order. Beyond one full edit the query's two-letter
    /// deletions also meet the indexed terms' one-letter deletions: two insertions, or an insertion with a deletion or
    /// substitution (never two substitutions).
    /// </summary>
    public IEnumerable<(string Term, float Cost)> Within(string term, float maxCost)
    {
        if (term.Length == 0 || maxCost <= 0) yield break;
        var seen = new HashSet<string>(StringComparer.Ordinal) { term };
        var neighbours = maxCost > ConfusionEditDistance.FullCost
            ? Deletions(term).SelectMany(Deletions).Distinct(StringComparer.Ordinal)
            : Deletions(term);
        foreach (var neighbour in neighbours)
        {
            var entry = _termsByDeletion.Get(neighbour);
            for (var k = 0; k < entry.Count; k++)
            {
                var candidate = entry[k];
                if (!seen.Add(candidate)) continue;
                var cost = ConfusionEditDistance.Compute(term, candidate, maxCost);
                if (cost <= maxCost) yield return (candidate, cost);
            }
        }
    }

    /// <summary>
    /// The indexed terms one adjacent transposition and one other edit from <paramref name="term"/> ("Vldaimi": Vladimir,
    /// "Leitrein": Leirstein), within <paramref name="maxCost"/>, which neither the two-letter deletions of
    /// <see cref="Within"/> nor the pieces of <see cref="TwoEditNeighbourIndex"/> reach when the swap spans a piece's edge:
    /// each swap of two letters is undone and its one-edit neighbours looked up.
    /// </summary>
    public IEnumerable<(string Term, float Cost)> WithinAfterTransposition(string term, float maxCost)
    {
        var found = new List<(string, float)>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { term };
        var swapped = term.ToCharArray();
        for (var i = 0; i + 1 < term.Length; i++)
        {
            if (term[i] == term[i + 1]) continue;
            (swapped[i], swapped[i + 1]) = (term[i + 1], term[i]);
            foreach (var (candidate, _) in Within(new string(swapped), ConfusionEditDistance.FullCost))
            {
                if (!seen.Add(candidate)) continue;
                var cost = ConfusionEditDistance.Compute(term, candidate, maxCost);
                if (cost <= maxCost) found.Add((candidate, cost));
            }
            (swapped[i], swapped[i + 1]) = (term[i], term[i + 1]);
        }
        return found;
    }

    /// <summary>The term and its one-letter deletions (deleting either letter of a double gives one string, offered once).</summary>
    private static IEnumerable<string> Deletions(string term)
    {
        yield return term;
        for (var i = 0; i < term.Length; i++)
        {
            if (i > 0 && term[i] == term[i - 1]) continue;
            yield return string.Concat(term.AsSpan(0, i), term.AsSpan(i + 1));
        }
    }
}
