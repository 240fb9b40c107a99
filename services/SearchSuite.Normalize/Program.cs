using Microsoft.AspNetCore.Server.Kestrel.Core;
using SearchSuite.Normalize;
using SearchSuite.Hosting;
using SearchSuite.Messaging;
using SearchSuite.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
// Health endpoints only: HTTP/1.1, which probes and load balancers speak (HTTP/2 without TLS cannot share a port with it).
builder.AddHostDefaults(defaultPort: NormalizeDefaults.Port, HttpProtocols.Http1);
builder.AddServiceDefaults();
builder.AddNormalize();
builder.AddMessageBus(bus => bus.AddNormalizeConsumers());

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
