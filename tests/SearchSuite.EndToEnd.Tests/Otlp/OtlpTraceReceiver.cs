using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SearchSuite.EndToEnd.Tests.Otlp;

/// <summary>A span as the receiver saw it: which service exported it, its trace id (hex) and its name.</summary>
public sealed record ReceivedSpan(string ServiceName, string TraceId, string Name)
{
    public override string ToString() => $"{ServiceName} {TraceId} {Name}";
}

/// <summary>
/// An in-process OTLP/gRPC collector on a free loopback port: the services export their traces to it
/// (OTEL_EXPORTER_OTLP_ENDPOINT), and the test reads every span it received.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedSpan> spans;

    private OtlpTraceReceiver(WebApplication app, ConcurrentQueue<ReceivedSpan> spans, string endpoint)
    {
        this.app = app;
        this.spans = spans;
        Endpoint = endpoint;
    }

    /// <summary>The value for OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public string Endpoint { get; }

    /// <summary>Every span received so far.</summary>
    public IReadOnlyList<ReceivedSpan> Received => [.. spans];

    public static async Task<OtlpTraceReceiver> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var spans = new ConcurrentQueue<ReceivedSpan>();
        builder.Services.AddSingleton(spans);
        var app = builder.Build();
        app.MapGrpcService<Collector>();
        await app.StartAsync();
        return new OtlpTraceReceiver(app, spans, $"http://127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed class Collector(ConcurrentQueue<ReceivedSpan> spans) : TraceService.TraceServiceBase
    {
        public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            foreach (var resource in request.ResourceSpans)
            {
                var service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "";
                foreach (var span in resource.ScopeSpans.SelectMany(s => s.Spans))
                    spans.Enqueue(new ReceivedSpan(service, Convert.ToHexString(span.TraceId.Span).ToLowerInvariant(), span.Name));
            }
            return Task.FromResult(new ExportTraceServiceResponse());
        }
    }
}
