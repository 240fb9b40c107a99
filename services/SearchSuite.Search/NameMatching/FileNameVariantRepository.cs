using System.Text.Json;
using SearchSuite.Names;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search.NameMatching;

/// <summary>
/// The variant edits as a JSON file beside the Lucene index (Names:VariantsFile), shared by every process that opens
/// the folder. A writer holds an exclusive lock file for its read-modify-write and replaces the file by rename, so
/// readers never see half a file and two processes' edits never overwrite each other.
/// </summary>
public sealed class FileNameVariantRepository(string path) : INameVariantRepository
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    /// <summary>Longest wait for another process's edit to finish: an edit takes milliseconds.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    private readonly string _path = Path.GetFullPath(path);
    private readonly SemaphoreSlim _inProcess = new(1, 1);

    public Task<VariantEdits> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());

    public async Task<T> UpdateAsync<T>(Func<VariantEdits, (VariantEdits Edits, T Result)> change, CancellationToken cancellationToken)
    {
        await _inProcess.WaitAsync(cancellationToken);
        try
        {
            await using var crossProcess = await LockAsync(cancellationToken);
            var before = Read();
            var (after, result) = change(before);
            if (!ReferenceEquals(before, after)) Write(after);
            return result;
        }
        finally
        {
            _inProcess.Release();
        }
    }

    private VariantEdits Read()
    {
        if (!File.Exists(_path)) return VariantEdits.None;
        return JsonSerializer.Deserialize<VariantEdits>(File.ReadAllText(_path), JsonOptions)
            ?? throw new InvalidDataException($"Name variant file {_path} is empty.");
    }

    private void Write(VariantEdits edits)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        // Write aside and rename, so a crash mid-write never leaves a truncated file behind.
        var temporary = $"{_path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(edits, JsonOptions));
        File.Move(temporary, _path, overwrite: true);
    }

    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(_path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another process is editing: its read-modify-write takes milliseconds.
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
    }
}
