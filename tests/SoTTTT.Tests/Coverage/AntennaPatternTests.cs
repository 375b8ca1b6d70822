using NUnit.Framework;
using SoTTTT.Core.Coverage;

namespace SoTTTT.Tests.Coverage;

public class AntennaPatternTests
{
    // 3GPP TR 36.814 Table A.2.1.1-2 / TR 38.901 Table 7.3-1: A(φ) = −min(12 (φ/φ3dB)², Am), φ3dB = 65°, Am = 25 dB.
    // Values worked by hand: 12·(32.5/65)² = 3; 12·(65/65)² = 12; 12·(90/65)² = 23.0059; 12·(120/65)² = 40.9 → capped at 25.
    [TestCase(0, 0)]
    [TestCase(32.5, -3)]
    [TestCase(-32.5, -3)]
    [TestCase(65, -12)]
    [TestCase(90, -23.0059)]
    [TestCase(120, -25)]
    [TestCase(180, -25)]
    [TestCase(392.5, -3)]
    public void HorizontalDb_3gppFormula_HandValues(double phiDeg, double expectedDb)
    {
        Assert.That(AntennaPattern.HorizontalDb(phiDeg, 65, 25), Is.EqualTo(expectedDb).Within(1e-4));
    }

    [Test]
    public void HorizontalDb_HalfBeamwidth_IsTheThreeDbPoint()
    {
        // By the definition of φ3dB: 3 dB down at half the beamwidth, whatever the beamwidth.
        Assert.That(AntennaPattern.HorizontalDb(45, 90, 25), Is.EqualTo(-3).Within(1e-12));
    }

    [TestCase(90, 1, 0, 0)]
    [TestCase(90, 0, 1, 90)]
    [TestCase(0, 0, -1, 180)]
    [TestCase(350, 0, 1, 10)]
    [TestCase(0, -1, 1, 45)]
    public void OffBoresightDeg_GridDirections(double azimuthDeg, double dx, double dy, double expectedDeg)
    {
        Assert.That(AntennaPattern.OffBoresightDeg(azimuthDeg, dx, dy), Is.EqualTo(expectedDeg).Within(1e-9));
    }
}
