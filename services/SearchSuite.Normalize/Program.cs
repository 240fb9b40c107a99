using Microsoft.AspNetCore.Server.Kestrel.Core;
using SearchSuite.Normalize;
using SearchSuite.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(defaultPort: NormalizeDefaults.Port, HttpProtocols.Http1AndHttp2);
builder.AddNormalize();
builder.AddMessageBus(bus => bus.AddNormalizeConsumers());

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
