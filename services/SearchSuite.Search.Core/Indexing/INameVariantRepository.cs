using SearchSuite.Names;

namespace SearchSuite.Search.Indexing;

/// <summary>
/// Where the backend keeps the run-time variant edits that every search replica shares: beside the index for the
/// embedded backend. Updates are atomic read-modify-writes, so edits from two replicas at once both survive.
/// </summary>
public interface INameVariantRepository
{
    Task<VariantEdits> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Reads the stored edits, applies <paramref name="change"/> and stores the result, as one step against concurrent writers.</summary>
    Task<T> UpdateAsync<T>(Func<VariantEdits, (VariantEdits Edits, T Result)> change, CancellationToken cancellationToken);
}
