using System.Collections;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using SearchSuite.Services.Tests.Grpc;
using SearchSuite.V1;

namespace SearchSuite.Services.Tests.Reliability;

/// <summary>
/// A seeded corpus of malformed and hostile requests over every RPC the server lists (found from its reflection service
/// and the compiled protos, so RPCs added later are covered): invalid UTF-8, truncated and random bytes, control,
/// bidirectional and zero-width characters, Lucene and JSON syntax, huge and empty fields, huge repeated fields, out of
/// range numbers. No answer may be INTERNAL or UNKNOWN or take longer than 2 s, and afterwards the server must be alive
/// and still answer the seed queries as before.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261202;
    private const int InputsPerMethod = 160;
    private static readonly TimeSpan Slowest = TimeSpan.FromSeconds(2);

    private static readonly string[] HostileStrings =
    [
        "", " ", "\t\n\r", "\u0000", "\u0001\u0002\u001f\u007f", "a\u0000b",
        "\u202Eevil\u202C", "\u2066Peskov\u2069", "\u200B", "Pes\u200Bkov", "\u200C\u200D\uFEFF", "\u061C\u200E\u200F",
        "*:*", "title:(a OR b)^3", "\"unclosed", "a AND NOT", "Peskov~2", "Pes*", "?", "\\", "(((((", "[a TO z]", "+-&&||!(){}[]^\"~*?:\\/",
        "{\"query\":{\"match_all\":{}}}", "\"}]}", "{\"$where\":\"1\"}", "</script><script>", "'; DROP TABLE x;--",
        "Пе́сков", "ﷺ", "😀👩‍👩‍👧", "\u0301\u0301\u0301", "ǅ", "İ", "ß", "../../etc/passwd", "a/b", "C:\\x", "..",
        "de", "DE", "xx", "und", "zz-ZZ", "curated", "user",
    ];

    private static readonly byte[][] BadUtf8 = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf], [0xe2, 0x82]];

    [Fact]
    public async Task A_thousand_malformed_inputs_over_every_RPC_get_no_INTERNAL_or_UNKNOWN_answer_none_slow_and_the_server_survives()
    {
        await using var server = await InProcessServer.StartAsync();
        var seeds = await server.IngestSeedsAsync();
        var before = await SeedHitsAsync(server);
        var methods = await ServedServices.MethodsAsync(server.Channel);
        Assert.Contains(methods, m => m.Name == "IngestStream");

        var random = new Random(Seed);
        var failures = new List<string>();
        var total = 0;
        var statuses = new Dictionary<StatusCode, int>();
        foreach (var method in methods)
        {
            for (var i = 0; i < InputsPerMethod; i++)
            {
                var (description, messages) = Input(method, random);
                var answer = await RawGrpc.CallAsync(server.Channel, method, messages);
                total++;
                statuses[answer.Status] = statuses.GetValueOrDefault(answer.Status) + 1;
                if (answer.Status is StatusCode.Internal or StatusCode.Unknown or StatusCode.DeadlineExceeded || answer.Elapsed > Slowest)
                    failures.Add($"{method.FullName} [{description}] → {answer.Status} \"{answer.Detail}\" in {answer.Elapsed.TotalMilliseconds:0} ms");
            }
        }

        var summary = $"{total} inputs over {methods.Count} methods; answers: {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"))}";
        Assert.True(total >= 1_000, summary);
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers ({summary}):\n{string.Join("\n", failures.Take(30))}");

        var health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        foreach (var id in seeds.Values) await server.WaitUntilSearchableAsync(id);
        var after = await SeedHitsAsync(server);
        foreach (var (query, hits) in before)
            Assert.True(hits.All(after[query].Contains), $"'{query}' found [{string.Join(", ", hits)}] before the fuzzing and [{string.Join(", ", after[query])}] after ({summary})");
    }

    private static async Task<Dictionary<string, IReadOnlyList<string>>> SeedHitsAsync(InProcessServer server)
    {
        var hits = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var query in new[] { "Peskow", "Atomprogramms", "Witkoff" })
            hits[query] = (await server.Search.SearchAsync(new SearchRequest { Query = query, NameExpansion = NameExpansion.Off })).Hits.Select(h => h.DocumentId).ToList();
        return hits;
    }

    /// <summary>One input for <paramref name="method"/>: a description for the failure message and the request message(s).</summary>
    private static (string Description, IReadOnlyList<byte[]> Messages) Input(MethodDescriptor method, Random random)
    {
        var type = method.InputType;
        var kind = random.Next(6);
        (string, byte[]) one = kind switch
        {
            0 => RawBytes(random),
            1 => BadUtf8InAField(type, random),
            2 => Truncated(type, random),
            _ => Hostile(type, random),
        };
        if (!method.IsClientStreaming || random.Next(3) == 0) return (one.Item1, [one.Item2]);
        // A stream: valid-looking and hostile messages around the chosen one.
        var stream = new List<byte[]>();
        for (var n = random.Next(1, 4); n > 0; n--) stream.Add(Hostile(type, random).Bytes);
        stream.Insert(random.Next(stream.Count + 1), one.Item2);
        return ($"stream of {stream.Count}: {one.Item1}", stream);
    }

    private static (string, byte[]) RawBytes(Random random)
    {
        if (random.Next(3) == 0)
        {
            var bad = BadUtf8[random.Next(BadUtf8.Length)];
            return ($"bytes {Convert.ToHexString(bad)}", bad);
        }
        var bytes = new byte[random.Next(1, 64)];
        random.NextBytes(bytes);
        return ($"random {Convert.ToHexString(bytes)}", bytes);
    }

    /// <summary>A string field (top level or inside a map or message) holding invalid UTF-8.</summary>
    private static (string, byte[]) BadUtf8InAField(MessageDescriptor type, Random random)
    {
        var bad = BadUtf8[random.Next(BadUtf8.Length)];
        var (path, bytes) = EncodeBadString(type, bad, random, depth: 0);
        return ($"invalid UTF-8 {Convert.ToHexString(bad)} in {path}", bytes);
    }

    private static (string Path, byte[] Bytes) EncodeBadString(MessageDescriptor type, byte[] bad, Random random, int depth)
    {
        var candidates = type.Fields.InFieldNumberOrder()
            .Where(f => f.FieldType == FieldType.String || (f.FieldType == FieldType.Message && depth < 2 && f.MessageType.FullName != "google.protobuf.Timestamp"))
            .ToList();
        using var output = new MemoryStream();
        var stream = new CodedOutputStream(output);
        if (candidates.Count == 0)
        {
            // No string field: an unknown length-delimited field with the bytes.
            stream.WriteTag(1000, WireFormat.WireType.LengthDelimited);
            stream.WriteBytes(ByteString.CopyFrom(bad));
            stream.Flush();
            return ("an unknown field", output.ToArray());
        }
        var field = candidates[random.Next(candidates.Count)];
        stream.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
        if (field.FieldType == FieldType.String)
        {
            stream.WriteBytes(ByteString.CopyFrom(bad));
            stream.Flush();
            return (field.Name, output.ToArray());
        }
        var (inner, innerBytes) = EncodeBadString(field.MessageType, bad, random, depth + 1);
        stream.WriteBytes(ByteString.CopyFrom(innerBytes));
        stream.Flush();
        return ($"{field.Name}.{inner}", output.ToArray());
    }

    private static (string, byte[]) Truncated(MessageDescriptor type, Random random)
    {
        var whole = Hostile(type, random).Bytes;
        if (whole.Length < 2) return RawBytes(random);
        var cut = random.Next(1, whole.Length);
        return ($"a message cut at {cut} of {whole.Length} bytes", whole[..cut]);
    }

    /// <summary>A well-formed message whose fields hold hostile values.</summary>
    private static (string Description, byte[] Bytes) Hostile(MessageDescriptor type, Random random)
    {
        var message = type.Parser.ParseFrom([]);
        var set = new List<string>();
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            if (random.Next(3) == 0) continue;
            set.Add(field.Name);
            Fill(message, field, random, nested: false);
        }
        return ($"hostile {string.Join(", ", set)}", message.ToByteArray());
    }

    /// <param name="nested">Inside a nested message: small values only, so one request stays within memory.</param>
    private static void Fill(IMessage message, FieldDescriptor field, Random random, bool nested)
    {
        var accessor = field.Accessor;
        if (field.IsMap)
        {
            var map = (IDictionary)accessor.GetValue(message);
            var key = field.MessageType.FindFieldByNumber(1);
            var value = field.MessageType.FindFieldByNumber(2);
            for (var n = Count(random, nested); n > 0; n--)
            {
                var k = Value(key, random, nested);
                if (k is not null) map[k] = Value(value, random, nested) ?? "";
            }
            return;
        }
        if (field.IsRepeated)
        {
            var list = (IList)accessor.GetValue(message);
            for (var n = Count(random, nested); n > 0; n--)
                if (Value(field, random, nested) is { } item) list.Add(item);
            return;
        }
        if (Value(field, random, nested) is { } single) accessor.SetValue(message, single);
    }

    /// <summary>How many entries a repeated field gets: usually a few, sometimes far too many.</summary>
    private static int Count(Random random, bool nested) => random.Next(10) switch
    {
        0 => nested ? 5 : 1_000,
        1 => 0,
        _ => random.Next(1, 5),
    };

    private static object? Value(FieldDescriptor field, Random random, bool nested) => field.FieldType switch
    {
        FieldType.String => HostileString(random, nested),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => new[] { -1, 0, 1, 100, 1_001, int.MaxValue, int.MinValue }[random.Next(7)],
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => new[] { -1L, 0L, long.MaxValue, long.MinValue }[random.Next(4)],
        FieldType.UInt32 or FieldType.Fixed32 => new[] { 0u, 1u, uint.MaxValue }[random.Next(3)],
        FieldType.UInt64 or FieldType.Fixed64 => new[] { 0ul, ulong.MaxValue }[random.Next(2)],
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Float => new[] { float.NaN, float.PositiveInfinity, -1f, 0f }[random.Next(4)],
        FieldType.Double => new[] { double.NaN, double.NegativeInfinity, -1d, 0d }[random.Next(4)],
        // An enum value the server may not know.
        FieldType.Enum => random.Next(3) == 0 ? 99 : field.EnumType.Values[random.Next(field.EnumType.Values.Count)].Number,
        FieldType.Message when field.MessageType.FullName == "google.protobuf.Timestamp" => null,
        FieldType.Message => Nested(field.MessageType, random),
        FieldType.Bytes => ByteString.CopyFrom(BadUtf8[random.Next(BadUtf8.Length)]),
        _ => null,
    };

    private static IMessage Nested(MessageDescriptor type, Random random)
    {
        var message = type.Parser.ParseFrom([]);
        foreach (var field in type.Fields.InFieldNumberOrder())
            if (random.Next(2) == 0) Fill(message, field, random, nested: true);
        return message;
    }

    private static string HostileString(Random random, bool nested) => (nested ? random.Next(3, 12) : random.Next(12)) switch
    {
        0 => new string('x', 100_000),
        1 => string.Concat(Enumerable.Repeat("Peskov ", 5_000)),
        2 => new string('\u200B', 2_000),
        3 => RandomText(random),
        _ => HostileStrings[random.Next(HostileStrings.Length)],
    };

    /// <summary>Random characters from control, bidi, zero-width, combining, CJK and emoji ranges (never a lone surrogate, which UTF-8 cannot carry).</summary>
    private static string RandomText(Random random)
    {
        int[][] ranges = [[0x00, 0x1f], [0x20, 0x7e], [0x300, 0x36f], [0x200b, 0x200f], [0x202a, 0x202e], [0x2066, 0x2069], [0x4e00, 0x4fff], [0x1f600, 0x1f64f], [0xfff0, 0xfffd]];
        var builder = new StringBuilder();
        for (var n = random.Next(1, 40); n > 0; n--)
        {
            var range = ranges[random.Next(ranges.Length)];
            builder.Append(char.ConvertFromUtf32(random.Next(range[0], range[1] + 1)));
        }
        return builder.ToString();
    }
}
