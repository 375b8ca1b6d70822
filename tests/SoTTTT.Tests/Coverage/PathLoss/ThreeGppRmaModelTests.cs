using NUnit.Framework;
using SoTTTT.Core.Coverage.PathLoss;

namespace SoTTTT.Tests.Coverage.PathLoss;

public class ThreeGppRmaModelTests
{
    private static readonly ThreeGppRmaModel Model = new();

    // ns-3 three-gpp-propagation-loss-model-test-suite.cc, ThreeGppRmaPropagationLossModelTestCase: 5 GHz, hBS = 35 m,
    // hUT = 1.5 m, h = 5 m, W = 20 m, 0 dBm transmitted, received power printed with four decimals (its own
    // tolerance is 0.05 dB); compared here to 0.01 dB. 10 km LOS lies beyond the breakpoint dBP = 5.50 km.
    [TestCase(0.01, "los", -77.3784)]
    [TestCase(0.1, "los", -87.2965)]
    [TestCase(1.0, "los", -108.5577)]
    [TestCase(10.0, "los", -140.3896)]
    [TestCase(0.01, "nlos", -77.3784)]
    [TestCase(0.1, "nlos", -95.7718)]
    [TestCase(1.0, "nlos", -133.5223)]
    [TestCase(5.0, "nlos", -160.5169)]
    public void LossDb_Ns3RmaVectors_Match(double distanceKm, string environment, double receivedDbm)
    {
        var result = Model.LossDb(new PathLossInput(5000, distanceKm, 35, 1.5, environment));
        Assert.Multiple(() =>
        {
            Assert.That(result.LossDb, Is.EqualTo(-receivedDbm).Within(0.01));
            Assert.That(result.Extrapolated, Is.False);
        });
    }

    [Test]
    public void Prepare_EqualsTheTableFormulaWrittenOut_AcrossFrequenciesHeightsAndBothSidesOfTheBreakpoint()
    {
        // The prepared form works out the distance-free terms once; the reference is Table 7.4.1-1 written out here in
        // full for every distance (h = 5 m, W = 20 m), and the model's own LossDb at that distance, which must agree to the bit.
        static double Formula(double fMHz, double hBs, double hUt, double km, bool nlos)
        {
            const double H = 5, W = 20;
            var fc = fMHz / 1000;
            var d2 = km * 1000;
            var d3 = Math.Sqrt((d2 * d2) + ((hBs - hUt) * (hBs - hUt)));
            double Pl1(double d) => (20 * Math.Log10(40 * Math.PI * d * fc / 3)) + (Math.Min(0.03 * Math.Pow(H, 1.72), 10) * Math.Log10(d))
                - Math.Min(0.044 * Math.Pow(H, 1.72), 14.77) + (0.002 * Math.Log10(H) * d);
            var bp = 2 * Math.PI * hBs * hUt * fc * 1e9 / 3e8;
            var los = d2 <= bp ? Pl1(d3) : Pl1(bp) + (40 * Math.Log10(d3 / bp));
            var mobile = Math.Log10(11.75 * hUt);
            var nlosPrime = 161.04 - (7.1 * Math.Log10(W)) + (7.5 * Math.Log10(H)) - ((24.37 - (3.7 * (H / hBs) * (H / hBs))) * Math.Log10(hBs))
                + ((43.42 - (3.1 * Math.Log10(hBs))) * (Math.Log10(d3) - 3)) + (20 * Math.Log10(fc)) - ((3.2 * mobile * mobile) - 4.97);
            return nlos ? Math.Max(los, nlosPrime) : los;
        }

        var compared = 0;
        foreach (var fMHz in new[] { 700.0, 900, 1800, 2100, 3500 })
        {
            foreach (var (hBs, hUt) in new[] { (15.0, 1.5), (35.0, 1.5), (42.7, 2.0), (60.0, 1.0) })
            {
                foreach (var environment in new[] { "los", "nlos" })
                {
                    var input = new PathLossInput(fMHz, 1, hBs, hUt, environment);
                    var prepared = Model.Prepare(input);
                    for (var km = 0.001; km < 12; km *= 1.37)
                    {
                        var loss = prepared(km);
                        Assert.That(loss, Is.EqualTo(Formula(fMHz, hBs, hUt, km, environment == "nlos")).Within(1e-9), $"{fMHz} MHz {hBs}/{hUt} m {environment} {km} km");
                        Assert.That(loss, Is.EqualTo(Model.LossDb(input with { DistanceKm = km }).LossDb), "prepared and unprepared to the bit");
                        compared++;
                    }
                }
            }
        }

        Assert.That(compared, Is.GreaterThan(1_000));
    }

