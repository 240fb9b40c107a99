using SearchSuite.Ingest;
using SearchSuite.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(defaultPort: IngestDefaults.Port);
builder.AddIngest();
builder.AddMessageBus(bus => bus.AddIngestConsumers());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcDefaultEndpoints();
app.MapIngest();
app.Run();
