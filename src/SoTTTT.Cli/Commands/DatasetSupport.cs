using SoTTTT.Cli.Output;
using SoTTTT.Core.Diagnostics;
using SoTTTT.IO;

namespace SoTTTT.Cli.Commands;

/// <summary>Loading a dataset (folder, GeoPackage or PostGIS, see <see cref="DatasetSource"/>) for a command: progress on a terminal, every problem printed, exit code 2 on bad input.</summary>
internal static class DatasetSupport
{
    /// <summary>What a DATASET argument accepts.</summary>
    public const string ArgumentDescription = "dataset folder, GeoPackage (.gpkg) or postgresql://user@host:port/db?schema=name";

    /// <param name="console">Where progress and problems go.</param>
    /// <param name="source">The DATASET argument.</param>
    /// <param name="langOption">The <c>--lang</c> given, if any.</param>
    /// <param name="repairPolygons">Repair invalid polygons instead of reporting them.</param>
    /// <param name="lang">The language of the messages: the option, else the dataset's, else Vietnamese.</param>
    /// <param name="exitCode">2 with the problems printed when the dataset does not load; else null.</param>
    /// <param name="oneCommand">
    /// The process runs this one command and ends: the collector is held off for its analysis
    /// (<see cref="LoadOptions.DeferCollections"/>). The server, which goes on, passes false.
    /// </param>
    public static LoadResult Load(CliConsole console, string source, string? langOption, bool repairPolygons, out string lang, out int? exitCode, bool oneCommand = true)
    {
        // The resident process (sotttt daemon) goes on after the command, as the server does.
        var options = new LoadOptions(repairPolygons, CacheWriteBehind: true, DeferCollections: oneCommand && !IO.Caching.ResidentDatasets.Enabled);
        var result = console.WithStatus(Texts.Get("loading", langOption ?? "vi"), () => DatasetSource.Load(source, options));
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