    [Test]
    public void LossDb_Los900MHz3KmBeyondBreakpoint_MatchesTable741TermByTerm()
    {
        // TR 38.901 Table 7.4.1-1, RMa LOS, fc = 0.9 GHz, hBS = 35 m, hUT = 1.5 m, d2D = 3 km, h = 5 m:
        //   dBP = 2π·35·1.5·0.9e9 / 3e8 = 989.6017 m  (table note; d2D > dBP, so PL2)
        //   PL1(dBP) = 20 log10(40π·989.6017·0.9/3) + min(0.03·5^1.72, 10)·log10 989.6017 − min(0.044·5^1.72, 14.77)
        //              + 0.002·log10 5·989.6017
        //            = 91.435831 + 0.477914·2.995460 − 0.700940 + 1.383404              = 93.549866
        //   d3D = √(3000² + 33.5²) = 3000.1870 m;  PL2 = PL1(dBP) + 40 log10(3000.1870 / 989.6017) = 93.549866 + 19.267516
        var expected = 91.435831 + (0.477914 * 2.995460) - 0.700940 + 1.383404 + 19.267516;
        Assert.That(Model.LossDb(new PathLossInput(900, 3, 35, 1.5, "los")).LossDb, Is.EqualTo(expected).Within(0.01));
    }

    [Test]
    public void LossDb_Nlos900MHz3Km_MatchesTable741TermByTerm()
    {
        // TR 38.901 Table 7.4.1-1, RMa NLOS = max(PL_LOS, PL'_NLOS), fc = 0.9 GHz, hBS = 35 m, hUT = 1.5 m, d3D = 3000.1870 m,
        // W = 20 m, h = 5 m:
        //   PL'_NLOS = 161.04 − 7.1 log10 20 + 7.5 log10 5 − (24.37 − 3.7 (5/35)²) log10 35
        //              + (43.42 − 3.1 log10 35)(log10 3000.1870 − 3) + 20 log10 0.9 − (3.2 (log10 17.625)² − 4.97)
        //            = 161.04 − 9.237313 + 5.242275 − 24.294490·1.544068 + 38.633389·0.477148 − 0.915150 + 0.000919
        //            = 137.052243 (above PL_LOS = 112.82 dB, so it is the NLOS loss)
        var expected = 161.04 - 9.237313 + 5.242275 - (24.294490 * 1.544068) + (38.633389 * 0.477148) - 0.915150 + 0.000919;
        Assert.That(Model.LossDb(new PathLossInput(900, 3, 35, 1.5, "nlos")).LossDb, Is.EqualTo(expected).Within(0.01));
    }

    [Test]
    public void Validity_NlosBeyond5Km_DistanceOutOfRangeWhileLosIsNot()
    {
        var los = Model.LossDb(new PathLossInput(900, 8, 35, 1.5, "los"));
        var nlos = Model.LossDb(new PathLossInput(900, 8, 35, 1.5, "nlos"));
        Assert.Multiple(() =>
        {
            Assert.That(los.Extrapolated, Is.False);
            Assert.That(nlos.OutOfRange.Select(o => o.Parameter), Is.EqualTo(new[] { "dist_km" }));
            Assert.That(nlos.OutOfRange[0].Range, Is.EqualTo(new ParameterRange(0.01, 5)));
        });
    }

    [TestCase(400, "freq_mhz")]
    [TestCase(31_000, "freq_mhz")]
    public void Validity_FrequencyOutside0_5To30GHz_Flagged(double freqMHz, string parameter)
    {
        var result = Model.LossDb(new PathLossInput(freqMHz, 1, 35, 1.5, "los"));
        Assert.That(result.OutOfRange.Select(o => o.Parameter), Is.EqualTo(new[] { parameter }));
    }

    [Test]
    public void Constructor_StreetWidthOutside5To50m_Throws()
    {
        Assert.That(() => new ThreeGppRmaModel(5, 60), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
