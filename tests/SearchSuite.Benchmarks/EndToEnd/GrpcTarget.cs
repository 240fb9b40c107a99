using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using SearchSuite.V1;

namespace SearchSuite.Benchmarks.EndToEnd;

/// <summary>What the benchmark measured on one running stack (all-in-one or three processes) over gRPC.</summary>
public sealed record IngestFigures(int Documents, int ExpectedSearchable, long Searchable, double SubmitSeconds, double SearchableSeconds, double DocsPerSecond);

/// <summary>A running SearchSuite (all-in-one or three processes) seen through its gRPC API.</summary>
public sealed class GrpcTarget(string ingestAddress, string searchAddress) : IDisposable
{
    /// <summary>Documents per IngestStream call; several calls run at once.</summary>
    private const int StreamChunk = 1_000;
    private const int ParallelStreams = 4;
    /// <summary>The ingest counts as stuck (and the figure as incomplete) when the searchable count stops growing this long.</summary>
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);

    private readonly GrpcChannel ingestChannel = GrpcChannel.ForAddress(ingestAddress);
    private readonly GrpcChannel searchChannel = GrpcChannel.ForAddress(searchAddress);

    public IngestService.IngestServiceClient Ingest => new(ingestChannel);
    public SearchService.SearchServiceClient Search => new(searchChannel);

    /// <summary>Submits every document over IngestStream and times until all are searchable (counted through the corpus marker).</summary>
    public async Task<IngestFigures> IngestAllAsync(GeneratedCorpus corpus)
    {
        var clock = Stopwatch.StartNew();
        var chunks = corpus.Documents.Chunk(StreamChunk).ToArray();
        var next = -1;
        var senders = Enumerable.Range(0, ParallelStreams).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < chunks.Length; i = Interlocked.Increment(ref next))
            {
                using var call = Ingest.IngestStream();
                foreach (var document in chunks[i])
                    await call.RequestStream.WriteAsync(new IngestRequest { DocumentId = document.Id, Text = document.Text });
                await call.RequestStream.CompleteAsync();
                var summary = await call;
                if (summary.Rejected > 0)
                    throw new InvalidOperationException($"Ingest rejected {summary.Rejected} generated documents: {summary.Rejections[0]}");
            }
        })).ToArray();
        var submitted = Task.WhenAll(senders);

        double submitSeconds = double.NaN;
        long searchable = 0;
        var lastProgress = clock.Elapsed;
        while (true)
        {
            if (submitted.IsCompleted && double.IsNaN(submitSeconds))
            {
                await submitted; // surfaces a failed stream
                submitSeconds = clock.Elapsed.TotalSeconds;
            }
            var count = await CountSearchableAsync();
            if (count != searchable) lastProgress = clock.Elapsed;
            searchable = count;
            if (searchable >= corpus.DistinctCount && submitted.IsCompleted) break;
            if (submitted.IsCompleted && clock.Elapsed - lastProgress > StallLimit) break;
            await Task.Delay(50);
        }
        await submitted;
        var seconds = searchable >= corpus.DistinctCount ? clock.Elapsed.TotalSeconds : double.NaN;
        return new IngestFigures(corpus.Documents.Count, corpus.DistinctCount, searchable, submitSeconds, seconds, corpus.Documents.Count / seconds);
    }

    public async Task<long> CountSearchableAsync() =>
        (await Search.SearchAsync(new SearchRequest { Query = SyntheticCorpus.Marker, PageSize = 1, NameExpansion = NameExpansion.Off })).TotalHits;

    /// <summary>For each document in turn: milliseconds from the Ingest reply until GetDocument finds it.</summary>
    public async Task<LatencySummary> MeasureFreshnessAsync(IReadOnlyList<SyntheticDocument> documents)
    {
        var clock = Stopwatch.StartNew();
        var latencies = new List<double>();
        foreach (var document in documents)
        {
            var reply = await Ingest.IngestAsync(new IngestRequest { DocumentId = document.Id, Text = document.Text });
            var replied = Stopwatch.GetTimestamp();
            var limit = TimeSpan.FromSeconds(30);
            while (!await ExistsAsync(reply.DocumentId))
            {
                if (Stopwatch.GetElapsedTime(replied) > limit)
                    throw new TimeoutException($"{reply.DocumentId} was not searchable {limit.TotalSeconds} s after its Ingest reply.");
                await Task.Delay(2);
            }
            latencies.Add(Stopwatch.GetElapsedTime(replied).TotalMilliseconds);
        }
        return LatencySummary.Of(latencies, clock.Elapsed);
    }

    private async Task<bool> ExistsAsync(string documentId)
    {
        try
        {
            await Search.GetDocumentAsync(new GetDocumentRequest { DocumentId = documentId });
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    public Task SearchOnceAsync(string query, bool expandNames) =>
        Search.SearchAsync(new SearchRequest { Query = query, NameExpansion = expandNames ? NameExpansion.On : NameExpansion.Off }).ResponseAsync;

    /// <summary>One line that holds everything a search answers: total, each hit's id, score (round-trip), snippet and matched names, and the name expansions.</summary>
    public async Task<string> AnswerAsync(string query, bool expandNames)
    {
        var reply = await Search.SearchAsync(new SearchRequest { Query = query, NameExpansion = expandNames ? NameExpansion.On : NameExpansion.Off });
        return $"{reply.TotalHits}\t" + string.Join(" | ", reply.Hits.Select(h => $"{h.DocumentId}:{h.Score:R}:{h.Snippet}:{string.Join(',', h.MatchedNames)}"))
            + "\t" + string.Join("; ", reply.NameExpansions.Select(e => $"{e.QueryName}={string.Join(',', e.Forms.Select(f => $"{f.Form}/{f.Source}"))}"));
    }

    /// <summary>A call that does no work: grpc.health.v1 on the search address.</summary>
    public Task HealthCheckOnceAsync() => new Grpc.Health.V1.Health.HealthClient(searchChannel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest()).ResponseAsync;

    public void Dispose()
    {
        ingestChannel.Dispose();
        searchChannel.Dispose();
    }
}
