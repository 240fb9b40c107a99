using Grpc.Core;
using SearchSuite.EndToEnd.Tests.Otlp;
using SearchSuite.Testing;
using SearchSuite.V1;

namespace SearchSuite.EndToEnd.Tests;

/// <summary>
/// OpenTelemetry across the bus, as an operator's trace viewer sees it: one Ingest call is one trace, from the gRPC call
/// through normalize to the index write in search, and each service exports under its own service.name.
/// </summary>
public sealed class TraceAcrossServicesTests
{
    [Fact]
    public async Task One_Ingest_call_is_one_trace_through_the_three_services_each_under_its_own_name()
    {
        await using var collector = await OtlpTraceReceiver.StartAsync(ServiceProcess.FreePort());
        await using var stack = await ThreeProcessStack.StartAsync("traces", new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            // Export every half second instead of every five, so the test does not wait on the batch processor.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        });
        // The caller starts the trace, as an instrumented client would (W3C trace context).
        var traceId = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var headers = new Metadata { { "traceparent", $"00-{traceId}-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)).ToLowerInvariant()}-01" } };

        await stack.Ingest.IngestAsync(new IngestRequest { DocumentId = "traced-1", Text = "Kremlsprecher Dmitri Peskow sagte, Moskau sei bereit zu helfen.", Language = "de" }, headers);
        await stack.WaitUntilSearchableAsync("traced-1");

        string[] services = ["searchsuite-ingest", "searchsuite-normalize", "searchsuite-search"];
        IReadOnlyList<ReceivedSpan> trace = [];
        await Poll.UntilAsync(() =>
        {
            trace = [.. collector.Received.Where(s => s.TraceId == traceId)];
            return Task.FromResult(services.All(name => trace.Any(s => s.ServiceName == name))
                && trace.Any(s => s.ServiceName == "searchsuite-search" && s.Name.Contains("index-document", StringComparison.Ordinal)));
        }, () => $"trace {traceId} did not reach all three services and the index write; spans of the trace:\n  {string.Join("\n  ", trace)}\n" +
                 $"all spans received:\n  {string.Join("\n  ", collector.Received.Take(60))}\n{stack.Logs}", TimeSpan.FromSeconds(60));

        Assert.Contains(trace, s => s.ServiceName == "searchsuite-ingest" && s.Name.Contains("IngestService/Ingest", StringComparison.Ordinal));
        Assert.DoesNotContain(collector.Received, s => s.ServiceName.StartsWith("unknown_service", StringComparison.Ordinal));
    }
}
