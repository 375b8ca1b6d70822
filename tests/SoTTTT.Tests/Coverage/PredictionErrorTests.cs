using NUnit.Framework;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Coverage;

public class PredictionErrorTests
{
    [Test]
    public void Measurements_ErrorAgainstBestServerOfSameOperatorAndTech()
    {
        // The urban 900 MHz site of CoverageAnalysisTests: predicted −95.606 dBm at 1.5 km, −100.007 dBm at 2 km (Hata by
        // hand, 3 dB body loss). Measured −93 and −102: errors +2.606 and −1.993 dB; mean 0.3065 dB, RMSE
        // √((2.606² + 1.993²)/2) = 2.3198 dB.
        var dataset = new CoverageProvince()
            .Bts("B1", "Viettel", Technology.G2, 607000, 2305000, bandMHz: 900, heightM: 30, eirpDbm: 40)
            .Bts("B2", "VNPT", Technology.G2, 607000, 2305000, bandMHz: 900, heightM: 30, eirpDbm: 20)
            .Build() with
        {
            Measurements =
            [
                new Measurement("M1", "Viettel", Technology.G2, -93, TestNetwork.At(607000, 2306500), "drive test", "2025-06-01"),
                new Measurement("M2", "Viettel", Technology.G2, -102, TestNetwork.At(607000, 2307000), null, null),
                new Measurement("M3", "Viettel", Technology.G2, -120, TestNetwork.At(647000, 2305000), null, null),
            ],
        };

        var errors = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Province) { Raster = false }).PredictionErrors;

        var hata = errors.Single(e => e.Model == "okumura-hata");
        var none = errors.Single(e => e.Model == PredictionError.NoModel);
        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => e.Operator).Distinct(), Is.EqualTo(new[] { "Viettel" }), "VNPT's BTS is not compared with Viettel's measurements");
            Assert.That(hata.Count, Is.EqualTo(2));
            Assert.That(hata.MeanDb, Is.EqualTo(0.3065).Within(0.01));
            Assert.That(hata.RmseDb, Is.EqualTo(2.3198).Within(0.01));
            Assert.That(none.Count, Is.EqualTo(1), "M3 lies 40 km away, beyond coverage.max_range_km (35 km)");
            Assert.That(none.MeanDb, Is.Null);
        });
    }

    [Test]
    public void Loader_MeasurementsLayer_ReadAndValidated()
    {
        using var ds = new TempDataset("Đo", "VN2000:105.5");
        ds.File("measurements.csv", "id,operator,tech,level_dbm,x,y,source,date\nM1,Viettel,4G,-101.5,585000,2317000,drive test,2025-06-01\nM2,Viettel,4G,20,585000,2317000,,\nM3,NoSuch,4G,-90,585000,2317000,,\n");
        var bad = DatasetLoader.Load(ds.Folder);
        ds.File("measurements.csv", "id,operator,tech,level_dbm,x,y\nM1,Viettel,4G,-101.5,585000,2317000\n");
        var good = DatasetLoader.Load(ds.Folder);
        Assert.Multiple(() =>
        {
            Assert.That(bad.Problems.Select(p => (p.FeatureId, p.Code)), Is.EquivalentTo(new[] { ("M2", "VALUE_OUT_OF_RANGE"), ("M3", "UNKNOWN_OPERATOR") }));
            Assert.That(good.Dataset!.Measurements.Single().LevelDbm, Is.EqualTo(-101.5));
            Assert.That(good.Dataset!.Bts, Is.Empty, "kept apart from the network layers");
        });
    }
}
