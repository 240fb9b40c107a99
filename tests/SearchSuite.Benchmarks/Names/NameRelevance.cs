using SearchSuite.Names;

namespace SearchSuite.Benchmarks.Names;

/// <summary>Recall@10 and false-match rate of one query set under one matching mode.</summary>
/// <param name="AllWordsRecallAt10">As the search service ranks: only documents that match every query word count, the target included.</param>
/// <param name="FalseMatchesAtOrAboveTarget">
/// The false matches that rank at or above the target's full match (all of them when the target has none): those
/// break the issue's rule that a looser match ranks below the exact and curated ones.
/// </param>
public sealed record RelevanceFigures(
    string Set, string Mode, int Queries, double RecallAt10, double AllWordsRecallAt10, int ReturnedMatches, int FalseMatches, int Homonyms, int LongerNames,
    int FalseMatchesAtOrAboveTarget)
{
    public double FalseMatchRate => ReturnedMatches == 0 ? 0 : (double)FalseMatches / ReturnedMatches;

    public double FalseAtOrAboveTargetRate => ReturnedMatches == 0 ? 0 : (double)FalseMatchesAtOrAboveTarget / ReturnedMatches;
}

/// <summary>
/// Ranks every document for every query with <see cref="NameScorer"/> — the rule the search service applies — either
/// on expansions (exact, curated, key, fuzzy) or on the baseline (exact tokens after lower-casing and accent folding).
/// </summary>
public sealed class NameRelevance
{
    private const int TopK = 10;
    private readonly NameDevSet _devSet;
    private readonly NameExpander _expander;
    private readonly IReadOnlyList<IndexedNameToken>[] _expandedTokens;
    private readonly IReadOnlyList<IndexedNameToken>[] _baselineTokens;
    private readonly string[] _foldedNames;
    private readonly Dictionary<string, List<int>> _byForm = [];
    private readonly Dictionary<string, List<int>> _byKey = [];
    private readonly Dictionary<string, List<int>> _byBaselineForm = [];

    public NameRelevance(NameDevSet devSet, NameExpanderOptions options)
    {
        _devSet = devSet;
        var vocabulary = new NameVocabulary();
        _expandedTokens = new IReadOnlyList<IndexedNameToken>[devSet.Documents.Count];
        _baselineTokens = new IReadOnlyList<IndexedNameToken>[devSet.Documents.Count];
        _foldedNames = new string[devSet.Documents.Count];
        foreach (var document in devSet.Documents)
        {
            var tokens = IndexedNameToken.FromName(document.Name);
            _expandedTokens[document.Id] = tokens;
            _baselineTokens[document.Id] = [.. tokens.Select(t => BaselineToken(t.Form))];
            _foldedNames[document.Id] = FoldedName(document.Name);
            foreach (var token in tokens)
            {
                vocabulary.Add(token.Form);
                Post(_byForm, token.Form, document.Id);
                Post(_byKey, token.Key, document.Id);
            }
            foreach (var token in _baselineTokens[document.Id]) Post(_byBaselineForm, token.Form, document.Id);
        }
        _expander = new NameExpander(new NameVariantStore(), vocabulary, options);
    }

    /// <summary>Misses (target outside the top 10) and false matches, for tuning; filled when asked for.</summary>
    public List<string>? Diagnostics { get; init; }

    /// <param name="summaries">Also the rows "promised" and "all" (the dev set's sets; the perturbation bed reports per category only).</param>
    public IReadOnlyList<RelevanceFigures> Evaluate(bool expand, bool summaries = true) =>
    [
        .. _devSet.Queries.GroupBy(q => q.Set).Select(g => Evaluate(g.Key, g.ToList(), expand)),
        .. summaries
            ? new[] { Evaluate("promised", [.. _devSet.Queries.Where(q => NameDevSet.IsPromised(q.Set))], expand), Evaluate("all", _devSet.Queries, expand) }
            : [],
    ];

