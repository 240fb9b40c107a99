using SearchSuite.Search;
using SearchSuite.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(defaultPort: SearchDefaults.Port);
builder.AddSearch();
builder.AddMessageBus(bus => bus.AddSearchConsumers(indexing: !builder.Configuration.IsReadOnlyReplica()));

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcDefaultEndpoints();
app.MapSearch();
app.Run();
