namespace SearchSuite.Names;

/// <summary>A name token as indexed: its surface form (<c>names</c> field) and its key (<c>name_keys</c> field).</summary>
/// <param name="IsOptional">A patronymic or initial (<see cref="NameTokens.IsOptional"/>): left unmatched, it counts on neither side.</param>
public sealed record IndexedNameToken(string Form, string Key, bool IsOptional = false)
{
    public static IndexedNameToken From(string token)
    {
        var form = NameTokens.Normalize(token);
        return new IndexedNameToken(form, NameKey.Compute(form), NameTokens.IsOptional(form));
    }

    public static IReadOnlyList<IndexedNameToken> FromName(string name) => [.. NameTokens.Split(name).Select(From)];
}

/// <summary>How well one indexed name matches a query name.</summary>
/// <param name="AbbreviatedDocumentTokens">Document words that only a query initial matched ("A." for Annalena): the query says less than the name.</param>
public readonly record struct NameMatch(float Score, int MatchedQueryTokens, int QueryTokens, int UnmatchedDocumentTokens, int AbbreviatedDocumentTokens = 0)
{
    /// <summary>Every query token found a spelling in the name: the name is a candidate for the same person.</summary>
    public bool IsFull => QueryTokens > 0 && MatchedQueryTokens == QueryTokens;

    /// <summary>The names match token for token, with nothing left over on either side.</summary>
    public bool IsComplete => IsFull && UnmatchedDocumentTokens == 0;
}

/// <summary>
/// The ranking rule the search service applies to names, kept here so the relevance benchmark measures it.
/// A document token matches an expansion by surface form at the expansion's weight, or by key at no more than
/// the key weight (a key match cannot tell which spelling was meant, so it never counts as exact).
/// </summary>
public sealed class NameScorer(NameExpanderOptions options)
{
    /// <summary>Per unmatched document token: among full matches, "Gagik Zarukjan" outranks "Gagik Zarukjan Ivanovich".</summary>
    public const float ExtraTokenPenalty = 0.02f;

    /// <summary>The weight of the best expansion that <paramref name="token"/> matches; 0 when none does.</summary>
    public float MatchWeight(IReadOnlyList<NameExpansion> expansions, IndexedNameToken token)
    {
        var best = 0f;
        foreach (var expansion in expansions)
        {
            if (expansion.Form == token.Form) best = Math.Max(best, expansion.Weight);
            else if (expansion.Key == token.Key) best = Math.Max(best, Math.Min(expansion.Weight, options.KeyWeight));
        }
        return best;
    }

    private static bool IsOptional(IReadOnlyList<NameExpansion> expansions) =>
        expansions.Any(e => e.Source == ExpansionSource.Exact && NameTokens.IsOptional(e.Form));

    /// <summary>The key terms for the <c>name_keys</c> field: each distinct key with the weight a key match earns.</summary>
    public IReadOnlyList<(string Key, float Weight)> KeyTerms(IReadOnlyList<NameExpansion> expansions) =>
        [.. expansions.GroupBy(e => e.Key).Select(g => (g.Key, Math.Min(g.Max(e => e.Weight), options.KeyWeight)))];

    /// <summary>
    /// Mean best weight over the query tokens, less a small penalty per document token left unmatched. Unmatched
    /// optional tokens (patronymics, initials) count on neither side, since other spellings drop them. Optional
    /// query tokens are recognised by the <see cref="NameExpansion.Form"/> of their exact expansion, or by the
    /// <paramref name="query"/> tokens of <see cref="PersonNameQuery"/> (inner words of a long name, qualifiers); of a
    /// group of alternatives (<see cref="QueryToken.AnyOf"/>) one match is enough.
    /// </summary>
    public NameMatch Score(IReadOnlyList<IReadOnlyList<NameExpansion>> queryExpansions, IReadOnlyList<IndexedNameToken> document, IReadOnlyList<QueryToken>? query = null)
    {
        if (queryExpansions.Count == 0) return default;
        var total = 0f;
        var matched = 0;
        var queryTokens = 0;
        HashSet<int>? unmatchedGroups = null, matchedGroups = null;
        Span<bool> used = document.Count <= 64 ? stackalloc bool[document.Count] : new bool[document.Count];
        for (var q = 0; q < queryExpansions.Count; q++)
        {
            var expansions = queryExpansions[q];
            var best = 0f;
            var bestIndex = -1;
            for (var i = 0; i < document.Count; i++)
            {
                var weight = MatchWeight(expansions, document[i]);
                if (weight > best) (best, bestIndex) = (weight, i);
            }
            if (bestIndex < 0)
            {
                if (query?[q] is { AnyOf: { } group }) (unmatchedGroups ??= []).Add(group);
                else if (query?[q].Required != false && !IsOptional(expansions)) queryTokens++;
                continue;
            }
            if (query?[q] is { AnyOf: { } matchedGroup }) (matchedGroups ??= []).Add(matchedGroup);
            used[bestIndex] = true;
            total += best;
            matched++;
            queryTokens++;
        }
        // A group none of whose words matched counts as one unmatched query token.
        if (unmatchedGroups is not null) queryTokens += unmatchedGroups.Count(g => matchedGroups?.Contains(g) != true);
        var abbreviated = AbbreviatedByInitials(queryExpansions, document, used, out var initialsConflict);
        if (initialsConflict) queryTokens++;
        // Initials and patronymics may be missing on either side, but not conflict: when both sides carry them, each
        // must find its counterpart ("George W. Bush" is no "George H. W. Bush", "Dmitry Sergeyevich Peskov" no
        // "Dmitry Ivanovich Peskov"). A conflict counts as one unmatched query token.
        if (Conflicts(queryExpansions, document, used, NameTokens.IsInitial) || Conflicts(queryExpansions, document, used, NameTokens.IsPatronymic)) queryTokens++;
        var unmatchedDocumentTokens = 0;
        for (var i = 0; i < document.Count; i++)
            if (!used[i] && !document[i].IsOptional) unmatchedDocumentTokens++;
        if (queryTokens == 0) return new NameMatch(0, 0, 0, unmatchedDocumentTokens);
        return new NameMatch(total / queryTokens - ExtraTokenPenalty * unmatchedDocumentTokens, matched, queryTokens, unmatchedDocumentTokens, abbreviated);
    }

