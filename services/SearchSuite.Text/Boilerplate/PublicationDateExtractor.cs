using System.Globalization;
using System.Text.RegularExpressions;
using SearchSuite.Text.Pipeline;

namespace SearchSuite.Text.Boilerplate;

/// <summary>
/// A line that states when the article was published → <see cref="DocumentDraft.PublishedAt"/>; the line is removed.
/// Read: a labelled line ("Stand: 04.03.2025 17:32 Uhr", "Published 4 March 2025", "Ngày đăng: 04/03/2025") or a line
/// that is nothing but a date, optionally after a weekday ("Thứ ba, 4/3/2025, 17:32 (GMT+7)"). A date needs its year:
/// "MOSCOW, March 4 (Reuters)" is never completed with a guessed one. A time without a stated offset is read as UTC.
/// The first such line wins; "Updated"/"Aktualisiert" lines are not publication dates and are left alone.
/// </summary>
public sealed partial class PublicationDateExtractor : IDraftStep
{
    /// <summary>Longer lines are sentences, which may mention dates without being a date line.</summary>
    private const int MaxLineLength = 120;

    public void Apply(DocumentDraft draft)
    {
        for (var i = 0; i < draft.Lines.Length; i++)
        {
            if (!draft.IsBody(i) || draft.Lines[i].Length > MaxLineLength) continue;
            if (Read(draft.LineText(i).ToString()) is not { } published) continue;
            draft.PublishedAt = published;
            draft.RemoveLine(i, RemovedKind.PublicationDate);
            return;
        }
    }

    /// <summary>The publication time a date line states, or null when the line is not one.</summary>
    public static DateTimeOffset? Read(string line)
    {
        var match = DateLine().Match(line);
        if (!match.Success) return null;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = match.Groups["month"].Success
            ? int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture)
            : MonthOf(match.Groups["monthName"].Value);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var hour = match.Groups["hour"].Success ? int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12) return null;
            var pm = match.Groups["ampm"].Value.StartsWith('p') || match.Groups["ampm"].Value.StartsWith('P');
            hour = hour % 12 + (pm ? 12 : 0);
        }
        var offset = match.Groups["offset"].Success ? OffsetOf(match.Groups["offset"].Value) : TimeSpan.Zero;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || offset is null)
            return null;
        return new DateTimeOffset(year, month, day, hour, minute, 0, offset.Value);
    }

    private static int MonthOf(string name)
    {
        var key = name.TrimEnd('.').ToLowerInvariant();
        for (var i = 0; i < MonthNames.Length; i++)
            if (MonthNames[i].Contains(key)) return i + 1;
        return 0;
    }

    /// <summary>"+7", "+07:00", "-0530".</summary>
    private static TimeSpan? OffsetOf(string text)
    {
        var sign = text[0] == '-' ? -1 : 1;
        var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits.Length > 2 ? digits[..^2] : digits, CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[^2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59) return null;
        return sign * new TimeSpan(hours, minutes, 0);
    }

    /// <summary>English and German month names and their abbreviations, by month.</summary>
    private static readonly string[][] MonthNames =
    [
        ["january", "jan", "januar", "jänner"], ["february", "feb", "februar"], ["march", "mar", "märz", "mär", "maerz", "marz"],
        ["april", "apr"], ["may", "mai"], ["june", "jun", "juni"], ["july", "jul", "juli"], ["august", "aug"],
        ["september", "sep", "sept"], ["october", "oct", "oktober", "okt"], ["november", "nov"], ["december", "dec", "dezember", "dez"],
    ];

    private const string MonthName = @"(?<monthName>(?:jan(?:uary|uar)?|jänner|feb(?:ruary|ruar)?|m(?:a|ä|ae)rz|mär|mar(?:ch)?|apr(?:il)?|ma[iy]|jun[ei]?|jul[yi]?|aug(?:ust)?|sep(?:t|tember)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cz](?:ember)?)\.?)";

    private const string Date =
        @"(?:(?<day>\d{1,2})\.\s?(?<month>\d{1,2})\.\s?(?<year>\d{4})"                 // de 04.03.2025
        + @"|(?<day>\d{1,2})/(?<month>\d{1,2})/(?<year>\d{4})"                          // vi 4/3/2025 (day first)
        + @"|(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})"                              // ISO 2025-03-04
        + @"|(?:ngày\s+)?(?<day>\d{1,2})\s+tháng\s+(?<month>\d{1,2})\s*(?:năm|,)\s*(?<year>\d{4})" // vi ngày 4 tháng 3 năm 2025
        + @"|(?<day>\d{1,2})\.?\s+" + MonthName + @",?\s+(?<year>\d{4})"               // 4. März 2025, 4 March 2025
        + @"|" + MonthName + @"\s+(?<day>\d{1,2}),?\s+(?<year>\d{4}))";                // March 4, 2025

    private const string Time =
        @"(?:[,\s–-]+(?:um\s+|at\s+|lúc\s+)?(?<hour>\d{1,2})[:.hg](?<minute>\d{2})(?:\s*(?<ampm>[ap]\.?m\.?))?(?:\s*Uhr)?"
        + @"(?:\s*\(?\s*(?:GMT|UTC)(?<offset>[+-]\d{1,2}(?::?\d{2})?)?\s*\)?|\s+(?:MEZ|CET|MESZ|CEST|ICT|ET|EST|EDT|BST|GMT|UTC))?)?";

    private const string Weekday =
        @"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
        + @"|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn)\.?,?\s+";

    private const string Label =
        @"(?:stand|veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|publiziert(?:\s+am)?|datum"
        + @"|published(?:\s+on)?|first\s+published(?:\s+on)?|posted(?:\s+on)?|date"
        + @"|ngày\s+đăng|đăng\s+(?:ngày|lúc)|xuất\s+bản|ngày\s+xuất\s+bản)\s*[:|–-]?\s*";

    /// <summary>A label (then anything may follow: "Published 4 March 2025 Share"), or a weekday or nothing (then the date is the whole line).</summary>
    [GeneratedRegex(@"^(?:" + Label + "(?:" + Weekday + ")?" + Date + Time + @"(?:\W.*)?|(?:" + Weekday + ")?" + Date + Time + @"\s*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();
}
