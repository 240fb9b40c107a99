using SearchSuite.Testing;

// Every test here starts real service processes over a real RabbitMQ (or checks the compose stack beside them).
[assembly: AssemblyTrait("Category", TestCategories.Broker)]
