using System.ComponentModel.DataAnnotations;

namespace SearchSuite.Search.NameMatching;

/// <summary>Where name matching keeps its state, and which extra variant lists it loads at start.</summary>
public sealed class NameMatchingOptions : IValidatableObject
{
    public const string SectionName = "Names";

    /// <summary>JSON file of the variant groups added, imported or removed at run time; default: name-variants.json in the index folder.</summary>
    public string? VariantsFile { get; set; }

    /// <summary>
    /// How often each replica reads the name vocabulary and the variant groups from the shared state: the bound within
    /// which a replica sees what another indexed or edited (a variant edit also reaches it at once by NameVariantsChanged).
    /// </summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 5;

    /// <summary>Variant lists (UTF-8, one group a line, spellings separated by TABs) loaded at every start, e.g. large public lists.</summary>
    public List<string> ListFiles { get; set; } = [];

    public string VariantsPath(IndexOptions index) => VariantsFile is { Length: > 0 } file ? file : Path.Combine(index.Path, "name-variants.json");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var file in ListFiles.Where(f => !File.Exists(f)))
            yield return new ValidationResult($"Names:ListFiles: '{Path.GetFullPath(file)}' does not exist.", [nameof(ListFiles)]);
    }
}
