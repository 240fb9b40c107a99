using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// The distinct terms of <see cref="IndexFields.NameForms"/> in the live documents of one searcher. A segment never
/// changes, so the forms of a segment without deletions are read once per segment core; a segment with deletions is read
/// again with its live documents, which is what makes the vocabulary shrink when documents are replaced.
/// </summary>
internal static class IndexedNameForms
{
    private static readonly ConditionalWeakTable<object, string[]> FormsOfCore = new();

    public static IReadOnlyCollection<string> Read(IndexSearcher searcher)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            forms.UnionWith(reader.LiveDocs is { } live
                ? FormsOf(reader, live)
                : FormsOfCore.GetValue(reader.CoreCacheKey, _ => FormsOf(reader, null)));
        }
        return forms;
    }

    private static string[] FormsOf(AtomicReader reader, IBits? liveDocs)
    {
        var terms = reader.GetTerms(IndexFields.NameForms);
        if (terms is null) return [];
        var forms = new List<string>();
        var term = terms.GetEnumerator();
        DocsEnum? postings = null;
        while (term.MoveNext())
        {
            if (liveDocs is not null)
            {
                postings = term.Docs(liveDocs, postings, DocsFlags.NONE);
                if (postings.NextDoc() == DocIdSetIterator.NO_MORE_DOCS) continue;
            }
            forms.Add(term.Term.Utf8ToString());
        }
        return [.. forms];
    }
}
