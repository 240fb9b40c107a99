using System.Text.Json;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Rescue;
using MassTransit.Serialization;
using SearchSuite.Contracts;

namespace SearchSuite.Ingest;

/// <summary>
/// Puts the JSON path of the field at fault ("$.documents[0].text: …") into the _error queue's reason for a plain-JSON
/// bulk message that does not read as <see cref="SubmitDocuments"/>, instead of the serializer's innermost exception,
/// which has no path ("Operation is not valid due to the current state of the object." for a null body).
/// </summary>
/// <remarks>
/// A filter of the error pipe, ahead of MassTransit's own fault and error-transport filters: MassTransit reads the message
/// type before any consume filter runs, and a receive filter that throws sits outside the rescue, so the message would be
/// redelivered for ever.
/// </remarks>
public sealed class SubmitDocumentsShapeFilter : IFilter<ExceptionReceiveContext>
{
    private const string Shape = """a JSON object {"documents":[{"documentId":…,"text":…}]}""";

    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        // A consumer's own refusal already names the field; MassTransit's envelope is MassTransit's to explain.
        var plainJson = !string.Equals(context.ContentType?.MediaType, SystemTextJsonMessageSerializer.JsonContentType.MediaType, StringComparison.OrdinalIgnoreCase);
        if (context.Exception is not InvalidSubmissionException && plainJson && ShapeProblem(context.Body.GetBytes()) is { } problem)
            return next.Send(new RescueExceptionReceiveContext(context, new InvalidSubmissionException(problem)));
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("submitDocumentsShape");

    /// <summary>What is wrong with a plain-JSON bulk message, with the JSON path; null when it reads as <see cref="SubmitDocuments"/>.</summary>
    public static string? ShapeProblem(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize<SubmitDocuments>(body, SystemTextJsonMessageSerializer.Options) is null
                ? $"message body: must be {Shape}, not null"
                : null;
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 0 } p ? p : "message body";
            return $"{path}: {Reason(e)}";
        }
    }

    private static string Reason(JsonException json)
    {
        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
            return "is not a property of the message (documents[] take documentId, text, title, sourceUrl, language and metadata, in camelCase)";
        var message = json.InnerException?.Message ?? json.Message;
        var pathAt = message.IndexOf(" Path:", StringComparison.Ordinal);
        return pathAt > 0 ? message[..pathAt] : message;
    }
}
