using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace SearchSuite.Services.Tests.Grpc.Unit;

/// <summary>
/// Sends a host's logs to the test output and fails the test on an error log it did not expect, as grpc-dotnet's
/// VerifyNoErrorsScope does: a handler that logs an error while answering correctly is still a bug.
/// </summary>
public sealed class VerifyNoErrorsScope(ITestOutputHelper output, Func<VerifyNoErrorsScope.LogRecord, bool>? expectedError = null) : ILoggerProvider, IDisposable
{
    public sealed record LogRecord(string Category, LogLevel Level, string Message, Exception? Exception);

    private readonly ConcurrentQueue<LogRecord> records = new();

    public IReadOnlyCollection<LogRecord> Records => records;

    public ILoggerFactory LoggerFactory => Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder.AddProvider(this).SetMinimumLevel(LogLevel.Debug));

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, this);

    /// <summary>Throws when an unexpected error was logged, listing every log line so the failure explains itself.</summary>
    public void Dispose()
    {
        var unexpected = records.Where(r => r.Level >= LogLevel.Error && expectedError?.Invoke(r) != true).ToList();
        if (unexpected.Count > 0)
            throw new Xunit.Sdk.XunitException(
                $"Unexpected error logs:\n{string.Join('\n', unexpected.Select(Format))}\nAll logs:\n{string.Join('\n', records.Select(Format))}");
    }

    private static string Format(LogRecord r) => $"{r.Level} {r.Category}: {r.Message}{(r.Exception is null ? "" : " " + r.Exception)}";

    private void Record(LogRecord record)
    {
        records.Enqueue(record);
        try
        {
            output.WriteLine(Format(record));
        }
        catch (InvalidOperationException)
        {
            // The test has finished (a background log after it): the record is kept, the output is gone.
        }
    }

    private sealed class RecordingLogger(string category, VerifyNoErrorsScope scope) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            scope.Record(new LogRecord(category, logLevel, formatter(state, exception), exception));
    }
}
