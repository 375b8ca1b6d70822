using NUnit.Framework;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;

namespace SoTTTT.Tests.Indicators;

public class MergedOldValuesTests
{
    [Test]
    public void Of_TwoCommunes_CountsSummedRatiosRecomputed()
    {
        // A: 10 km², 1,000 people, 1 postal point, 500 mobile subscribers, 4 settlements of which 1 within fibre reach.
        // B: 20 km², 2,000 people, 2 postal points, 1,500 mobile subscribers, 6 settlements of which 6 within reach.
        var a = Row("A", 10, 1000, postal: 1, settlements: 4, withinFibrePct: 25) with { SubscribersByService = new Dictionary<string, long> { ["mobile"] = 500 } };
        var b = Row("B", 20, 2000, postal: 2, settlements: 6, withinFibrePct: 100) with { SubscribersByService = new Dictionary<string, long> { ["mobile"] = 1500 } };

        var values = MergedOldValues.Of([a, b]).ToDictionary(v => v.Key);

        Assert.Multiple(() =>
        {
            Assert.That(values["area_km2"].Value, Is.EqualTo(30));
            Assert.That(values["population"].Value, Is.EqualTo(3000));
            Assert.That(values["postal_points"].Value, Is.EqualTo(3));

            // R = √(S / (π·N)) over the merged unit: √(30 / (3π)) = 1.784 km, not the mean of the two radii.
            Assert.That(values["service_radius_km"].Value, Is.EqualTo(Math.Sqrt(30 / (3 * Math.PI))).Within(1e-9));
            Assert.That(values["people_per_postal_point"].Value, Is.EqualTo(1000).Within(1e-9));

            // 2,000 subscribers / 3,000 people = 66.7 per 100 (the mean of 50 and 75 would say 62.5).
            Assert.That(values["subscribers_mobile"].Value, Is.EqualTo(2000));
            Assert.That(values["subscribers_per_100_mobile"].Value, Is.EqualTo(66.667).Within(0.001));

            // (1 + 6) / (4 + 6) settlements within fibre reach = 70 %.
            Assert.That(values["settlements_within_fibre_pct"].Value, Is.EqualTo(70).Within(1e-9));
            Assert.That(values["fibre_routes"], Is.EqualTo(("fibre_routes", (double?)null, MergedOldValues.NotAdditive, false)));
            Assert.That(values["postal_access_mean_km"].Note, Is.EqualTo(MergedOldValues.NotAdditive));
        });
    }

    [Test]
    public void Of_PopulationMissingInOnePart_BlankWithPartMissing()
    {
        var values = MergedOldValues.Of([Row("A", 10, 1000, postal: 1, settlements: 0, withinFibrePct: null), Row("B", 20, null, postal: 1, settlements: 0, withinFibrePct: null)]).ToDictionary(v => v.Key);

        Assert.Multiple(() =>
        {
            Assert.That(values["population"].Value, Is.Null);
            Assert.That(values["population"].Note, Is.EqualTo(MergedOldValues.PartMissing));
            Assert.That(values["people_per_postal_point"].Note, Is.EqualTo(MergedOldValues.PartMissing));
            Assert.That(values["area_km2"].Value, Is.EqualTo(30));
        });
    }

    private static IndicatorRow Row(string code, double area, long? population, int postal, int settlements, double? withinFibrePct) =>
        new(code, "Xã " + code, AdminLevel.Commune, "P", area, "official", population, postal, new Dictionary<string, int>(),
            IndicatorsCalculator.ServiceRadiusKm(area, postal), IndicatorsCalculator.PeoplePerPoint(population, postal), settlements, 1.0, 2.0,
            0, new Dictionary<string, int>(), new Dictionary<string, int>(), 0, null, 0, new Dictionary<string, double>(), new Dictionary<string, double>(),
            1, null, withinFibrePct);
}
