using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// Builds a <see cref="BtsFootprint"/> from a BTS row: band, EIRP, antenna height, beamwidth and channel bandwidth from
/// the row, else from <see cref="CoverageRules"/> for its technology (listed in <see cref="BtsFootprint.Defaults"/>);
/// the link budget of <see cref="LinkBudget.For"/>; the models of <see cref="CoverageModelChoice.Chain"/>, or the one
/// model a planner imposes.
/// </summary>
public static class FootprintCalculator
{
    private static readonly string[] DefaultFields = ["band_mhz", "antenna_height_m", "eirp_dbm", "beamwidth_deg", "bandwidth_mhz"];

    // The defaulted fields for each set of bits (bit k: DefaultFields[k]), in that order.
    private static readonly string[][] DefaultLists = [.. Enumerable.Range(0, 1 << DefaultFields.Length)
        .Select(bits => DefaultFields.Where((_, k) => (bits & (1 << k)) != 0).ToArray())];

    /// <param name="terrain">The DEM to judge over (ITM per path, effective height of the site); null for flat ground.</param>
    public static BtsFootprint Compute(int index, Bts bts, CoverageRules rules, CoverageEnvironment environment, ModelOverride? modelOverride = null, CoverageTerrain? terrain = null) =>
        Compute(index, bts, rules, environment, modelOverride, terrain, null);

    /// <param name="solutions">Ranges already solved for these rules and this imposed model (<see cref="CoverageEngine"/>'s).</param>
    internal static BtsFootprint Compute(int index, Bts bts, CoverageRules rules, CoverageEnvironment environment, ModelOverride? modelOverride, CoverageTerrain? terrain, RangeSolutions? solutions)
    {
        var tech = rules.For(bts.Tech);

        // Which fields came from the defaults, one bit each in the order they are listed; the lists are shared.
        var defaults = 0;
        double Pick(double? value, double fallback, int bit)
        {
            if (value is { } v && double.IsFinite(v) && v > 0)
            {
                return v;
            }

            defaults |= bit;
            return fallback;
        }

        var band = Pick(bts.BandMHz, tech.BandMHz, 1);
        var height = Pick(bts.AntennaHeightM, tech.AntennaHeightM, 2);
        double eirp;
        if (bts.EirpDbm is { } e && double.IsFinite(e))
        {
            eirp = e;
        }
        else
        {
            defaults |= 4;
            eirp = tech.EirpDbm;
        }

        var beamwidth = rules.BeamwidthDeg;
        if (bts.AzimuthDeg is not null)
        {
            beamwidth = Pick(bts.BeamwidthDeg, rules.BeamwidthDeg, 8);
        }

        if (bts.Tech is Technology.G4 or Technology.G5 && bts.BandwidthMHz is null)
        {
            defaults |= 16;
        }

        var budget = solutions is null
            ? LinkBudget.For(bts.Tech, eirp, bts.BandwidthMHz, rules, environment)
            : solutions.BudgetFor(bts.Tech, eirp, bts.BandwidthMHz, environment, rules);
        var chain = modelOverride is { } o ? [(o.Model, o.Environment)] : CoverageModelChoice.Chain(band, environment);
        var aboveSurroundings = terrain?.HeightAboveSurroundingsM(bts.Location.X, bts.Location.Y) ?? 0;
        return new BtsFootprint(index, bts, environment, chain, band, height, rules.ReceiverHeightM, beamwidth, rules.MaxAttenuationDb, budget, rules.MaxRangeKm, DefaultLists[defaults], terrain, aboveSurroundings, solutions);
    }
}
