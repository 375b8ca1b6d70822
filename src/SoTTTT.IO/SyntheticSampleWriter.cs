using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SoTTTT.Core.Model;
using SoTTTT.Core.Synthesis;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO;

/// <summary>
/// Writes a synthetic sample (<see cref="SynthSample"/>) as a dataset folder: the layers, public sites and DEM through
/// <see cref="DatasetFolderWriter"/>, and when the sample has remote communes <c>plan_targets.json</c> (key
/// <c>remote_communes</c>, for <c>sotttt plan --targets</c>; every other key takes its default). Deterministic: UTF-8
/// without BOM, <c>\n</c>.
/// </summary>
public static class SyntheticSampleWriter
{
    public const string PlanTargetsFile = "plan_targets.json";

    public static void Write(SynthSample sample, string folder, DatasetFileLayout layout)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(layout);
        DatasetFolderWriter.Write(sample.Dataset, folder, layout);
        if (sample.RemoteCommunes.Count > 0)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteStartArray("remote_communes");
                foreach (var code in sample.RemoteCommunes)
                {
                    json.WriteStringValue(code);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            AtomicFile.WriteAllText(Path.Combine(folder, PlanTargetsFile), Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
        }
    }
}
