namespace SearchSuite.Hosting;

/// <summary>Another process holds the folder: this one must not start.</summary>
public sealed class FolderLockedException(string message) : Exception(message);

/// <summary>
/// One writer per folder: an exclusive lock on <c>searchsuite.lock</c> (flock LOCK_EX on Linux, a sharing lock on
/// Windows), held for the process's life and released by the operating system when the process dies, so a crash never
/// leaves a stale lock. Lucene's own write.lock is only a shared advisory lock in Lucene.NET on Linux and excludes
/// nothing. The holder's PID is written beside it, in <c>searchsuite.lock.pid</c>, for the refusal message.
/// </summary>
public sealed class FolderLock : IDisposable
{
    public const string LockFileName = "searchsuite.lock";
    private const string PidFileName = LockFileName + ".pid";

    private readonly FileStream handle;

    private FolderLock(FileStream handle) => this.handle = handle;

    /// <param name="purpose">What the folder holds, for the message ("the Lucene index").</param>
    /// <exception cref="FolderLockedException">Another process (or another host in this one) holds the folder.</exception>
    public static FolderLock Acquire(string folder, string purpose)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, LockFileName);
        FileStream handle;
        try
        {
            // FileShare.None is what makes .NET take the exclusive lock.
            handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new FolderLockedException(
                $"{Path.GetFullPath(folder)} ({purpose}) is in use by another SearchSuite process{HolderOf(folder)}. " +
                "A folder has a single writer: stop that process, or give this one another folder.");
        }
        File.WriteAllText(Path.Combine(folder, PidFileName), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new FolderLock(handle);
    }

    private static string HolderOf(string folder)
    {
        try
        {
            var pid = File.ReadAllText(Path.Combine(folder, PidFileName)).Trim();
            return pid.Length > 0 ? $" (PID {pid})" : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    public void Dispose() => handle.Dispose();
}
