using System.CommandLine;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Synthesis;
using SoTTTT.IO;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt synth --profile province|national|mountain [--seed N] --out DIR</c>: writes a synthetic dataset,
/// byte-identical for the same seed (on the same platform); the mountain profile with its DEM (<c>dem.tif</c>),
/// <c>public_sites.csv</c> and <c>plan_targets.json</c>.
/// </summary>
internal static class SynthCommand
{
    public static Command Create(CliConsole console)
    {
        var profile = new Option<string>("--profile") { Description = "province (calibrated to Hải Dương) | national (34 provinces, for benchmarks) | mountain (calibrated to Điện Biên, with a DEM)", Required = true };
        profile.AcceptOnlyFromAmong("province", "national", "mountain");
        var seed = new Option<int>("--seed") { Description = "random seed (default 2025, the seed of data/sample-province and data/sample-mountain)", DefaultValueFactory = _ => 2025 };
        var outDir = new Option<string>("--out") { Description = "output folder", Required = true };
        var lang = new Option<string?>("--lang") { Description = "vi | en" };
        lang.AcceptOnlyFromAmong("vi", "en");
        var command = new Command("synth", "tạo bộ dữ liệu tổng hợp / write a synthetic dataset") { profile, seed, outDir, lang };
        command.SetAction(parse =>
        {
            var which = parse.GetValue(profile) switch
            {
                "national" => SynthProfile.National,
                "mountain" => SynthProfile.Mountain,
                _ => SynthProfile.Province,
            };
            var folder = parse.GetValue(outDir)!;
            var language = parse.GetValue(lang) ?? "vi";
            console.WithStatus(Texts.Get("synth.working", language), () =>
            {
                var sample = SyntheticDatasetGenerator.GenerateSample(which, parse.GetValue(seed));
                SyntheticSampleWriter.Write(sample, folder, SyntheticDatasetGenerator.DefaultFileLayout(which));
                return 0;
            });
            console.Error.WriteLine(Texts.Format("synth.done", language, Path.GetFullPath(folder)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
