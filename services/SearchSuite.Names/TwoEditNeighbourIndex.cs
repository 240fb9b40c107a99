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

    private readonly TermsByKey _termsByPiece = new();

    /// <param name="minLength">Shorter terms are not filed: two edits of a short word are most often another name.</param>
    public TwoEditNeighbourIndex(int minLength) => MinLength = Math.Max(minLength, Pieces);

    public int MinLength { get; }

    public void Add(string term)
    {
        if (term.Length < MinLength || term.Length > char.MaxValue) return;
        for (var piece = 0; piece < Pieces; piece++) _termsByPiece.Add(EntryKey(term, piece), term);
    }

    public void Remove(string term)
    {
        if (term.Length < MinLength || term.Length > char.MaxValue) return;
        for (var piece = 0; piece < Pieces; piece++) _termsByPiece.Remove(EntryKey(term, piece), term);
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
                    var entry = _termsByPiece.Get(buffer[..(2 + length)]);
                    for (var k = 0; k < entry.Count; k++)
                    {
                        var candidate = entry[k];
                        if (!seen.Add(candidate)) continue;
                        var cost = ConfusionEditDistance.Compute(word, candidate, maxCost);
                        if (cost <= maxCost) found.Add((candidate, cost));
                    }
                }
            }
        }
        return found;
    }

    /// <summary>The piece's entry: the term's length and the piece's place (as chars), then the piece's letters.</summary>
    private static string EntryKey(string term, int piece)
    {
        var (start, length) = PieceBounds(term.Length, piece);
        return $"{(char)term.Length}{(char)piece}{term.AsSpan(start, length)}";
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
