using Lucene.Net.Analysis;
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

    /// <summary>The index-time analyzer: each schema field with its own analysis.</summary>
    public static Analyzer PerField() => new PerFieldAnalyzerWrapper(Standard, IndexFields.LanguageFields
        .Append(IndexFields.RelatedField)
        .Concat([new TextField(IndexFields.Names, FieldAnalysis.Folding, 1), new TextField(IndexFields.RelatedNames, FieldAnalysis.Folding, 1)])
        .ToDictionary(f => f.Name, f => For(f.Analysis)));

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/> in <paramref name="field"/>.</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>(2);
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

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

    /// <summary>Standard tokenizer, lower case, and optionally ASCII folding ("Nguyễn" → "nguyen", "đ" → "d").</summary>
    private sealed class LowerCasingAnalyzer(bool foldToAscii) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            if (foldToAscii) stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
