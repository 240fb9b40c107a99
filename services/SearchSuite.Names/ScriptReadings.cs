namespace SearchSuite.Names;

/// <summary>The one place that asks each script for the readings a word has besides its own key.</summary>
public static class ScriptReadings
{
    /// <summary>
    /// The keys of a token's other readings: Hangul's Revised Romanisation and dropped initial r
    /// (<see cref="EastAsianNames.OtherReadingKeys"/>) and a Greek word read as a foreign name
    /// (<see cref="GreekNames.ForeignReadingKey"/>). Empty for other tokens.
    /// </summary>
    public static IReadOnlyList<string> OtherReadingKeys(string token, string key) =>
        GreekNames.ForeignReadingKey(token, key) is { Length: > 0 } foreign ? [foreign] : EastAsianNames.OtherReadingKeys(token, key);
}
