using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SearchSuite.Contracts;
using SearchSuite.Search;
using SearchSuite.Search.Indexing;

namespace SearchSuite.Cli;

/// <summary>
/// The all-in-one's <see cref="PipelineBacklog"/> as MassTransit filters, so that the services know nothing of it:
/// a document enters when a <see cref="DocumentsSubmitted"/> is published (by ingest, or by the journal's replay) and
/// leaves once the indexer has consumed its batch.
/// </summary>
public static class PipelineBacklogFilters
{
    /// <summary>Adds both filters to the bus. Call before the endpoints are configured.</summary>
    public static void UsePipelineBacklog(this IBusFactoryConfigurator bus, IRegistrationContext context)
    {
        var backlog = context.GetRequiredService<PipelineBacklog>();
        // One filter instance, not a scoped one: normalize's publishes leave its in-memory outbox after the consumer's
        // scope is gone, and a scoped filter resolved then fails.
        bus.ConfigurePublish(publish => publish.AddPipeSpecification(new FilterPipeSpecification<PublishContext<DocumentsSubmitted>>(new EnterOnPublish(backlog))));
        bus.ConnectConsumerConfigurationObserver(new LeaveAfterIndexing(backlog));
    }

    /// <summary>
    /// Waits for room in the backlog before a batch of submitted documents goes onto the bus. A stream's publishes wait
    /// here in its window of <c>Ingest:MaxInFlightPublishes</c>, so at most that many batches beyond the backlog are held.
    /// </summary>
    private sealed class EnterOnPublish(PipelineBacklog backlog) : IFilter<PublishContext<DocumentsSubmitted>>
    {
        public async Task Send(PublishContext<DocumentsSubmitted> context, IPipe<PublishContext<DocumentsSubmitted>> next)
        {
            await backlog.EnterAsync(context.Message.Documents.Count, context.CancellationToken);
            await next.Send(context);
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("pipelineBacklogEnter");
    }

    /// <summary>Puts <see cref="LeaveFilter"/> around the indexer's batches (and no other consumer's).</summary>
    private sealed class LeaveAfterIndexing(PipelineBacklog backlog) : IConsumerConfigurationObserver
    {
        public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator) where TConsumer : class
        {
        }

        public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
            where TConsumer : class where TMessage : class
        {
            if (configurator is IConsumerMessageConfigurator<IndexDocumentsConsumer, Batch<DocumentsNormalized>> indexing)
                indexing.Message(m => m.UseFilter(new LeaveFilter(backlog)));
        }
    }

    /// <summary>
    /// Frees the places of a consumed batch: every document that arrived has left the pipeline (indexed, or refused and
    /// about to fault into the error queue) except those the indexer sent back to its queue (<see cref="RequeuedDocuments"/>),
    /// which leave when they come back. A batch that failed otherwise is retried, or lands in the error queue, where
    /// <see cref="PipelineBacklog.MaxWait"/> stops it from stalling ingest.
    /// </summary>
    private sealed class LeaveFilter(PipelineBacklog backlog) : IFilter<ConsumeContext<Batch<DocumentsNormalized>>>
    {
        public async Task Send(ConsumeContext<Batch<DocumentsNormalized>> context, IPipe<ConsumeContext<Batch<DocumentsNormalized>>> next)
        {
            var requeued = context.GetOrAddPayload(() => new RequeuedDocuments());
            void Leave() => backlog.Leave(requeued.Without(Received(context)));
            try
            {
                await next.Send(context);
            }
            catch (DocumentsRejectedException)
            {
                Leave();
                throw;
            }
            Leave();
        }

        /// <summary>Every document that arrived, duplicates included: each one entered the backlog.</summary>
        private static List<string> Received(ConsumeContext<Batch<DocumentsNormalized>> context) =>
            context.Message.SelectMany(m => m.Message.Documents).Select(d => d.DocumentId).ToList();

        public void Probe(ProbeContext context) => context.CreateFilterScope("pipelineBacklogLeave");
    }
}
