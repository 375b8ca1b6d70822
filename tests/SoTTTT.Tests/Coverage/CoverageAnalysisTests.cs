using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Coverage;

public class CoverageAnalysisTests
{
    // Okumura–Hata, small/medium city, worked by hand from Hata (1980) for f = 900 MHz, hb = 30 m, hm = 1.5 m:
    // a(hm) = (1.1·log10 900 − 0.7)·1.5 − (1.56·log10 900 − 0.8) = 0.01588 dB
    // L(d) = 69.55 + 26.16·log10 900 − 13.82·log10 30 − a(hm) + (44.9 − 6.55·log10 30)·log10 d = 126.4028 + 35.2249·log10 d
    // L(1.2 km) = 129.1919 dB, L(2 km) = 137.0070 dB. A 2G level is the BCCH carrier at full power (offset 0 dB); the
    // default budget subtracts the handheld body loss of 3 dB (DOMAIN.md), outdoors, median (no margin). With EIRP 40 dBm
    // and the 2G threshold −95 dBm the allowed loss is 40 − 3 + 95 = 132 dB, reached at d = 10^((132 − 126.4028) / 35.2249)
    // = 1.44166 km. (The urban chain's other terms — Hata suburban, 3GPP RMa NLOS 120.29 dB at 1 km, free space — are
    // all below the Hata urban line out to 49 km, so the line decides.)
    private const double LevelAt1200M = 40 - 3 - 129.1919;
    private const double LevelAt2000M = 40 - 3 - 137.0070;
    private const double HataRangeKm = 1.44166;

    private static CoverageResult Run(Dataset dataset, CoverageOptions? options = null) =>
        CoverageAnalysis.Run(dataset, options ?? new CoverageOptions(AdminLevel.Province) { Raster = false });

    private static bool Covered(CoverageResult r, string settlementId, Technology tech) =>
        CoverageAnalysis.IsCovered(r.Settlements.Single(s => s.Settlement.Id == settlementId), r.Layers, tech, r.Rules.For(tech).ThresholdDbm);

    private static double Level(CoverageResult r, string settlementId) => r.Settlements.Single(s => s.Settlement.Id == settlementId).BestLevelDbm[0];

    [Test]
    public void UrbanOmni900_HataByHand_NearCoveredFarNot()
    {
        // BTS in urban commune C2; S1 1.2 km north, S2 2 km north.
        var dataset = new CoverageProvince()
            .Bts("B1", "Viettel", Technology.G2, 607000, 2305000, bandMHz: 900, heightM: 30, eirpDbm: 40)
            .Settlement("S1", 607000, 2306200)
            .Settlement("S2", 607000, 2307000)
            .Build();

        var r = Run(dataset);

        var footprint = r.Footprints.Single();
        var uncovered = r.Uncovered.Single();
        Assert.Multiple(() =>
        {
            Assert.That(footprint.Model.Name, Is.EqualTo("okumura-hata"));
            Assert.That(footprint.ModelEnvironment, Is.EqualTo("urban"));
            Assert.That(footprint.Environment, Is.EqualTo(CoverageEnvironment.Urban));
            Assert.That(footprint.MaxRangeKm, Is.EqualTo(HataRangeKm).Within(1e-4));
            Assert.That(Level(r, "S1"), Is.EqualTo(LevelAt1200M).Within(0.01));
            Assert.That(Level(r, "S2"), Is.EqualTo(double.NegativeInfinity), "beyond the range: no server");
            Assert.That(Covered(r, "S1", Technology.G2), Is.True);
            Assert.That(Covered(r, "S2", Technology.G2), Is.False);
            Assert.That(uncovered.Settlement.Id, Is.EqualTo("S2"));
            Assert.That(uncovered.NearestBtsId, Is.EqualTo("B1"));
            Assert.That(uncovered.NearestDistanceM, Is.EqualTo(2000).Within(1e-6));
            Assert.That(uncovered.BestLevelDbm, Is.EqualTo(LevelAt2000M).Within(0.01));
            Assert.That(uncovered.ThresholdDbm, Is.EqualTo(-95));
        });
    }

