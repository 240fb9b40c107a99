namespace SearchSuite.EndToEnd.Tests;

/// <summary>
/// Tests that kill, stop and restart real processes against a bounded wait run alone, after the others: on a 2-core CI
/// machine a parallel class's three services would otherwise take the CPU their drain and replay are timed against.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedProcessesCollection
{
    public const string Name = "Timed processes";
}
