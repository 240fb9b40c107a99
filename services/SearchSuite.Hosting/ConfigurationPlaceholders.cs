using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SearchSuite.Hosting;

/// <summary>
/// Refuses to start while a setting still holds a placeholder of .env.example ("replace-with-…"): docker-compose
/// accepts any value, so without this a stack would run with a published, guessable API key or password.
/// </summary>
public sealed class ConfigurationPlaceholders
{
    public const string Marker = "replace-with-";

    public sealed class Validator(IConfiguration configuration) : IValidateOptions<ConfigurationPlaceholders>
    {
        public ValidateOptionsResult Validate(string? name, ConfigurationPlaceholders options)
        {
            var keys = configuration.AsEnumerable()
                .Where(e => e.Value?.Contains(Marker, StringComparison.OrdinalIgnoreCase) == true)
                .Select(e => e.Key)
                .Order(StringComparer.Ordinal)
                .ToList();
            return keys.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{string.Join(", ", keys)} still hold a '{Marker}…' placeholder from .env.example; set real values in .env.");
        }
    }
}
