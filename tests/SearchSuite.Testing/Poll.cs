using System.Diagnostics;

namespace SearchSuite.Testing;

/// <summary>Bounded polling: the only way tests wait for something asynchronous.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Calls <paramref name="probe"/> until it returns a value, or throws <see cref="TimeoutException"/> with <paramref name="describe"/>'s account.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, Func<string> describe, TimeSpan? timeout = null) where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        Exception? lastError = null;
        while (clock.Elapsed < limit)
        {
            try
            {
                if (await probe() is { } value) return value;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                lastError = e;
            }
            await Task.Delay(Interval);
        }
        throw new TimeoutException($"Gave up after {limit.TotalSeconds:0.#} s: {describe()}" + (lastError is null ? "" : $"\nLast error: {lastError.Message}"));
    }

    public static Task UntilAsync(Func<Task<bool>> condition, Func<string> describe, TimeSpan? timeout = null) =>
        UntilAsync<object>(async () => await condition() ? true : null, describe, timeout);
}
