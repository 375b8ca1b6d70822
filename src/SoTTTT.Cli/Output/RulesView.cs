using System.Globalization;
using SoTTTT.Core.Rules;
using Spectre.Console;

namespace SoTTTT.Cli.Output;

/// <summary>The effective rules for people: key, value and where the default comes from.</summary>
internal static class RulesView
{
    public static void Render(CliConsole console, ProvinceRules rules, string? source, string lang)
    {
        var table = new Table()
            .Title(Texts.Get("rules.title", lang))
            .Caption(source is null ? Texts.Get("rules.defaults", lang) : Texts.Format("rules.from", lang, source))
            .Border(TableBorder.Rounded)
            .AddColumn(Texts.Get("rules.key", lang))
            .AddColumn(Texts.Get("rules.value", lang))
            .AddColumn(Texts.Get("rules.source", lang));
        void Row(string key, string value, string sourceKey) => table.AddRow(TerminalText.Cell(key), TerminalText.Cell(value), TerminalText.Cell(Texts.Get("rules.src." + sourceKey, lang)));

        foreach (var c in rules.TowerClasses)
        {
            var tenants = c.MaxTenants?.ToString(CultureInfo.InvariantCulture) ?? "?";
            Row($"tower_classes: {c.Name}", Texts.Format(c.Bulky ? "rules.class.bulky" : "rules.class.non_bulky", lang, tenants), "tower_classes");
        }

        Row("co_location_m", M(rules.CoLocationM), "co_location_m");
        Row("nearest_unit_m", M(rules.NearestUnitM), "nearest_unit_m");
        Row("must_share_m", Pair(rules.MustShareM, lang), "must_share_m");
        foreach (var r in rules.MinSpacing)
        {
            var band = (r.AboveHeightM, r.UpToHeightM) switch
            {
                (null, null) => string.Empty,
                (null, { } hi) => $" ≤ {M(hi)} m",
                ({ } lo, null) => $" > {M(lo)} m",
                ({ } lo, { } hi) => $" > {M(lo)} m, ≤ {M(hi)} m",
            };
            Row($"min_spacing_m: {r.Class}{band}", Pair(r.Spacing, lang), "min_spacing_m");
        }

        Row("plan_tolerance_m", rules.PlanToleranceM is { } t ? Pair(t, lang) : Texts.Get("rules.off", lang), "plan_tolerance_m");
        Row("shared_duct.corridor_m", M(rules.DuctCorridorM), "shared_duct.corridor_m");
        Row("shared_duct.min_length_m", M(rules.DuctMinLengthM), "shared_duct.min_length_m");
        Row("indicators.fibre_reach_m", M(rules.FibreReachM), "indicators.fibre_reach_m");
        Row("coverage.receiver_height_m", M(rules.Coverage.ReceiverHeightM), "coverage.receiver_height_m");
        Row("coverage.beamwidth_deg", M(rules.Coverage.BeamwidthDeg), "coverage.beamwidth_deg");
        Row("coverage.max_attenuation_db", M(rules.Coverage.MaxAttenuationDb), "coverage.max_attenuation_db");
        var cov = rules.Coverage;
        Row("coverage.place", IO.Writing.CoverageWriter.PlaceKey(cov.Place), "coverage.place");
        Row("coverage.body_loss_db", M(cov.BodyLossDb), "coverage.body_loss_db");
        Row("coverage.in_car_loss_db", M(cov.InCarLossDb), "coverage.in_car_loss_db");
        Row("coverage.indoor_loss_db", Env(cov.IndoorLossDb, lang), "coverage.indoor_loss_db");
        Row("coverage.cell_edge_probability_pct", M(cov.CellEdgeProbabilityPct), "coverage.cell_edge_probability_pct");
        Row("coverage.shadowing_sigma_db", Env(cov.ShadowingSigmaDb, lang), "coverage.shadowing_sigma_db");
        Row("coverage.max_range_km", M(cov.MaxRangeKm), "coverage.max_range_km");
        var terrain = cov.Terrain;
        Row(
            "coverage.terrain",
            $"ITM: climate {(int)terrain.Climate}, Ns {M(terrain.SurfaceRefractivityN)}, ε {M(terrain.Permittivity)}, σ {M(terrain.ConductivitySPerM)} S/m, "
                + $"{(terrain.Polarization == Core.Coverage.PathLoss.Polarization.Vertical ? "v" : "h")}; step {(terrain.ProfileStepM is { } step ? M(step) + " m" : "DEM")}; "
                + $"heff {M(terrain.EffectiveHeightInnerKm)}–{M(terrain.EffectiveHeightOuterKm)} km",
            "coverage.terrain");
        foreach (var tech in Enum.GetValues<Core.Model.Technology>())
        {
            var settings = cov.For(tech);
            var channel = settings switch
            {
                { PilotSharePct: { } pilot } => $"; CPICH {M(pilot)} %",
                { BandwidthMHz: { } bw, SubcarrierSpacingKHz: { } scs } => $"; {M(bw)} MHz @ {M(scs)} kHz",
                { BandwidthMHz: { } bw } => $"; {M(bw)} MHz",
                _ => string.Empty,
            };
            Row(
                $"coverage.technologies.{Core.Model.Codes.Label(tech)}",
                $"{M(settings.ThresholdDbm)} dBm; {M(settings.BandMHz)} MHz; EIRP {M(settings.EirpDbm)} dBm; {M(settings.AntennaHeightM)} m{channel}",
                "coverage.technologies");
        }

        console.Ansi.Write(table);
    }

    private static string Pair(DistancePair pair, string lang) => Texts.Format("rules.pair", lang, M(pair.UrbanM), M(pair.NonUrbanM));

    private static string Env(EnvironmentValues v, string lang) => Texts.Format("rules.env", lang, M(v.Urban), M(v.Suburban), M(v.Rural));

    private static string M(double m) => m.ToString("0.##", CultureInfo.InvariantCulture);
}
