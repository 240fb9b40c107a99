using SearchSuite.Ingest;
using SearchSuite.GrpcHosting;
using SearchSuite.Hosting;
using SearchSuite.Messaging;
using SearchSuite.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddHostDefaults(defaultPort: IngestDefaults.Port);
builder.AddServiceDefaults();
builder.AddIngest();
builder.AddMessageBus(bus => bus.AddIngestConsumers());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcDefaultEndpoints();
app.MapIngest();
app.Run();
