using Grpc.Core;
using SearchSuite.Cli.Output;
using SearchSuite.V1;
using Spectre.Console;

namespace SearchSuite.Cli;

/// <summary>Streams documents to IngestService.IngestStream with a progress bar, then optionally waits until they are searchable.</summary>
public static class DocumentUploader
{
    /// <param name="Summary">The server's answer for the documents sent.</param>
    /// <param name="Sent">The sources sent, in stream order (the server's rejection indexes refer to it).</param>
    /// <param name="Unreadable">Lines that were not sent because they could not be read as documents.</param>
    public sealed record Result(IngestSummary Summary, IReadOnlyList<DocumentFiles.Source> Sent, IReadOnlyList<DocumentFiles.Source> Unreadable)
    {
        public int Accepted => Summary.Accepted;
        public int Rejected => Summary.Rejected + Unreadable.Count;
        public IEnumerable<string> DocumentIds => Summary.DocumentIds;
    }

    public static async Task<Result> UploadAsync(CallInvoker invoker, IReadOnlyList<string> files, string? languageHint, CancellationToken cancellationToken)
    {
        var total = DocumentFiles.Count(files);
        var sent = new List<DocumentFiles.Source>(total);
        var unreadable = new List<DocumentFiles.Source>();
        var client = new IngestService.IngestServiceClient(invoker);
        IngestSummary? summary = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Ingesting {Terminal.Count(total, "document")}", maxValue: Math.Max(total, 1));
                using var call = client.IngestStream(cancellationToken: cancellationToken);
                foreach (var source in DocumentFiles.Read(files, languageHint))
                {
                    if (source.Request is null) unreadable.Add(source);
                    else
                    {
                        sent.Add(source);
                        await call.RequestStream.WriteAsync(source.Request, cancellationToken);
                    }
                    task.Increment(1);
                }
                await call.RequestStream.CompleteAsync();
                summary = await call;
                task.Value = task.MaxValue;
            });
        return new Result(summary!, sent, unreadable);
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

    /// <summary>Always printed, also when documents were rejected: the counts, then every rejected document or line with its reason.</summary>
    public static void PrintSummary(Result result)
    {
        AnsiConsole.MarkupLine($"Accepted [green]{result.Accepted}[/], rejected [{(result.Rejected > 0 ? "red" : "green")}]{result.Rejected}[/].");
        var rejections = result.Summary.Rejections
            .Select(r => (Source: r.Index < result.Sent.Count ? result.Sent[r.Index] : null, Where: r.Index < result.Sent.Count ? result.Sent[r.Index].Describe() : $"#{r.Index}", Reason: $"{r.Field}: {r.Reason}"))
            .Concat(result.Unreadable.Select(u => (Source: (DocumentFiles.Source?)u, Where: u.Describe(), Reason: u.Problem!)))
            .OrderBy(r => r.Source?.Path, StringComparer.Ordinal).ThenBy(r => r.Source?.Line);
        foreach (var (_, where, reason) in rejections)
            AnsiConsole.MarkupLineInterpolated($"  [red]rejected[/] {where}: {reason}");
    }
}
