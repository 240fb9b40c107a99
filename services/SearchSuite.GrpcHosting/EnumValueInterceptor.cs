using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SearchSuite.GrpcHosting;

/// <summary>
/// Refuses, in every request of every service, an enum field set to a number the enum does not define (proto3 keeps
/// such numbers, so <c>name_expansion: 99</c> would otherwise be read as whatever the handler's default branch does):
/// InvalidArgument naming the field and the values it takes.
/// </summary>
public sealed class EnumValueInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new CheckedReader<TRequest>(requestStream), context);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new CheckedReader<TRequest>(requestStream), responseStream, context);

    private static void Check<T>(T request)
    {
        if (request is IMessage message && UnknownEnumValue(message, "") is { } problem)
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem));
    }

    /// <summary>"field: 99 is not a NameExpansion (…)" for the first enum field holding an undefined number, or null.</summary>
    public static string? UnknownEnumValue(IMessage message, string prefix)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            IEnumerable<object> values = field.IsRepeated && !field.IsMap ? ((System.Collections.IEnumerable)value).Cast<object>() : [value];
            foreach (var item in values)
            {
                if (field.FieldType == FieldType.Enum && field.EnumType.FindValueByNumber(Convert.ToInt32(item)) is null)
                    return $"{path}: {Convert.ToInt32(item)} is not a {field.EnumType.Name}; use one of {string.Join(", ", field.EnumType.Values.Select(v => $"{v.Name} ({v.Number})"))}";
                if (field.FieldType == FieldType.Message && item is IMessage nested && UnknownEnumValue(nested, path + ".") is { } problem)
                    return problem;
            }
        }
        return null;
    }

    private sealed class CheckedReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken)) return false;
            Check(inner.Current);
            return true;
        }
    }
}
