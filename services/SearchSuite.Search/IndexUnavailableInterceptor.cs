using Grpc.Core;
using Grpc.Core.Interceptors;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Search;

/// <summary>
/// A search while the cluster is unreachable or overloaded answers UNAVAILABLE (which clients may retry) instead of UNKNOWN;
/// the cluster's details go to the log, not to the client.
/// </summary>
public sealed class IndexUnavailableInterceptor(ILogger<IndexUnavailableInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (SearchIndexUnavailableException unavailable)
        {
            logger.LogError(unavailable, "{Method} failed: the search index is unavailable", context.Method);
            throw new RpcException(new Status(StatusCode.Unavailable, "The search index is unavailable; retry later."));
        }
    }
}
