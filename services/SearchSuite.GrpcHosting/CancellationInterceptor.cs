using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SearchSuite.GrpcHosting;

/// <summary>
/// Every RPC's work runs under <see cref="ServerCallContext.CancellationToken"/>, which grpc-dotnet cancels when the
/// caller cancels, disconnects or its deadline passes. The work then stops by throwing; this answers that with
/// CANCELLED or DEADLINE_EXCEEDED instead of UNKNOWN and an error logged with its stack trace.
/// </summary>
public sealed class CancellationInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (IsStop(e, context))
        {
            throw Stopped(context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (IsStop(e, context))
        {
            throw Stopped(context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (IsStop(e, context))
        {
            throw Stopped(context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (IsStop(e, context))
        {
            throw Stopped(context);
        }
    }

    /// <summary>A cancelled wait, or a request stream the caller reset, once the call is over.</summary>
    private static bool IsStop(Exception e, ServerCallContext context) =>
        context.CancellationToken.IsCancellationRequested && e is OperationCanceledException or IOException;

    /// <remarks>
    /// grpc-dotnet's deadline timer can fire a little before <see cref="ServerCallContext.Deadline"/> by the clock, so a call
    /// with a deadline whose caller is still connected is past its deadline; a caller that left reset the stream.
    /// </remarks>
    private static RpcException Stopped(ServerCallContext context)
    {
        var callerLeft = context.GetHttpContext().RequestAborted.IsCancellationRequested;
        var deadlinePassed = context.Deadline != DateTime.MaxValue && (context.Deadline <= DateTime.UtcNow || !callerLeft);
        return deadlinePassed
            ? new RpcException(new Status(StatusCode.DeadlineExceeded, "The deadline passed; the work for this call was stopped."))
            : new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled; the work for this call was stopped."));
    }
}
