using System.Buffers;
using System.Reflection;
using System.Text.Unicode;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace SearchSuite.GrpcHosting;

/// <summary>
/// A request that is not a valid protobuf message (invalid UTF-8 in a string, truncated bytes) is answered
/// INVALID_ARGUMENT naming the field where one can be told, with one warning line. grpc-dotnet deserializes a unary
/// request before any interceptor runs and answers a parser exception with UNKNOWN and a logged stack trace, so the
/// services are bound with the generated methods' request marshallers wrapped (<see cref="StrictServiceMethodProvider{TService}"/>
/// replaces grpc-dotnet's binder-based provider). In a stream, the bad message's MoveNext throws the same RpcException,
/// after the valid messages before it.
/// </summary>
public static class StrictMessageParsing
{
    /// <summary>Binds every gRPC service of the host through <see cref="StrictServiceMethodProvider{TService}"/>. Call after each AddGrpc.</summary>
    public static IServiceCollection UseStrictMessageParsing(this IServiceCollection services)
    {
        services.RemoveAll((Microsoft.Extensions.DependencyInjection.ServiceDescriptor d) => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == "BinderServiceMethodProvider`1");
        services.TryAddEnumerable(Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(StrictServiceMethodProvider<>)));
        return services;
    }

    private static void RemoveAll(this IServiceCollection services, Func<Microsoft.Extensions.DependencyInjection.ServiceDescriptor, bool> match)
    {
        foreach (var descriptor in services.Where(match).ToList()) services.Remove(descriptor);
    }

    /// <summary>
    /// Why <paramref name="payload"/> is not a <paramref name="descriptor"/> message: "field: problem", with the field
    /// path (e.g. "metadata.value") where the wire format tells it.
    /// </summary>
    public static string Describe(MessageDescriptor? descriptor, byte[] payload)
    {
        if (descriptor is not null && FindProblem(descriptor, payload, "") is { } problem) return problem;
        return $"request: is not a valid {descriptor?.FullName ?? "protobuf"} message";
    }

    private static string? FindProblem(MessageDescriptor descriptor, byte[] bytes, string prefix)
    {
        var input = new CodedInputStream(bytes);
        FieldDescriptor? field = null;
        try
        {
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                field = descriptor.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
                if (field is null || WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
                {
                    input.SkipLastField();
                    continue;
                }
                var value = input.ReadBytes();
                if (field.FieldType == FieldType.String && !Utf8.IsValid(value.Span))
                    return $"{prefix}{field.Name}: is not valid UTF-8";
                if (field.FieldType == FieldType.Message && FindProblem(field.MessageType, value.ToByteArray(), $"{prefix}{field.Name}.") is { } inner)
                    return inner;
            }
        }
        catch (InvalidProtocolBufferException)
        {
            return field is null
                ? $"{(prefix.Length > 0 ? prefix.TrimEnd('.') : "request")}: is truncated or not valid protobuf"
                : $"{prefix}{field.Name}: is truncated or not valid protobuf";
        }
        return null;
    }

    /// <summary>The generated message's descriptor (its static Descriptor property), or null for other types.</summary>
    internal static MessageDescriptor? DescriptorOf(Type messageType) =>
        messageType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageDescriptor;
}

/// <summary>grpc-dotnet's binding of a generated service (BindService), with strict request marshallers; metadata as grpc-dotnet gives it.</summary>
public sealed class StrictServiceMethodProvider<TService>(ILogger<StrictServiceMethodProvider<TService>> logger) : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is not { } bind) continue;
            var method = bind.BindType.GetMethod(bind.BindMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(ServiceBinderBase), type])
                ?? throw new InvalidOperationException($"{bind.BindType}.{bind.BindMethodName} was not found for {typeof(TService)}.");
            method.Invoke(null, [new Binder(context, type, logger), null]);
            return;
        }
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type serviceBase, ILogger logger) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Strict(method), Metadata(method.Name, [typeof(TRequest), typeof(ServerCallContext)], out var handlerMethod),
                Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Strict(method), Metadata(method.Name, [typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)], out var handlerMethod),
                Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Strict(method), Metadata(method.Name, [typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)], out var handlerMethod),
                Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Strict(method), Metadata(method.Name, [typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)], out var handlerMethod),
                Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        private Method<TRequest, TResponse> Strict<TRequest, TResponse>(Method<TRequest, TResponse> method)
        {
            var inner = method.RequestMarshaller;
            var descriptor = StrictMessageParsing.DescriptorOf(typeof(TRequest));
            var strict = Marshallers.Create(inner.ContextualSerializer, deserialization =>
            {
                try
                {
                    return inner.ContextualDeserializer(deserialization);
                }
                catch (InvalidProtocolBufferException)
                {
                    var detail = StrictMessageParsing.Describe(descriptor, deserialization.PayloadAsReadOnlySequence().ToArray());
                    logger.LogWarning("Refused a malformed {Method} request: {Detail}", method.FullName, detail);
                    throw new RpcException(new Status(StatusCode.InvalidArgument, detail));
                }
            });
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, strict, method.ResponseMarshaller);
        }

        /// <summary>The service's attributes, then the handler's (which win), as grpc-dotnet's own binder collects them.</summary>
        private List<object> Metadata(string name, Type[] parameters, out MethodInfo handlerMethod)
        {
            handlerMethod = FindHandler(name, parameters) ?? throw new InvalidOperationException($"Could not find '{name}' on {typeof(TService)}.");
            List<object> metadata = [.. typeof(TService).GetCustomAttributes(inherit: true), .. handlerMethod.GetCustomAttributes(inherit: true)];
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return metadata;
        }

        /// <summary>The public override of the generated base's virtual method (the base's own when the service does not override it).</summary>
        private MethodInfo? FindHandler(string name, Type[] parameters)
        {
            for (var type = typeof(TService); type is not null; type = type.BaseType)
            {
                var candidate = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, binder: null, parameters, modifiers: null);
                if (candidate is null) return null;
                if (candidate.IsVirtual && candidate.GetBaseDefinition().DeclaringType == serviceBase) return candidate;
            }
            return null;
        }

        private static TDelegate Invoker<TDelegate>(MethodInfo handler) where TDelegate : Delegate =>
            (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler);
    }
}
