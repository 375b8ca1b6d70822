using SoTTTT.Cli.Output;
using SoTTTT.Core.Diagnostics;
using SoTTTT.IO;

namespace SoTTTT.Cli.Commands;

/// <summary>Loading a dataset (folder, GeoPackage or PostGIS, see <see cref="DatasetSource"/>) for a command: progress on a terminal, every problem printed, exit code 2 on bad input.</summary>
internal static class DatasetSupport
{
    /// <summary>What a DATASET argument accepts.</summary>
    public const string ArgumentDescription = "dataset folder, GeoPackage (.gpkg) or postgresql://user@host:port/db?schema=name";

    public static LoadResult Load(CliConsole console, string source, string? langOption, bool repairPolygons, out string lang, out int? exitCode)
    {
        var result = console.WithStatus(Texts.Get("loading", langOption ?? "vi"), () => DatasetSource.Load(source, new LoadOptions(repairPolygons, CacheWriteBehind: true, DeferCollections: true)));
        PhaseMarks.Mark("load");
        lang = langOption ?? result.Settings?.Lang ?? "vi";
        foreach (var notice in result.Notices)
        {
            console.Error.WriteLine("  " + notice);
        }

        exitCode = result.Succeeded ? null : ProblemReport.Print(console, result.Problems, lang);
        return result;
    }
}
