using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SoTTTT.IO.Writing;

/// <summary>Shared pieces of the deterministic JSON writers: indented UTF-8, Vietnamese unescaped, <c>\n</c> line ends, rounded numbers.</summary>
internal static class JsonOutput
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        Write(buffer, write);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The same JSON (and its final line end) written to <paramref name="stream"/> as it is made.</summary>
    public static void Write(Stream stream, Action<Utf8JsonWriter> write)
    {
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        stream.WriteByte((byte)'\n');
    }

    public static void Number(Utf8JsonWriter w, string name, double? value, int decimals)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, decimals, MidpointRounding.AwayFromZero));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void Integer(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    public static void Flag(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
