using SearchSuite.Search;
using SearchSuite.GrpcHosting;
using SearchSuite.Hosting;
using SearchSuite.Messaging;
using SearchSuite.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddHostDefaults(defaultPort: SearchDefaults.Port);
builder.AddServiceDefaults();
builder.AddSearch();
builder.AddMessageBus(bus => bus.AddSearchConsumers(indexing: !builder.Configuration.IsReadOnlyReplica()));

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcDefaultEndpoints();
app.MapSearch();
app.Run();
