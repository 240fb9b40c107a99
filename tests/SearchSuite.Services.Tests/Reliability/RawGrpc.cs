using System.Diagnostics;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace SearchSuite.Services.Tests.Reliability;

/// <summary>Calls any RPC with raw request bytes, as a hostile client can: nothing is checked on the client side.</summary>
public static class RawGrpc
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create<byte[]>(b => b, b => b);

    /// <summary>The answer to one call: its status and how long it took.</summary>
    public sealed record Answer(StatusCode Status, string Detail, TimeSpan Elapsed);

    /// <summary>
    /// Sends <paramref name="messages"/> to <paramref name="method"/> (one for a unary method, any number on a client
    /// stream) and returns the status. The deadline is generous: a hang shows as DEADLINE_EXCEEDED and a long elapsed time.
    /// </summary>
    public static async Task<Answer> CallAsync(GrpcChannel channel, MethodDescriptor method, IReadOnlyList<byte[]> messages, TimeSpan? deadline = null)
    {
        var invoker = channel.CreateCallInvoker();
        var options = new CallOptions(deadline: DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(10)));
        var clock = Stopwatch.StartNew();
        try
        {
            if (method.IsClientStreaming)
            {
                var streamed = new Method<byte[], byte[]>(method.IsServerStreaming ? MethodType.DuplexStreaming : MethodType.ClientStreaming, method.Service.FullName, method.Name, Bytes, Bytes);
                using var call = invoker.AsyncClientStreamingCall(streamed, null, options);
                try
                {
                    foreach (var message in messages) await call.RequestStream.WriteAsync(message);
                    await call.RequestStream.CompleteAsync();
                }
                catch (RpcException)
                {
                    // The server answered before the stream ended; its status is in the response.
                }
                catch (InvalidOperationException)
                {
                    // The call already completed.
                }
                await call.ResponseAsync;
            }
            else
            {
                var unary = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Bytes, Bytes);
                await invoker.AsyncUnaryCall(unary, null, options, messages.Count > 0 ? messages[0] : []);
            }
            return new Answer(StatusCode.OK, "", clock.Elapsed);
        }
        catch (RpcException e)
        {
            return new Answer(e.StatusCode, e.Status.Detail, clock.Elapsed);
        }
    }
}
