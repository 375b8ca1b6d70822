using NUnit.Framework;
using SoTTTT.Core.Spatial;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Spatial;

/// <summary>The commune centre: the commune office when given, else the polygon's interior point (one definition for indicators, coverage and plan).</summary>
public class CommuneCentresTests
{
    [Test]
    public void Of_OfficeGiven_OfficeIsTheCentre_ElseInteriorPoint()
    {
        // C1 (580000..582000) has an office at (580300, 2317900) named by code; C2 (582000..584000) has none.
        using var ds = SmallProvince.Create();
        ds.File("public_sites.csv", """
            id,kind,commune_code,x,y
            UB1,commune_office,C1,580300,2317900
            TR1,school,,582500,2316500
            """);
        var dataset = DatasetLoader.Load(ds.Folder).Dataset!;

        var centres = CommuneCentres.Of(dataset, new UnitLocator(dataset));

        Assert.That(centres.Select(c => (c.Commune.Code, c.At.X, c.At.Y, c.Source)), Is.EqualTo(new[]
        {
            ("C1", 580300.0, 2317900.0, "office"),

            // NetTopologySuite's interior point of the square 582000..584000 × 2316000..2318000: its middle.
            ("C2", 583000.0, 2317000.0, "polygon"),
        }));
    }

    [Test]
    public void Of_OfficeWithoutCode_PlacedByContainment_FirstByIdWins()
    {
        using var ds = SmallProvince.Create();
        ds.File("public_sites.csv", """
            id,kind,x,y
            UB9,commune_office,583900,2317900
            UB2,commune_office,583100,2316100
            """);
        var dataset = DatasetLoader.Load(ds.Folder).Dataset!;

        var centres = CommuneCentres.Of(dataset, new UnitLocator(dataset));

        Assert.That(centres.Single(c => c.Commune.Code == "C2").OfficeId, Is.EqualTo("UB2"));
    }
}