    [Test]
    public void UrbanSector900_PatternByHand_OnlyBoresightCovered()
    {
        // Azimuth 0° (north), φ3dB 65°: north 1.2 km A = 0; east A(90°) = −23.0059 dB; south A = −25 dB (front-to-back).
        var dataset = new CoverageProvince()
            .Bts("B1", "Viettel", Technology.G2, 607000, 2305000, bandMHz: 900, heightM: 30, eirpDbm: 40, azimuthDeg: 0, beamwidthDeg: 65)
            .Settlement("N", 607000, 2306200)
            .Settlement("E", 608200, 2305000)
            .Settlement("S", 607000, 2303800)
            .Build();

        var r = Run(dataset);

        Assert.Multiple(() =>
        {
            Assert.That(Level(r, "N"), Is.EqualTo(LevelAt1200M).Within(0.01));
            Assert.That(Level(r, "E"), Is.EqualTo(LevelAt1200M - 23.0059).Within(0.01));
            Assert.That(Level(r, "S"), Is.EqualTo(LevelAt1200M - 25).Within(0.01));
            Assert.That(r.Uncovered.Select(u => u.Settlement.Id), Is.EquivalentTo(new[] { "E", "S" }));
            Assert.That(r.Footprints.Single().MaxRangeKm, Is.EqualTo(HataRangeKm).Within(1e-4), "boresight range");
        });
    }

    [Test]
    public void OmniSites_CoveredSettlements_EqualThoseWithinReportedMaxRange()
    {
        // Independent check: a plain loop over every BTS and settlement with the reported max_range_km, no index.
        var random = new Random(20261130);
        var province = new CoverageProvince();
        double[] bands = [450, 900, 1800, 2100, 2600, 3500];
        string[] operators = ["Viettel", "VNPT"];
        Technology[] techs = [Technology.G2, Technology.G4];
        for (var b = 0; b < 80; b++)
        {
            province.Bts(
                $"B{b:000}",
                operators[random.Next(operators.Length)],
                techs[random.Next(techs.Length)],
                600000 + (random.NextDouble() * 10000),
                2300000 + (random.NextDouble() * 10000),
                bandMHz: bands[random.Next(bands.Length)],
                heightM: 10 + (random.NextDouble() * 50),
                eirpDbm: 15 + (random.NextDouble() * 40));
        }

        for (var s = 0; s < 1500; s++)
        {
            province.Settlement($"S{s:0000}", 600000 + (random.NextDouble() * 10000), 2300000 + (random.NextDouble() * 10000));
        }

        var dataset = province.Build();
        var r = Run(dataset);
        var flags = CoverageAnalysis.CoveredSettlements(dataset);

        var mismatches = new List<string>();
        var coveredPairs = 0;
        foreach (var s in r.Settlements)
        {
            foreach (var layer in r.Layers)
            {
                var expected = false;
                foreach (var f in r.Footprints)
                {
                    if (f.Operator == layer.Operator && f.Tech == layer.Tech && s.Settlement.Location.Distance(f.Bts.Location) <= f.MaxRangeKm * 1000)
                    {
                        expected = true;
                    }
                }

                var actual = CoverageAnalysis.IsCovered(s, r.Layers, layer.Tech, r.Rules.For(layer.Tech).ThresholdDbm, layer.Operator);
                coveredPairs += actual ? 1 : 0;
                if (expected != actual)
                {
                    mismatches.Add($"{s.Settlement.Id} {layer}: expected {expected}");
                }
            }

            var index = r.Settlements.ToList().IndexOf(s);
            foreach (var tech in new[] { Technology.G2, Technology.G4 })
            {
                var anyOperator = r.Footprints.Any(f => f.Tech == tech && s.Settlement.Location.Distance(f.Bts.Location) <= f.MaxRangeKm * 1000);
                if (flags[index][(int)tech] != anyOperator)
                {
                    mismatches.Add($"{s.Settlement.Id} {tech} flags: expected {anyOperator}");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Empty);
            Assert.That(coveredPairs, Is.InRange(1, (r.Settlements.Count * r.Layers.Count) - 1), "both covered and uncovered cases occur");
            Assert.That(r.Footprints.Select(f => f.Model.Name).Distinct().Count(), Is.GreaterThanOrEqualTo(4), "several models exercised");
        });
    }