    private RelevanceFigures Evaluate(string set, IReadOnlyList<NameQuery> queries, bool expand)
    {
        int found = 0, foundWithAllWords = 0, returned = 0, falseMatches = 0, homonyms = 0, longerNames = 0, falseAtOrAbove = 0;
        foreach (var query in queries)
        {
            var scores = Rank(query.Name, expand);
            var targetScore = query.Targets.Select(t => scores.GetValueOrDefault(t, new NameMatch(float.NegativeInfinity, 0, 0, 0)).Score).Max();
            // Pessimistic rank: every other person's document scoring at least as high counts as ahead of the target.
            var ahead = scores.Count(s => s.Value.Score >= targetScore && _devSet.Documents[s.Key].PersonId != query.PersonId);
            if (!float.IsNegativeInfinity(targetScore) && ahead < TopK) found++;
            else Diagnostics?.Add($"{set}\tmiss\t{query.Name}\t→ {string.Join(" | ", query.Targets.Select(t => _devSet.Documents[t].Name))}\t(score {targetScore:0.00}, {ahead} ahead)");
            // The service requires every query word, so only full matches are returned, and only they can rank ahead.
            var fullTarget = query.Targets.Select(t => scores.GetValueOrDefault(t)).Where(m => m.IsFull).Select(m => m.Score).DefaultIfEmpty(float.NegativeInfinity).Max();
            var fullAhead = scores.Count(s => s.Value.IsFull && s.Value.Score >= fullTarget && _devSet.Documents[s.Key].PersonId != query.PersonId);
            if (!float.IsNegativeInfinity(fullTarget) && fullAhead < TopK) foundWithAllWords++;
            else Diagnostics?.Add($"{set}\tmiss-all-words\t{query.Name}\t→ {string.Join(" | ", query.Targets.Select(t => _devSet.Documents[t].Name))}\t({fullAhead} ahead)");

            var (queryFolded, queryJoined) = (FoldedName(query.Name), JoinedFold(query.Name));
            foreach (var (documentId, match) in scores)
            {
                if (!match.IsFull) continue;
                returned++;
                if (_devSet.Documents[documentId].PersonId == query.PersonId) continue;
                // "Ian Paisley" also names "Ian Paisley, Jr.", and "A. Smith" names Angela Smith as well as Alan Smith:
                // the query is ambiguous, not the match wrong.
                if (!match.IsComplete || match.AbbreviatedDocumentTokens > 0) longerNames++;
                else if (_foldedNames[documentId] == queryFolded || JoinedFold(_devSet.Documents[documentId].Name) == queryJoined) homonyms++;
                else
                {
                    falseMatches++;
                    var atOrAbove = match.Score >= fullTarget;
                    if (atOrAbove) falseAtOrAbove++;
                    Diagnostics?.Add($"{set}\t{(atOrAbove ? "false-at-or-above" : "false-below")}\t{query.Name}\t→ {_devSet.Documents[documentId].Name}\t({match.Score:0.00} vs target {fullTarget:0.00})");
                }
            }
        }
        return new RelevanceFigures(set, expand ? "expanded" : "baseline", queries.Count, (double)found / queries.Count, (double)foundWithAllWords / queries.Count,
            returned, falseMatches, homonyms, longerNames, falseAtOrAbove);
    }

    /// <summary>
    /// Every document that shares at least one term with the query, with its score. The query's words and which of
    /// them are required come from <see cref="PersonNameQuery"/>, as in the search service's query planner.
    /// </summary>
    public Dictionary<int, NameMatch> Rank(string queryName, bool expand)
    {
        var words = PersonNameQuery.Parse(queryName, _expander.IsKnownName);
        IReadOnlyList<IReadOnlyList<NameExpansion>> query;
        var candidates = new HashSet<int>();
        if (expand)
        {
            query = [.. words.Select(w => _expander.Expand(w.Text, w.IsGivenName, w.IsNameWord))];
            foreach (var expansions in query)
            {
                foreach (var expansion in expansions) candidates.UnionWith(_byForm.GetValueOrDefault(expansion.Form) ?? []);
                foreach (var (key, _) in _expander.Scorer.KeyTerms(expansions)) candidates.UnionWith(_byKey.GetValueOrDefault(key) ?? []);
            }
        }
        else
        {
            query = [.. words.Select(w => (IReadOnlyList<NameExpansion>)[ExactOnly(BaselineToken(w.Text))])];
            foreach (var expansions in query) candidates.UnionWith(_byBaselineForm.GetValueOrDefault(expansions[0].Form) ?? []);
        }
        var tokens = expand ? _expandedTokens : _baselineTokens;
        return candidates.ToDictionary(id => id, id => _expander.Scorer.Score(query, tokens[id], words));
    }

    public NameExpander Expander => _expander;

    // The baseline matches surface forms only: its tokens carry no key, so key terms can never fire.
    private static IndexedNameToken BaselineToken(string form) => new(NameDevSet.BaselineFold(form), "");

    private static NameExpansion ExactOnly(IndexedNameToken token) => new(token.Form, "\u0001no-key", ExpansionSource.Exact, 1f);

    private static string FoldedName(string name) =>
        string.Join(' ', NameTokens.Split(name).Select(NameTokens.Fold).Order(StringComparer.Ordinal));

    // "MichaelFerguson" is the name "Michael Ferguson" written as one word: another Michael Ferguson is a homonym.
    private static string JoinedFold(string name) => string.Concat(NameTokens.Split(name).Select(NameTokens.Fold));

    private static void Post(Dictionary<string, List<int>> postings, string term, int documentId)
    {
        if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
        if (list.Count == 0 || list[^1] != documentId) list.Add(documentId);
    }
}
