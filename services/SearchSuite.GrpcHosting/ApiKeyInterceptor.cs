using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;
using System.Text;

namespace SearchSuite.GrpcHosting;

public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>When set, write and admin RPCs require this value in the <c>x-api-key</c> header. Never commit it.</summary>
    public string? ApiKey { get; set; }
}

/// <summary>Marks a gRPC method (or a whole service) as a write or admin operation that honours <see cref="SecurityOptions.ApiKey"/>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RequiresApiKeyAttribute : Attribute;

/// <summary>Rejects calls to <see cref="RequiresApiKeyAttribute"/> methods without the configured key.</summary>
public sealed class ApiKeyInterceptor(IOptionsMonitor<SecurityOptions> options) : Interceptor
{
    public const string HeaderName = "x-api-key";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        var expected = options.CurrentValue.ApiKey;
        if (string.IsNullOrEmpty(expected)) return;
        var endpoint = context.GetHttpContext().GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<RequiresApiKeyAttribute>() is null) return;

        var presented = context.RequestHeaders.GetValue(HeaderName) ?? "";
        // Constant-time comparison so the key cannot be guessed byte by byte from timings.
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"This call needs a valid API key in the '{HeaderName}' header."));
    }
}
