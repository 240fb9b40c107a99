using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SearchSuite.Cli.Output;

/// <summary>
/// <c>--json</c>: the proto3 JSON mapping with the proto field names, as grpcurl prints them (<c>total_hits</c>,
/// <c>document_id</c>), two deliberate differences: 64-bit integers are JSON numbers rather than strings (every count
/// SearchSuite returns fits a double exactly), and HTML such as <c>&lt;em&gt;</c> is not escaped. Indented on a
/// terminal; one object per line when piped, so the output is JSON Lines.
/// </summary>
public static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true));
    private const long MaxExactInteger = 1L << 53;

    public static void Print(IMessage message) => Console.WriteLine(Format(message, indented: Terminal.IsInteractive));

    public static string Format(IMessage message, bool indented)
    {
        var node = JsonNode.Parse(Formatter.Format(message))!;
        IntegersAsNumbers(node.AsObject(), message.Descriptor);
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static void IntegersAsNumbers(JsonObject json, MessageDescriptor descriptor)
    {
        // Well-known types (Timestamp, Duration, …) have JSON forms of their own.
        if (descriptor.File.Package == "google.protobuf") return;
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            switch (json[field.Name])
            {
                case JsonObject map when field.IsMap:
                    var valueField = field.MessageType.FindFieldByNumber(2);
                    foreach (var key in map.Select(e => e.Key).ToList()) Visit(map[key], valueField, number => map[key] = number);
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        var index = i;
                        Visit(array[i], field, number => array[index] = number);
                    }
                    break;
                case { } value:
                    Visit(value, field, number => json[field.Name] = number);
                    break;
            }
        }
    }

    private static void Visit(JsonNode? value, FieldDescriptor field, Action<JsonNode> replace)
    {
        if (value is JsonObject nested && field.FieldType == FieldType.Message) IntegersAsNumbers(nested, field.MessageType);
        else if (field.FieldType is FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64
                 && value?.GetValueKind() == JsonValueKind.String && long.TryParse(value.GetValue<string>(), out var number) && Math.Abs(number) <= MaxExactInteger)
            replace(JsonValue.Create(number));
    }
}
