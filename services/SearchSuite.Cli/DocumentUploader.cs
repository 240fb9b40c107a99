using Grpc.Core;
using SearchSuite.V1;
using Spectre.Console;

namespace SearchSuite.Cli;

/// <summary>Streams documents to IngestService.IngestStream with a progress bar, then optionally waits until they are searchable.</summary>
public static class DocumentUploader
{
    public sealed record Result(IngestSummary Summary, IReadOnlyList<DocumentFiles.Source> Sources);

    public static async Task<Result> UploadAsync(CallInvoker invoker, IReadOnlyList<string> files, string? languageHint, CancellationToken cancellationToken)
    {
        var total = DocumentFiles.Count(files);
        var sources = new List<DocumentFiles.Source>(total);
        var client = new IngestService.IngestServiceClient(invoker);
        IngestSummary? summary = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Ingesting {total} documents", maxValue: Math.Max(total, 1));
                using var call = client.IngestStream(cancellationToken: cancellationToken);
                foreach (var source in DocumentFiles.Read(files, languageHint))
                {
                    sources.Add(source);
                    await call.RequestStream.WriteAsync(source.Request, cancellationToken);
                    task.Increment(1);
                }
                await call.RequestStream.CompleteAsync();
                summary = await call;
                task.Value = task.MaxValue;
            });
        return new Result(summary!, sources);
    }

    /// <summary>Polls GetDocument until every id is searchable or the timeout passes; returns the ids still missing.</summary>
    public static async Task<IReadOnlyList<string>> WaitUntilSearchableAsync(CallInvoker invoker, IEnumerable<string> documentIds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new SearchService.SearchServiceClient(invoker);
        var pending = new HashSet<string>(documentIds);
        var deadline = DateTime.UtcNow + timeout;
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            foreach (var id in pending.ToList())
            {
                try
                {
                    await client.GetDocumentAsync(new GetDocumentRequest { DocumentId = id }, cancellationToken: cancellationToken);
                    pending.Remove(id);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
                {
                    break;
                }
            }
            if (pending.Count > 0) await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
        return pending.ToList();
    }

    public static void PrintSummary(Result result)
    {
        var summary = result.Summary;
        AnsiConsole.MarkupLine($"Accepted [green]{summary.Accepted}[/], rejected [{(summary.Rejected > 0 ? "red" : "green")}]{summary.Rejected}[/].");
        foreach (var rejection in summary.Rejections)
        {
            var where = rejection.Index < result.Sources.Count ? result.Sources[rejection.Index].Describe() : $"#{rejection.Index}";
            AnsiConsole.MarkupLineInterpolated($"  [red]rejected[/] {where}: {rejection.Field}: {rejection.Reason}");
        }
    }
}
