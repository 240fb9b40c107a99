using SearchSuite.Text.Pipeline;

namespace SearchSuite.Text.Tests;

/// <summary>Runs pipeline steps on a snippet, as the normalizer does.</summary>
internal static class StepRunner
{
    public static DocumentDraft Run(string text, params IDraftStep[] steps)
    {
        var draft = new DocumentDraft(UnicodeHygiene.Apply(text));
        foreach (var step in steps) step.Apply(draft);
        return draft;
    }

    public static (RemovedKind Kind, string Text)[] KindsAndTexts(this DocumentDraft draft) =>
        [.. draft.Removed().Select(span => (span.Kind, span.Text))];
}