    [Test]
    public void Raster_OmniSite_CoveredCellsAreCellCentresWithinRange_GapIsTheRest()
    {
        // One weak 4G site in rural C1 (45 dBm total, 14.2 dBm per resource element); everything else in P (10 km × 10 km,
        // 100 m cells = 10,000 cells) is one gap with a hole where the site covers. S_far (pop 300) lies in the gap,
        // S_near (pop 500) at the site.
        var dataset = new CoverageProvince()
            .Bts("B1", "Viettel", Technology.G4, 602550, 2305050, bandMHz: 1800, heightM: 30, eirpDbm: 45)
            .Settlement("S_near", 602550, 2305050, population: 500)
            .Settlement("S_far", 608000, 2308000, population: 300)
            .Build();

        var r = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Province, Technology.G4));

        var rangeM = r.Footprints.Single().MaxRangeKm * 1000;
        var expectedCovered = 0;
        for (var i = 0; i < 100; i++)
        {
            for (var j = 0; j < 100; j++)
            {
                var dx = 600050 + (i * 100) - 602550;
                var dy = 2300050 + (j * 100) - 2305050;
                expectedCovered += Math.Sqrt((dx * dx) + (dy * dy)) <= rangeM ? 1 : 0;
            }
        }

        // Gaps are split at the commune boundary x = 605000: C2's gap (all 5,000 cells, S_far) sorts first by population,
        // then C1's with the disc as a hole.
        var far = r.Gaps[0];
        var near = r.Gaps[1];
        var any = r.Rows.Single(x => x.Operator == CoverageLayer.AnyOperator);
        Assert.Multiple(() =>
        {
            Assert.That(rangeM, Is.InRange(300, 2400), "precondition: the disc lies inside C1");
            Assert.That(r.RasterStatus, Is.EqualTo(RasterStatus.Built));
            Assert.That(r.Gaps, Has.Count.EqualTo(2));
            Assert.That((far.UnitCode, near.UnitCode), Is.EqualTo(("C2", "C1")));
            Assert.That(far.Cells, Is.EqualTo(5000));
            Assert.That(near.Cells, Is.EqualTo(5000 - expectedCovered));
            Assert.That(near.AreaKm2, Is.EqualTo((5000 - expectedCovered) * 0.01).Within(1e-9));
            Assert.That(near.Area.Area, Is.EqualTo((5000 - expectedCovered) * 100.0 * 100.0).Within(1e-3));
            Assert.That(((Polygon)near.Area).NumInteriorRings, Is.EqualTo(1), "the covered disc is a hole");
            Assert.That((far.Population, near.Population), Is.EqualTo((300L, 0L)));
            Assert.That((far.Settlements, near.Settlements), Is.EqualTo((1, 0)));
            Assert.That(any.AreaCoveredPct, Is.EqualTo(expectedCovered / 100.0).Within(1e-9));
            Assert.That(any.AreaKm2, Is.EqualTo(100).Within(1e-9));
            Assert.That(any.SettlementsCovered, Is.EqualTo(1));
            Assert.That(any.PopulationCoveredPct, Is.EqualTo(62.5).Within(1e-9));
            Assert.That(r.Polygons.Single(p => p.Layer.IsAny).AreaKm2, Is.EqualTo(expectedCovered * 0.01).Within(1e-9));
        });
    }

    [Test]
    public void Raster_SectorSite_CoveredCellsAgreeWithExactLevelAtCentres()
    {
        // The raster looks sectors up in tables; away from the lobe's edge it must agree with the exact level.
        var dataset = new CoverageProvince()
            .Bts("B1", "Viettel", Technology.G4, 602550, 2305050, bandMHz: 1800, heightM: 30, eirpDbm: 55, azimuthDeg: 60, beamwidthDeg: 65)
            .Build();

        var r = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Province, Technology.G4));

        var f = r.Footprints.Single();
        var raster = r.Raster!;
        var disagreements = 0;
        var covered = 0;
        for (var i = 0; i < raster.Width; i++)
        {
            for (var j = 0; j < raster.Height; j++)
            {
                var x = raster.OriginX + ((i + 0.5) * raster.CellM);
                var y = raster.OriginY + ((j + 0.5) * raster.CellM);
                var margin = Math.Abs(f.LevelDbm(x, y) - f.ThresholdDbm);
                var exact = f.Covers(x, y);
                covered += exact ? 1 : 0;
                if (margin > 0.2 && exact != raster.Covered(0, i, j))
                {
                    disagreements++;
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(covered, Is.GreaterThan(50));
            Assert.That(disagreements, Is.Zero);
        });
    }

    [Test]
    public void Footprint_MissingParameters_TechnologyDefaultsListed()
    {
        var dataset = new CoverageProvince().Bts("B1", "VNPT", Technology.G4, 602000, 2305000, azimuthDeg: 120).Build();

        var f = Run(dataset).Footprints.Single();

        Assert.Multiple(() =>
        {
            Assert.That(f.Defaults, Is.EqualTo(new[] { "band_mhz", "antenna_height_m", "eirp_dbm", "beamwidth_deg", "bandwidth_mhz" }));
            Assert.That(f.BandMHz, Is.EqualTo(1800));
            Assert.That(f.EirpDbm, Is.EqualTo(60));
            Assert.That(f.AntennaHeightM, Is.EqualTo(30));
            Assert.That(f.BeamwidthDeg, Is.EqualTo(65));
            Assert.That(f.ThresholdDbm, Is.EqualTo(-110));
            Assert.That(f.Model.Name, Is.EqualTo("3gpp-rma"), "rural above 500 MHz");
            Assert.That(f.ModelEnvironment, Is.EqualTo("nlos"));
        });
    }

    [TestCase(900, CoverageEnvironment.Urban)]
    [TestCase(1800, CoverageEnvironment.Urban)]
    [TestCase(1800, CoverageEnvironment.Suburban)]
    [TestCase(450, CoverageEnvironment.Rural)]
    [TestCase(900, CoverageEnvironment.Rural)]
    [TestCase(3500, CoverageEnvironment.Urban)]
    public void Footprint_LossDb_IsTheLargestOfChainAndFreeSpace(double bandMHz, CoverageEnvironment environment)
    {
        // The footprint evaluates the Hata models as a + b·log10(d); the models' own formulas and ITU-R P.525 free space
        // are the reference.
        var bts = new Bts("B", "Viettel", Technology.G4, TestNetwork.At(0, 0), null, bandMHz, 35, 60, null, null, null, null);
        var f = FootprintCalculator.Compute(0, bts, Core.Rules.CoverageRules.Default, environment);
        foreach (var km in new[] { 0.02, 0.3, 1, 1.3, 2.7, 4.99, 12, 30 })
        {
            var expected = 32.45 + (20 * Math.Log10(bandMHz)) + (20 * Math.Log10(km));
            foreach (var (model, env) in CoverageModelChoice.Chain(bandMHz, environment))
            {
                expected = Math.Max(expected, model.LossDb(new Core.Coverage.PathLoss.PathLossInput(bandMHz, km, 35, 1.5, env)).LossDb);
            }

            Assert.That(f.LossDb(km), Is.EqualTo(expected).Within(1e-9), $"{f.Model.Name} at {km} km");
        }
    }

    [Test]
    public void Footprint_EveryBandAndHeight_UrbanRangeAtMostSuburbanAtMostRural([Values(450, 700, 900, 1500, 1800, 2000, 2100, 2600, 3500)] double bandMHz)
    {
        // Issue 9: the choice of model by environment must be monotone — a denser environment never reaches farther.
        foreach (var heightM in new[] { 15.0, 30, 45, 60 })
        {
            foreach (var eirp in new[] { 40.0, 50, 60, 70 })
            {
                var bts = new Bts("B", "Viettel", Technology.G2, TestNetwork.At(0, 0), null, bandMHz, heightM, eirp, null, null, null, null);
                double Range(CoverageEnvironment e) => FootprintCalculator.Compute(0, bts, Core.Rules.CoverageRules.Default, e).MaxRangeKm;
                var (urban, suburban, rural) = (Range(CoverageEnvironment.Urban), Range(CoverageEnvironment.Suburban), Range(CoverageEnvironment.Rural));
                Assert.That(urban, Is.LessThanOrEqualTo(suburban), $"{bandMHz} MHz, {heightM} m, {eirp} dBm: urban {urban} km > suburban {suburban} km");
                Assert.That(suburban, Is.LessThanOrEqualTo(rural), $"{bandMHz} MHz, {heightM} m, {eirp} dBm: suburban {suburban} km > rural {rural} km");
            }
        }
    }

    [TestCase(450, CoverageEnvironment.Rural, "okumura-hata", "suburban")]
    [TestCase(900, CoverageEnvironment.Rural, "3gpp-rma", "nlos")]
    [TestCase(900, CoverageEnvironment.Urban, "okumura-hata", "urban")]
    [TestCase(1500, CoverageEnvironment.Urban, "okumura-hata", "urban")]
    [TestCase(1800, CoverageEnvironment.Urban, "cost231-hata", "urban")]
    [TestCase(2100, CoverageEnvironment.Urban, "3gpp-uma", "nlos")]
    [TestCase(3500, CoverageEnvironment.Rural, "3gpp-rma", "nlos")]
    public void ModelChoice_ByBandAndEnvironment(double bandMHz, CoverageEnvironment environment, string model, string env)
    {
        var (m, e) = CoverageModelChoice.For(bandMHz, environment);
        Assert.That((m.Name, e), Is.EqualTo((model, env)));
    }
}
