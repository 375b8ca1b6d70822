namespace SoTTTT.Core.Synthesis;

/// <summary>Which synthetic dataset to generate.</summary>
public enum SynthProfile
{
    /// <summary>
    /// One pre-2025 province (province → 12 districts → 265 communes) calibrated to the Hải Dương figures of
    /// PRODUCT.md, in VN-2000 TM-3 with central meridian 105°30′ (<c>VN2000:105.5</c>).
    /// </summary>
    Province,

    /// <summary>
    /// The whole country in the post-July-2025 shape (34 provincial units, communes directly under them, no
    /// district level), at national scale for benchmarks, in VN-2000 UTM zone 48 (<c>VN2000:UTM48</c>).
    /// </summary>
    National,

    /// <summary>
    /// One pre-2025 mountain province (province → 10 districts → 129 communes) calibrated to the published figures of
    /// Điện Biên (DOMAIN.md), in VN-2000 TM-3 with central meridian 103°00′ (<c>VN2000:103</c>), with a synthetic DEM
    /// of valleys and ridges that the coverage engine predicts over.
    /// </summary>
    Mountain,
}
