using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Core.Model;
using SoTTTT.IO.Layers;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

/// <summary>
/// The sharing analysis as exportable layers, checked by hand on a crafted rural network (commune C1, must-share
/// distance 400 m by the DOMAIN.md default): VNPT's tower A and Viettel's tower B stand 250 m apart, each alone, so they
/// make one missed pair drawn as the 250 m line between them; Viettel's route F1 (2 km) and VNPT's route F2 run 10 m
/// apart from x = 600500 to 601500, inside the 15 m duct corridor: one 1,000 m shared-duct stretch, listed once, on
/// the route of the first operator of the pair (F2, as in SharingAnalysisTests).
/// </summary>
public class SharingLayersTests
{
    private static Dataset Network() => new TestNetwork()
        .WithProvince()
        .Tower("A", 601000, 2301000, "A2b", 40, 3).Tenants("A", "VNPT")
        .Tower("B", 601250, 2301000, "A2b", 40, 3).Tenants("B", "Viettel")
        .Route("F1", "Viettel", CablePlacement.Aerial, "LINESTRING(600000 2309000, 602000 2309000)")
        .Route("F2", "VNPT", CablePlacement.Underground, "LINESTRING(600500 2309010, 601500 2309010)")
        .Build();

    [Test]
    public void MissedPairs_LineJoinsTheTwoPositions()
    {
        var table = SharingLayers.BuildMissedPairs(Network());

        var row = table.Rows.Single();
        var line = (LineString)row.Geometry!;
        Assert.Multiple(() =>
        {
            Assert.That(table.GeometryType, Is.EqualTo(FeatureGeometryType.LineString));
            Assert.That(row.Values[table.IndexOf("distance_m")], Is.EqualTo(250.0));
            Assert.That(row.Values[table.IndexOf("limit_m")], Is.EqualTo(400.0));
            Assert.That(line.Length, Is.EqualTo(250.0).Within(1e-9));
            Assert.That(new[] { line.StartPoint.X, line.EndPoint.X }, Is.EquivalentTo(new[] { 601000.0, 601250.0 }));
        });
    }

    [Test]
    public void Positions_OnePointPerTowerWithItsOperator()
    {
        var table = SharingLayers.BuildPositions(Network());

        Assert.That(
            table.Rows.Select(r => $"{r.Values[table.IndexOf("id")]} {r.Values[table.IndexOf("operators")]} {r.Values[table.IndexOf("shared")]} {((Point)r.Geometry!).X}"),
            Is.EquivalentTo(new[] { "A VNPT False 601000", "B Viettel False 601250" }));
    }

    [Test]
    public void DuctCandidates_StretchGeometryMatchesItsLength()
    {
        var table = SharingLayers.BuildDuctCandidates(Network());

        var row = table.Rows.Single();
        var geometry = (LineString)row.Geometry!;
        Assert.Multiple(() =>
        {
            Assert.That(row.Values[table.IndexOf("route_id")], Is.EqualTo("F2"));
            Assert.That(row.Values[table.IndexOf("other_operator")], Is.EqualTo("Viettel"));
            Assert.That(row.Values[table.IndexOf("length_m")], Is.EqualTo(1000.0));
            Assert.That(geometry.Length, Is.EqualTo(1000.0).Within(1e-6), "the drawn stretch is as long as reported");
            Assert.That((geometry.StartPoint.X, geometry.EndPoint.X, geometry.StartPoint.Y), Is.EqualTo((600500.0, 601500.0, 2309010.0)), "drawn along F2 itself");
        });
    }
}
