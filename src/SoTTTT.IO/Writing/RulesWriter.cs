using System.Text.Json;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Writes effective rules as a complete <c>rules.json</c> (every key, defaults filled in), which reads back to the same
/// rules: what <c>sotttt rules --print</c> shows and a province starts its own file from.
/// </summary>
public static class RulesWriter
{
    public static string ToJson(ProvinceRules rules) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("tower_classes");
        foreach (var c in rules.TowerClasses)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteBoolean("bulky", c.Bulky);
            JsonOutput.Integer(w, "max_tenants", c.MaxTenants);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("co_location_m", rules.CoLocationM);
        w.WriteNumber("nearest_unit_m", rules.NearestUnitM);
        Pair(w, "must_share_m", rules.MustShareM);
        w.WriteStartArray("min_spacing_m");
        foreach (var r in rules.MinSpacing)
        {
            w.WriteStartObject();
            w.WriteString("class", r.Class);
            if (r.AboveHeightM is { } lo)
            {
                w.WriteNumber("above_height_m", lo);
            }

            if (r.UpToHeightM is { } hi)
            {
                w.WriteNumber("up_to_height_m", hi);
            }

            w.WriteNumber("urban", r.Spacing.UrbanM);
            w.WriteNumber("non_urban", r.Spacing.NonUrbanM);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (rules.PlanToleranceM is { } tolerance)
        {
            Pair(w, "plan_tolerance_m", tolerance);
        }
        else
        {
            w.WriteNull("plan_tolerance_m");
        }

        w.WriteStartObject("shared_duct");
        w.WriteNumber("corridor_m", rules.DuctCorridorM);
        w.WriteNumber("min_length_m", rules.DuctMinLengthM);
        w.WriteEndObject();
        w.WriteStartObject("indicators");
        w.WriteNumber("fibre_reach_m", rules.FibreReachM);
        w.WriteEndObject();
        Coverage(w, rules.Coverage);
        w.WriteEndObject();
    });

    private static void Coverage(Utf8JsonWriter w, CoverageRules coverage)
    {
        w.WriteStartObject("coverage");
        w.WriteNumber("receiver_height_m", coverage.ReceiverHeightM);
        w.WriteNumber("beamwidth_deg", coverage.BeamwidthDeg);
        w.WriteNumber("max_attenuation_db", coverage.MaxAttenuationDb);
        w.WriteString("place", CoverageWriter.PlaceKey(coverage.Place));
        w.WriteNumber("body_loss_db", coverage.BodyLossDb);
        w.WriteNumber("in_car_loss_db", coverage.InCarLossDb);
        Environments(w, "indoor_loss_db", coverage.IndoorLossDb);
        w.WriteNumber("cell_edge_probability_pct", coverage.CellEdgeProbabilityPct);
        Environments(w, "shadowing_sigma_db", coverage.ShadowingSigmaDb);
        w.WriteNumber("max_range_km", coverage.MaxRangeKm);
        var terrain = coverage.Terrain;
        w.WriteStartObject("terrain");
        w.WriteNumber("climate", (int)terrain.Climate);
        w.WriteNumber("surface_refractivity_n", terrain.SurfaceRefractivityN);
        w.WriteNumber("permittivity", terrain.Permittivity);
        w.WriteNumber("conductivity_s_per_m", terrain.ConductivitySPerM);
        w.WriteString("polarization", terrain.Polarization == Core.Coverage.PathLoss.Polarization.Vertical ? "v" : "h");
        if (terrain.ProfileStepM is { } step)
        {
            w.WriteNumber("profile_step_m", step);
        }
        else
        {
            w.WriteNull("profile_step_m");
        }

        w.WriteNumber("effective_height_inner_km", terrain.EffectiveHeightInnerKm);
        w.WriteNumber("effective_height_outer_km", terrain.EffectiveHeightOuterKm);
        w.WriteEndObject();
        w.WriteStartObject("technologies");
        foreach (var tech in Enum.GetValues<Technology>())
        {
            var t = coverage.For(tech);
            w.WriteStartObject(Codes.Label(tech));
            w.WriteNumber("threshold_dbm", t.ThresholdDbm);
            w.WriteNumber("band_mhz", t.BandMHz);
            w.WriteNumber("eirp_dbm", t.EirpDbm);
            w.WriteNumber("antenna_height_m", t.AntennaHeightM);
            if (t.PilotSharePct is { } pilot)
            {
                w.WriteNumber("pilot_share_pct", pilot);
            }

            if (t.BandwidthMHz is { } bandwidth)
            {
                w.WriteNumber("bandwidth_mhz", bandwidth);
            }

            if (t.SubcarrierSpacingKHz is { } scs)
            {
                w.WriteNumber("subcarrier_spacing_khz", scs);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Environments(Utf8JsonWriter w, string name, EnvironmentValues values)
    {
        w.WriteStartObject(name);
        w.WriteNumber("urban", values.Urban);
        w.WriteNumber("suburban", values.Suburban);
        w.WriteNumber("rural", values.Rural);
        w.WriteEndObject();
    }

    private static void Pair(Utf8JsonWriter w, string name, DistancePair pair)
    {
        w.WriteStartObject(name);
        w.WriteNumber("urban", pair.UrbanM);
        w.WriteNumber("non_urban", pair.NonUrbanM);
        w.WriteEndObject();
    }
}
