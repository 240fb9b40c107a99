using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using SearchSuite.V1;

namespace SearchSuite.Services.Tests.Reliability;

/// <summary>Every SearchSuite RPC the server serves, found from its reflection service and the compiled protos (so new RPCs are covered when they land).</summary>
public static class ServedServices
{
    /// <summary>The services compiled into the service assemblies (package searchsuite.v1).</summary>
    public static IReadOnlyList<ServiceDescriptor> Compiled { get; } =
        new[] { typeof(IngestService).Assembly, typeof(SearchService).Assembly }
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace == "SearchSuite.V1" && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .SelectMany(f => f.Services)
            .GroupBy(s => s.FullName)
            .Select(g => g.First())
            .OrderBy(s => s.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>The methods of every searchsuite service the server lists over reflection; fails when one is not compiled here.</summary>
    public static async Task<IReadOnlyList<MethodDescriptor>> MethodsAsync(GrpcChannel channel)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "the reflection service did not answer");
        var served = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).Where(n => n.StartsWith("searchsuite.", StringComparison.Ordinal)).ToList();
        var compiled = Compiled.ToDictionary(s => s.FullName);
        var unknown = served.Where(n => !compiled.ContainsKey(n)).ToList();
        Assert.True(unknown.Count == 0, $"served but not found among the compiled protos: {string.Join(", ", unknown)}");
        return served.SelectMany(n => compiled[n].Methods).ToList();
    }
}
