using Grpc.Core;

namespace SearchSuite.GrpcHosting;

/// <summary>The gRPC answers to bad input, shared by every service.</summary>
public static class GrpcErrors
{
    /// <summary>Longest piece of a client's value repeated in an error message: a 100,000-character id must not come back in a trailer.</summary>
    public const int MaxEcho = 40;

    /// <summary>InvalidArgument naming the field first ("field: message").</summary>
    public static RpcException InvalidArgument(string field, string message) =>
        new(new Status(StatusCode.InvalidArgument, $"{field}: {message}"));

    /// <summary><paramref name="value"/> quoted for an error message, cut to <see cref="MaxEcho"/> characters.</summary>
    public static string Echo(string value) =>
        value.Length <= MaxEcho ? $"'{value}'" : $"'{value[..MaxEcho]}…' ({value.Length} characters)";
}