    /// <summary>
    /// An initial of the query left unmatched takes the document word it abbreviates ("A. Baerbock" and Annalena
    /// Baerbock: "Annalena" is then no extra word, so she ranks above other Baerbocks). When it abbreviates none, while
    /// the document has a word left over that no other query word took, that word is another given name: a conflict
    /// ("Y. Jones" is not Tom Jones). A document with no word left over ("Jones") does not conflict.
    /// </summary>
    /// <returns>How many document words query initials took.</returns>
    private static int AbbreviatedByInitials(IReadOnlyList<IReadOnlyList<NameExpansion>> queryExpansions, IReadOnlyList<IndexedNameToken> document, Span<bool> used, out bool conflict)
    {
        conflict = false;
        var taken = 0;
        foreach (var expansions in queryExpansions)
        {
            var exact = expansions.FirstOrDefault(e => e.Source == ExpansionSource.Exact);
            if (exact is null || !NameTokens.IsInitial(exact.Form)) continue;
            if (document.Any(t => t.Form == exact.Form || t.Key == exact.Key)) continue;
            var initial = NameTokens.Fold(exact.Form);
            var abbreviated = -1;
            for (var i = 0; i < document.Count && abbreviated < 0; i++)
                if (!used[i] && !document[i].IsOptional && NameTokens.Fold(document[i].Form).StartsWith(initial, StringComparison.Ordinal)) abbreviated = i;
            if (abbreviated >= 0) (used[abbreviated], taken) = (true, taken + 1);
            else
                for (var i = 0; i < document.Count; i++) conflict |= !used[i] && !document[i].IsOptional;
        }
        return taken;
    }

    /// <summary>
    /// Both sides carry tokens of this kind (initials or patronymics) and one of them found no counterpart. An initial
    /// also finds its counterpart in a word it abbreviates ("J. Smith" and "John R. Smith" do not conflict).
    /// </summary>
    private static bool Conflicts(IReadOnlyList<IReadOnlyList<NameExpansion>> queryExpansions, IReadOnlyList<IndexedNameToken> document, ReadOnlySpan<bool> used, Func<string, bool> kind)
    {
        var initials = kind == NameTokens.IsInitial;
        bool queryHas = false, queryUnmatched = false, documentHas = false, documentUnmatched = false;
        var queryForms = new List<string>(queryExpansions.Count);
        foreach (var expansions in queryExpansions)
        {
            var exact = expansions.FirstOrDefault(e => e.Source == ExpansionSource.Exact);
            if (exact is null) continue;
            queryForms.Add(exact.Form);
            if (!kind(exact.Form)) continue;
            queryHas = true;
            queryUnmatched |= !expansions.Any(e => document.Any(t => t.Form == e.Form || t.Key == e.Key || initials && Abbreviates(exact.Form, t.Form)));
        }
        for (var i = 0; i < document.Count; i++)
        {
            if (!kind(document[i].Form)) continue;
            documentHas = true;
            var form = document[i].Form;
            documentUnmatched |= !used[i] && !(initials && queryForms.Any(q => !kind(q) && Abbreviates(form, q)));
        }
        return queryHas && documentHas && (queryUnmatched || documentUnmatched);

        static bool Abbreviates(string initial, string word) => !NameTokens.IsInitial(word) && NameTokens.Fold(word).StartsWith(NameTokens.Fold(initial), StringComparison.Ordinal);
    }
}
