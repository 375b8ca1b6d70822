using System.CommandLine;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Coverage.PathLoss;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Validation;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt pathloss --model M --freq-mhz F --dist-km D --hb-m H --hm-m H [--env E]</c>: the path loss in dB;
/// with <c>--eirp-dbm P --threshold-dbm T</c> instead of <c>--dist-km</c>, the maximum range in km (receive gain
/// 0 dBi; with <c>--tech</c> the EIRP is the carrier's total and the threshold is on the technology's reference signal,
/// the budget printed); with <c>--batch</c>, CSV rows on stdin (<see cref="PathLossBatch"/>). Input outside the model's validity
/// range is refused (exit 2, every problem listed) unless <c>--allow-extrapolation</c>, which computes it, flags it
/// in the output (<c>extrapolated</c>) and warns on stderr. <c>--model itm</c> predicts over a DEM instead
/// (<see cref="ItmPathLoss"/>).
/// </summary>
internal static class PathLossCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Option<string?>("--model") { Description = $"path-loss model: {PathLossModels.Names}" };
        var freq = new Option<double?>("--freq-mhz") { Description = "carrier frequency, MHz" };
        var dist = new Option<double?>("--dist-km") { Description = "horizontal distance base station–mobile, km" };
        var hb = new Option<double?>("--hb-m") { Description = "base-station antenna height above ground, m (not for free-space)" };
        var hm = new Option<double?>("--hm-m") { Description = "mobile antenna height above ground, m (not for free-space)" };
        var env = new Option<string?>("--env")
        {
            Description = "okumura-hata: urban-large | urban | suburban | open; cost231-hata: urban-large | urban | suburban; 3gpp-rma, 3gpp-uma: los | nlos",
        };
        var eirp = new Option<double?>("--eirp-dbm") { Description = "EIRP, dBm; with --threshold-dbm and without --dist-km: the maximum range" };
        var threshold = new Option<double?>("--threshold-dbm") { Description = "required received level, dBm (receive antenna gain 0 dBi)" };
        var techOption = new Option<string?>("--tech")
        {
            Description = "with --eirp-dbm/--threshold-dbm: the EIRP is the carrier's total and the threshold is on the technology's reference signal (2G BCCH, 3G CPICH −10 dB, 4G/5G per resource element); the default receiver losses apply",
        };
        var bandwidth = new Option<double?>("--bandwidth-mhz") { Description = "with --tech 4G/5G: channel bandwidth (default 20 MHz for 4G, 100 MHz at 30 kHz for 5G)" };
        var losses = new Option<double?>("--losses-db") { Description = "with --tech: receiver-side losses and margin, dB (default: the 3 dB body loss, outdoors, median)" };
        var allow = new Option<bool>("--allow-extrapolation") { Description = "compute input outside the model's validity range, flagged as extrapolated" };
        var batch = new Option<bool>("--batch") { Description = "read CSV rows model,freq_mhz,dist_km,hb_m,hm_m,env (header required) on stdin; write them back with loss_db" };
        var dem = new Option<string?>("--dem") { Description = "itm: GeoTIFF DEM (WGS84 or VN-2000) the terrain profile is taken from" };
        var tx = new Option<string?>("--tx") { Description = "itm: transmitter LON,LAT (WGS84 degrees)" };
        var rx = new Option<string?>("--rx") { Description = "itm: receiver LON,LAT (WGS84 degrees)" };
        var eps = new Option<double?>("--eps") { Description = "itm: relative ground permittivity (default 15)" };
        var sigma = new Option<double?>("--sigma") { Description = "itm: ground conductivity, S/m (default 0.005)" };
        var ns = new Option<double?>("--ns") { Description = "itm: surface refractivity, N-units (default 301)" };
        var climate = new Option<int?>("--climate") { Description = "itm: radio climate 1–7 (default 5 continental temperate; Vietnam: 1 equatorial or 2 continental subtropical)" };
        var polarization = new Option<string?>("--polarization") { Description = "itm: v | h (default v)" };
        var timePct = new Option<double?>("--time-pct") { Description = "itm: time variability, % (default 50)" };
        var locationPct = new Option<double?>("--location-pct") { Description = "itm: location variability, % (default 50)" };
        var situationPct = new Option<double?>("--situation-pct") { Description = "itm: situation variability, % (default 50)" };
        var format = new Option<string?>("--format") { Description = "table | csv | json (table on a terminal, csv otherwise)" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var lang = new Option<string?>("--lang") { Description = "vi | en: language of headers and messages (default vi)" };
        lang.AcceptOnlyFromAmong("vi", "en");
        var command = new Command("pathloss", "suy hao truyền sóng, cự ly tối đa / path loss and maximum range of a radio link")
        {
            model, freq, dist, hb, hm, env, eirp, threshold, techOption, bandwidth, losses, allow, batch, dem, tx, rx, eps, sigma, ns, climate, polarization, timePct, locationPct, situationPct, format, lang,
        };
        command.SetAction(parse =>
        {
            var language = parse.GetValue(lang) ?? "vi";
            var allowExtrapolation = parse.GetValue(allow);
            var itmOptions = new (string Name, bool Given)[]
            {
                ("--dem", parse.GetValue(dem) is not null),
                ("--tx", parse.GetValue(tx) is not null),
                ("--rx", parse.GetValue(rx) is not null),
                ("--eps", parse.GetValue(eps) is not null),
                ("--sigma", parse.GetValue(sigma) is not null),
                ("--ns", parse.GetValue(ns) is not null),
                ("--climate", parse.GetValue(climate) is not null),
                ("--polarization", parse.GetValue(polarization) is not null),
                ("--time-pct", parse.GetValue(timePct) is not null),
                ("--location-pct", parse.GetValue(locationPct) is not null),
                ("--situation-pct", parse.GetValue(situationPct) is not null),
            };
            if (parse.GetValue(model) is { } named && PathLossModels.ByName(named) is { } chosen && PathLossModels.NeedsTerrain(chosen))
            {
                var conflicting = new (string Name, bool Given)[]
                {
                    ("--dist-km", parse.GetValue(dist) is not null),
                    ("--env", parse.GetValue(env) is not null),
                    ("--eirp-dbm", parse.GetValue(eirp) is not null),
                    ("--threshold-dbm", parse.GetValue(threshold) is not null),
                };
                var itmRequest = new ItmPathLoss.Request(
                    parse.GetValue(dem),
                    parse.GetValue(tx),
                    parse.GetValue(rx),
                    parse.GetValue(freq),
                    parse.GetValue(hb),
                    parse.GetValue(hm),
                    parse.GetValue(eps),
                    parse.GetValue(sigma),
                    parse.GetValue(ns),
                    parse.GetValue(climate),
                    parse.GetValue(polarization),
                    parse.GetValue(timePct),
                    parse.GetValue(locationPct),
                    parse.GetValue(situationPct),
                    conflicting.Where(c => c.Given).Select(c => c.Name).ToList());
                return ItmPathLoss.Run(console, itmRequest, parse.GetValue(batch), parse.GetValue(format), allowExtrapolation, language);
            }

            if (itmOptions.Where(o => o.Given).Select(o => o.Name).ToList() is { Count: > 0 } stray)
            {
                return ProblemReport.Print(
                    console,
                    stray.Select(o => new ValidationProblem(ProblemCodes.ConflictingOptions, Texts.Get("pl.err.dem_only_itm", language), o, null, null, null)).ToList(),
                    language);
            }

            if (parse.GetValue(batch))
            {
                var given = new (string Name, bool Given)[]
                {
                    ("--model", parse.GetValue(model) is not null),
                    ("--freq-mhz", parse.GetValue(freq) is not null),
                    ("--dist-km", parse.GetValue(dist) is not null),
                    ("--hb-m", parse.GetValue(hb) is not null),
                    ("--hm-m", parse.GetValue(hm) is not null),
                    ("--env", parse.GetValue(env) is not null),
                    ("--eirp-dbm", parse.GetValue(eirp) is not null),
                    ("--threshold-dbm", parse.GetValue(threshold) is not null),
                };
                return PathLossBatch.Run(console, given.Where(g => g.Given).Select(g => g.Name).ToList(), parse.GetValue(format), allowExtrapolation, language);
            }

            var request = new Request(
                parse.GetValue(model),
                parse.GetValue(freq),
                parse.GetValue(dist),
                parse.GetValue(hb),
                parse.GetValue(hm),
                parse.GetValue(env),
                parse.GetValue(eirp),
                parse.GetValue(threshold))
            {
                Tech = parse.GetValue(techOption),
                BandwidthMHz = parse.GetValue(bandwidth),
                LossesDb = parse.GetValue(losses),
            };
            return Run(console, request, parse.GetValue(format), allowExtrapolation, language);
        });
        return command;
    }

    private static int Run(CliConsole console, Request request, string? format, bool allowExtrapolation, string lang)
    {
        var site = PathLossProblems.Site.Options;
        var problems = new List<ValidationProblem>();
        IPathLossModel? model = null;
        if (request.Model is null)
        {
            problems.Add(site.Make(ProblemCodes.MissingValue, Texts.Format("pl.err.missing", lang, "--model"), "model"));
        }
        else if ((model = PathLossModels.ByName(request.Model)) is null)
        {
            problems.Add(site.Make(ProblemCodes.UnknownModel, Texts.Format("pl.err.unknown_model", lang, request.Model, PathLossModels.Names), "model"));
        }

        if (request.FreqMHz is null)
        {
            problems.Add(site.Make(ProblemCodes.MissingValue, Texts.Format("pl.err.missing", lang, "--freq-mhz"), PathLossParameters.FreqMHz));
        }

        var wantsRange = request.EirpDbm is not null || request.ThresholdDbm is not null;
        if (request.DistanceKm is not null && wantsRange)
        {
            problems.Add(site.Make(ProblemCodes.ConflictingOptions, Texts.Get("pl.err.dist_and_budget", lang), PathLossParameters.DistanceKm));
        }
        else if (request.DistanceKm is null && !wantsRange)
        {
            problems.Add(site.Make(ProblemCodes.MissingValue, Texts.Get("pl.err.dist_or_budget", lang), PathLossParameters.DistanceKm));
        }
        else if (wantsRange && (request.EirpDbm is null || request.ThresholdDbm is null))
        {
            problems.Add(site.Make(ProblemCodes.MissingValue, Texts.Get("pl.err.budget_pair", lang), request.EirpDbm is null ? "eirp_dbm" : "threshold_dbm"));
        }

        if (!wantsRange && (request.Tech is not null || request.BandwidthMHz is not null || request.LossesDb is not null))
        {
            problems.Add(site.Make(ProblemCodes.ConflictingOptions, Texts.Get("pl.err.budget_needs_range", lang), "tech"));
        }

        // The same plausible ranges as rules.json's coverage settings (README "Limits").
        foreach (var (name, value, min, max) in new[] { ("eirp_dbm", request.EirpDbm, -30.0, 100.0), ("threshold_dbm", request.ThresholdDbm, -160.0, 0.0) })
        {
            if (value is { } v && !double.IsFinite(v))
            {
                problems.Add(site.Make(ProblemCodes.ValueOutOfRange, Texts.Format("pl.err.not_finite", lang, PathLossProblems.Option(name), PathLossProblems.Number(v)), name));
            }
            else if (value is { } w && (w < min || w > max))
            {
                problems.Add(site.Make(ProblemCodes.ValueOutOfRange, Texts.Format("pl.err.dbm_range", lang, PathLossProblems.Option(name), PathLossProblems.Number(w), PathLossProblems.Number(min), PathLossProblems.Number(max)), name));
            }
        }

        var environment = request.Environment?.Trim().ToLowerInvariant() ?? "";
        if (model is null || request.FreqMHz is not { } freqMHz || problems.Count > 0)
        {
            return ProblemReport.Print(console, problems, lang);
        }

        // In range mode the distance is the unknown; 1 km stands in so that only the given inputs are checked.
        var input = new PathLossInput(freqMHz, request.DistanceKm ?? 1, request.BaseHeightM, request.MobileHeightM, environment);
        problems.AddRange(PathLossInputValidator.Validate(model, input).Select(p => PathLossProblems.FromInput(p, model, environment, lang, site)));
        if (problems.Count > 0)
        {
            return ProblemReport.Print(console, problems, lang);
        }

        var outputFormat = format ?? (console.OutIsTerminal ? "table" : "csv");
        if (request.DistanceKm is not null)
        {
            var result = model.LossDb(input);
            if (Refused(console, model, result.OutOfRange, allowExtrapolation, lang))
            {
                return ExitCodes.BadInput;
            }

            PathLossView.WriteLoss(console, outputFormat, lang, model, input, result);
            return ExitCodes.Ok;
        }

        var eirp = request.EirpDbm!.Value;
        var threshold = request.ThresholdDbm!.Value;
        LinkBudget? budget = null;
        if (request.Tech is not null || request.BandwidthMHz is not null || request.LossesDb is not null)
        {
            if (Budget(request, eirp, threshold, lang, site) is not { } b)
            {
                return ExitCodes.BadInput;
            }

            budget = b.Budget;
            if (b.Problems.Count > 0)
            {
                return ProblemReport.Print(console, b.Problems, lang);
            }
        }

        // With a budget the level that must meet the threshold is the reference signal after the receiver's losses.
        var effectiveEirp = budget is null ? eirp : budget.ReferenceEirpDbm - budget.ReceiverLossesDb;
        var range = MaxRangeCalculator.Solve(model, freqMHz, request.BaseHeightM, request.MobileHeightM, environment, effectiveEirp, threshold);
        if (Refused(console, model, range.OutOfRange, allowExtrapolation, lang))
        {
            return ExitCodes.BadInput;
        }

        PathLossView.WriteRange(console, outputFormat, lang, model, input, eirp, threshold, range, budget);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The link budget of <c>--tech</c> (README "Coverage"): the reference-signal offset of the technology and channel,
    /// the receiver's losses (<c>--losses-db</c>, else the default body loss outdoors at the median).
    /// </summary>
    private static (LinkBudget? Budget, List<ValidationProblem> Problems)? Budget(Request request, double eirp, double threshold, string lang, PathLossProblems.Site site)
    {
        var problems = new List<ValidationProblem>();
        if (request.Tech is null || !Codes.TryParseTechnology(request.Tech, out var tech))
        {
            problems.Add(site.Make(ProblemCodes.UnknownTech, Texts.Format("pl.err.tech", lang, request.Tech ?? string.Empty), "tech"));
            return (null, problems);
        }

        if (request.BandwidthMHz is { } bw && tech is Technology.G4 or Technology.G5
            && (tech == Technology.G4 ? ReferenceSignal.LteResourceBlocks(bw) : ReferenceSignal.NrResourceBlocks(bw, CoverageRules.Default.G5.SubcarrierSpacingKHz ?? 30)) is null)
        {
            problems.Add(site.Make(ProblemCodes.ValueOutOfRange, Texts.Format("pl.err.bandwidth", lang, PathLossProblems.Number(bw), Codes.Label(tech)), "bandwidth_mhz"));
        }

        if (request.LossesDb is { } l && !(double.IsFinite(l) && l >= 0 && l <= 100))
        {
            problems.Add(site.Make(ProblemCodes.ValueOutOfRange, Texts.Format("pl.err.losses", lang, PathLossProblems.Number(l)), "losses_db"));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var rules = CoverageRules.Default with { BodyLossDb = request.LossesDb ?? CoverageRules.Default.BodyLossDb };
        var budget = LinkBudget.For(tech, eirp, tech is Technology.G4 or Technology.G5 ? request.BandwidthMHz : null, rules, CoverageEnvironment.Rural) with { ThresholdDbm = threshold };
        return (budget, problems);
    }

    /// <summary>Refuses (exit 2) out-of-range input, or warns on stderr when extrapolation is allowed.</summary>
    private static bool Refused(CliConsole console, IPathLossModel model, IReadOnlyList<OutOfRangeParameter> outOfRange, bool allowExtrapolation, string lang)
    {
        if (outOfRange.Count == 0)
        {
            return false;
        }

        if (!allowExtrapolation)
        {
            var site = PathLossProblems.Site.Options;
            ProblemReport.Print(console, outOfRange.Select(o => PathLossProblems.FromOutOfRange(o, model, lang, site)).ToList(), lang);
            return true;
        }

        console.Error.WriteLine(Texts.Format("pl.warning", lang, "pathloss", model.Name, PathLossProblems.Describe(outOfRange, lang)));
        return false;
    }

    private sealed record Request(
        string? Model,
        double? FreqMHz,
        double? DistanceKm,
        double? BaseHeightM,
        double? MobileHeightM,
        string? Environment,
        double? EirpDbm,
        double? ThresholdDbm)
    {
        /// <summary><c>--tech</c>: the threshold is on this technology's reference signal.</summary>
        public string? Tech { get; init; }

        /// <summary><c>--bandwidth-mhz</c>.</summary>
        public double? BandwidthMHz { get; init; }

        /// <summary><c>--losses-db</c>.</summary>
        public double? LossesDb { get; init; }
    }
}
