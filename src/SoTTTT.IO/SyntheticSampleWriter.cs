using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.Core.Synthesis;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO;

/// <summary>
/// Writes a synthetic sample (<see cref="SynthSample"/>) as a dataset folder: the layers and the DEM through
/// <see cref="DatasetFolderWriter"/>, and when the sample has them <c>public_sites.csv</c> (<c>id,kind,name,commune_code,x,y</c>,
/// x/y in the layout's CRS, the format <c>sotttt plan</c> reads commune offices from) and <c>plan_targets.json</c> (the
/// remote communes, for <c>sotttt plan --targets</c>). Deterministic: UTF-8 without BOM, <c>\n</c>, invariant culture.
/// </summary>
public static class SyntheticSampleWriter
{
    public const string PublicSitesFile = "public_sites.csv";
    public const string PlanTargetsFile = "plan_targets.json";

    public static void Write(SynthSample sample, string folder, DatasetFileLayout layout)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(layout);
        DatasetFolderWriter.Write(sample.Dataset, folder, layout);
        if (sample.PublicSites.Count > 0)
        {
            var toFile = CoordinateTransformer.Create(sample.Dataset.Crs, layout.Crs);
            var rows = sample.PublicSites.Select(p => (Site: p, Xy: toFile.Transform(p.Location.X, p.Location.Y))).ToList();
            AtomicFile.WriteAllText(Path.Combine(folder, PublicSitesFile), CsvOutput.Write<(SynthPublicSite Site, (double X, double Y) Xy)>(
                [
                    ("id", r => r.Site.Id),
                    ("kind", r => r.Site.Kind),
                    ("name", r => r.Site.Name),
                    ("commune_code", r => r.Site.CommuneCode),
                    ("x", r => r.Xy.X.ToString("F2", CultureInfo.InvariantCulture)),
                    ("y", r => r.Xy.Y.ToString("F2", CultureInfo.InvariantCulture)),
                ],
                rows));
        }

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
