using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.Lucene;

/// <summary>The Lucene analyzers behind each <see cref="FieldAnalysis"/>: one tokenizer, then filters in a fixed order.</summary>
public static class LuceneAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Analyzer German = new GermanAnalyzer(Version);
    private static readonly Analyzer English = new EnglishAnalyzer(Version);
    private static readonly Analyzer Vietnamese = new LowerCasingAnalyzer(foldToAscii: false);
    private static readonly Analyzer Folding = new LowerCasingAnalyzer(foldToAscii: true);
    private static readonly Analyzer Standard = new StandardAnalyzer(Version, CharArraySet.Empty);

    public static Analyzer For(FieldAnalysis analysis) => analysis switch
    {
        FieldAnalysis.German => German,
        FieldAnalysis.English => English,
        FieldAnalysis.Vietnamese => Vietnamese,
        FieldAnalysis.Folding => Folding,
        _ => Standard,
    };

    /// <summary>The index-time analyzer: each text field of <see cref="IndexFields.All"/> with its own analysis.</summary>
    public static Analyzer PerField() => new PerFieldAnalyzerWrapper(Standard, IndexFields.In(FieldBackends.Lucene)
        .Where(f => f.Kind == FieldKind.Text)
        .ToDictionary(f => f.Name, f => For(f.Analysis)));

    /// <summary>The terms and positions <paramref name="analyzer"/> makes of <paramref name="text"/>: a removed stop word leaves a gap.</summary>
    public static List<(string Term, int Position)> PositionedTerms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }
        stream.End();
        return terms;
    }

    /// <summary>U+200B becomes a word break, as the Elasticsearch analyzers' zero_width_space char filter does.</summary>
    private static readonly NormalizeCharMap ZeroWidthSpaceAsSpace = ZeroWidthSpaceMap();

    private static NormalizeCharMap ZeroWidthSpaceMap()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add("\u200B", " ");
        return builder.Build();
    }

    /// <summary>
    /// The Elasticsearch "vietnamese" and "folding" analyzers (ElasticsearchSchema): zero-width spaces to word breaks,
    /// standard tokenizer, lower case, and optionally ASCII folding that keeps the original token beside the folded one
    /// ("Nguyễn" → "nguyễn" and "nguyen" at one position), so an exact spelling matches both and outscores a folded match.
    /// </summary>
    private sealed class LowerCasingAnalyzer(bool foldToAscii) : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(ZeroWidthSpaceAsSpace, reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            if (foldToAscii) stream = new ASCIIFoldingFilter(stream, preserveOriginal: true);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
