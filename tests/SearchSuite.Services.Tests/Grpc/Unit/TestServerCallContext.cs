using Grpc.Core;

namespace SearchSuite.Services.Tests.Grpc.Unit;

/// <summary>
/// A call context for calling a gRPC service class directly, as grpc-dotnet's unit-testing examples do: the deadline,
/// cancellation and headers a real call would carry, without a server.
/// </summary>
public sealed class TestServerCallContext(Metadata requestHeaders, CancellationToken cancellationToken, DateTime deadline) : ServerCallContext
{
    private readonly Dictionary<object, object> userState = [];

    public Metadata ResponseHeaders { get; } = [];

    public static TestServerCallContext Create(Metadata? requestHeaders = null, CancellationToken cancellationToken = default, TimeSpan? timeout = null) =>
        new(requestHeaders ?? [], cancellationToken, timeout is { } t ? DateTime.UtcNow + t : DateTime.MaxValue);

    protected override string MethodCore => "MethodName";
    protected override string HostCore => "HostName";
    protected override string PeerCore => "PeerName";
    protected override DateTime DeadlineCore => deadline;
    protected override Metadata RequestHeadersCore => requestHeaders;
    protected override CancellationToken CancellationTokenCore => cancellationToken;
    protected override Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore => new(null, []);
    protected override IDictionary<object, object> UserStateCore => userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        foreach (var entry in responseHeaders) ResponseHeaders.Add(entry);
        return Task.CompletedTask;
    }
}
