using System.Buffers;
using SoTTTT.Core.Coverage.PathLoss;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Terrain;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// The terrain a coverage prediction runs over (DOMAIN.md, "Radio coverage": in mountain provinces ridges decide
/// coverage): a DEM's profiles in the analysis CRS (<see cref="TerrainProfiler"/>) and the Longley-Rice ITM in
/// point-to-point mode over each path (<see cref="ItmPointToPoint"/>, parameters of <see cref="TerrainRules"/>). A path
/// whose profile leaves the DEM or crosses a pixel without data gets no terrain loss and is counted in
/// <see cref="PathsWithoutData"/>, which every report prints — never filled in with a guess. Thread-safe.
/// </summary>
public sealed class CoverageTerrain
{
    private const double MinimumPathM = 1;
    private long pathsWithoutData;
    private long paths;

    /// <summary>Terrain over <paramref name="dem"/> for points in <paramref name="analysisCrs"/>.</summary>
    public CoverageTerrain(ElevationGrid dem, Crs.CrsDefinition analysisCrs, TerrainRules rules, string? source = null)
    {
        Rules = rules;
        Source = source;
        Profiler = new TerrainProfiler(dem, analysisCrs, rules.ProfileStepM);
    }

    public TerrainRules Rules { get; }

    /// <summary>Where the DEM came from (dataset.json <c>dem</c>), for reports.</summary>
    public string? Source { get; }

    public TerrainProfiler Profiler { get; }

    /// <summary>Paths judged over terrain so far.</summary>
    public long Paths => Interlocked.Read(ref paths);

    /// <summary>Paths whose profile left the DEM or crossed a pixel without data (judged without terrain).</summary>
    public long PathsWithoutData => Interlocked.Read(ref pathsWithoutData);

    /// <summary>Ground elevation at a point of the analysis CRS, m; NaN outside the DEM or on no data.</summary>
    public double ElevationM(double x, double y) => Profiler.ElevationAt(x, y);

    /// <summary>
    /// How far the ground at a site stands above the mean terrain 3–15 km around it (the ring of
    /// <see cref="TerrainRules"/>; 36 directions, 1 km apart), m, never negative: added to the antenna's height above
    /// ground it gives the effective height the Hata and 3GPP formulas are defined for. A site in a valley keeps its
    /// height above ground (ITM accounts for the surrounding ridges; lowering the statistical height too would count
    /// them twice). NaN when the site itself has no elevation.
    /// </summary>
    public double HeightAboveSurroundingsM(double x, double y)
    {
        var site = ElevationM(x, y);
        if (double.IsNaN(site))
        {
            return double.NaN;
        }

        var sum = 0.0;
        var n = 0;
        for (var km = Rules.EffectiveHeightInnerKm; km <= Rules.EffectiveHeightOuterKm + 1e-9; km += 1)
        {
            for (var a = 0; a < 36; a++)
            {
                var angle = a * Math.PI / 18;
                var z = ElevationM(x + (km * 1000 * Math.Sin(angle)), y + (km * 1000 * Math.Cos(angle)));
                if (!double.IsNaN(z))
                {
                    sum += z;
                    n++;
                }
            }
        }

        return n == 0 ? 0 : Math.Max(0, site - (sum / n));
    }

    /// <summary>
    /// The ITM basic transmission loss from a transmitter at (<paramref name="x0"/>, <paramref name="y0"/>),
    /// <paramref name="txHeightM"/> above ground, to a receiver at (<paramref name="x1"/>, <paramref name="y1"/>),
    /// <paramref name="rxHeightM"/> above ground, at <paramref name="freqMHz"/>, dB; null when the two points coincide or
    /// the profile has no data.
    /// </summary>
    public double? LossDb(double x0, double y0, double txHeightM, double x1, double y1, double rxHeightM, double freqMHz)
    {
        var sampling = Profiler.Sampling(x0, y0, x1, y1);
        if (sampling.DistanceM < MinimumPathM)
        {
            return null;
        }

        Interlocked.Increment(ref paths);
        var buffer = ArrayPool<double>.Shared.Rent(sampling.Points);
        try
        {
            if (Profiler.Fill(x0, y0, x1, y1, buffer, out sampling) is not null)
            {
                Interlocked.Increment(ref pathsWithoutData);
                return null;
            }

            return ItmPointToPoint.Compute(buffer.AsSpan(0, sampling.Points), sampling.StepM, Rules.Itm(freqMHz, txHeightM, rxHeightM)).LossDb;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }
}
