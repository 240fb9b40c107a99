namespace SearchSuite.Names;

/// <summary>
/// Finds the long terms up to two edits from a word, where the one-letter deletions of
/// <see cref="DeletionNeighbourIndex"/> cannot reach (two substitutions, two deletions, a deletion and a
/// substitution). By the pigeonhole principle, two edits leave at least one of three pieces of a term intact: each
/// term is filed under its three pieces (with its length and the piece's place), and a word looks up its substrings
/// where each piece could stand after at most two insertions or deletions. Three entries a term, so the memory stays
/// a small share of the vocabulary's; a lookup costs a few dozen dictionary reads and a distance per candidate.
/// Not thread-safe: the owner (<see cref="NameVocabulary"/>) locks around it.
/// </summary>
internal sealed class TwoEditNeighbourIndex
{
    private const int Pieces = 3;
    private const int MaxEdits = 2;

    // A value is a single term (most entries) or a List<string>, as in DeletionNeighbourIndex.
    private readonly Dictionary<string, object> _termsByPiece = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object>.AlternateLookup<ReadOnlySpan<char>> _piecesBySpan;

    /// <param name="minLength">Shorter terms are not filed: two edits of a short word are most often another name.</param>
    public TwoEditNeighbourIndex(int minLength)
    {
        MinLength = Math.Max(minLength, Pieces);
        _piecesBySpan = _termsByPiece.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int MinLength { get; }

    public void Add(string term)
    {
        if (term.Length < MinLength || term.Length > char.MaxValue) return;
        for (var piece = 0; piece < Pieces; piece++)
        {
            var entryKey = EntryKey(term.Length, piece, PieceOf(term.AsSpan(), term.Length, piece));
            if (!_termsByPiece.TryGetValue(entryKey, out var entry)) _termsByPiece[entryKey] = term;
            else if (entry is List<string> terms) { if (!terms.Contains(term)) terms.Add(term); }
            else if ((string)entry != term) _termsByPiece[entryKey] = new List<string> { (string)entry, term };
        }
    }

    public void Remove(string term)
    {
        if (term.Length < MinLength || term.Length > char.MaxValue) return;
        for (var piece = 0; piece < Pieces; piece++)
        {
            var entryKey = EntryKey(term.Length, piece, PieceOf(term.AsSpan(), term.Length, piece));
            if (!_termsByPiece.TryGetValue(entryKey, out var entry)) continue;
            if (entry is not List<string> terms)
            {
                if ((string)entry == term) _termsByPiece.Remove(entryKey);
                continue;
            }
            terms.Remove(term);
            if (terms.Count == 1) _termsByPiece[entryKey] = terms[0];
        }
    }

    /// <summary>
    /// The filed terms other than <paramref name="word"/> whose <see cref="ConfusionEditDistance"/> to it is within
    /// <paramref name="maxCost"/>, with the distance, in no order. Finds every term two plain edits away (an adjacent
    /// transposition across a piece boundary counts as two); cheaper edits beyond that only when a piece survives them.
    /// </summary>
    public IEnumerable<(string Term, float Cost)> Within(string word, float maxCost)
    {
        var found = new List<(string, float)>();
        if (word.Length == 0 || maxCost <= 0) return found;
        var seen = new HashSet<string>(StringComparer.Ordinal) { word };
        Span<char> buffer = stackalloc char[2 + word.Length];
        var n = word.Length;
        for (var m = Math.Max(MinLength, n - MaxEdits); m <= n + MaxEdits; m++)
        {
            for (var piece = 0; piece < Pieces; piece++)
            {
                var (start, length) = PieceBounds(m, piece);
                // An intact first piece has no edit before it, an intact last piece has every edit before it.
                var (lowest, highest) = piece == 0 ? (0, 0) : piece == Pieces - 1 ? (n - m, n - m) : (-MaxEdits, MaxEdits);
                for (var shift = lowest; shift <= highest; shift++)
                {
                    var at = start + shift;
                    if (at < 0 || at + length > n) continue;
                    buffer[0] = (char)m;
                    buffer[1] = (char)piece;
                    word.AsSpan(at, length).CopyTo(buffer[2..]);
                    if (!_piecesBySpan.TryGetValue(buffer[..(2 + length)], out var entry)) continue;
                    var many = entry as List<string>;
                    for (var k = 0; k < (many?.Count ?? 1); k++)
                    {
                        var candidate = many?[k] ?? (string)entry;
                        if (!seen.Add(candidate)) continue;
                        var cost = ConfusionEditDistance.Compute(word, candidate, maxCost);
                        if (cost <= maxCost) found.Add((candidate, cost));
                    }
                }
            }
        }
        return found;
    }

    private static string EntryKey(int termLength, int piece, ReadOnlySpan<char> text) =>
        $"{(char)termLength}{(char)piece}{text}";

    private static ReadOnlySpan<char> PieceOf(ReadOnlySpan<char> term, int termLength, int piece)
    {
        var (start, length) = PieceBounds(termLength, piece);
        return term.Slice(start, length);
    }

    /// <summary>Three pieces as even as the length allows, the longer ones first (8 letters: 3, 3, 2).</summary>
    private static (int Start, int Length) PieceBounds(int termLength, int piece)
    {
        var size = termLength / Pieces;
        var longer = termLength % Pieces;
        var start = piece * size + Math.Min(piece, longer);
        return (start, size + (piece < longer ? 1 : 0));
    }
}
