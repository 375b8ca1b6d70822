namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// The radio climates of the Longley-Rice ITM (NTIA Report 82-100, Hufford, Longley &amp; Kissick 1982, §3.3; the codes
/// SPLAT! .lrp files use). Vietnam has no climate of its own in the model: the north and the central highlands are
/// closest to <see cref="ContinentalSubtropical"/> (2), the Mekong delta and the south to <see cref="Equatorial"/> (1);
/// coastal paths to <see cref="MaritimeSubtropical"/> (3). The default of SoTTTT's <c>pathloss</c> is SPLAT!'s sample
/// value <see cref="ContinentalTemperate"/> (5); a coverage run chooses by rules. Below 100 km the climates differ
/// little in the median.
/// </summary>
public enum RadioClimate
{
    /// <summary>1: Equatorial (Congo).</summary>
    Equatorial = 1,

    /// <summary>2: Continental subtropical (Sudan).</summary>
    ContinentalSubtropical = 2,

    /// <summary>3: Maritime subtropical (west coast of Africa).</summary>
    MaritimeSubtropical = 3,

    /// <summary>4: Desert (Sahara).</summary>
    Desert = 4,

    /// <summary>5: Continental temperate (the default of SPLAT! and of the ITM's own examples).</summary>
    ContinentalTemperate = 5,

    /// <summary>6: Maritime temperate, over land (United Kingdom, west coasts of the United States and Europe).</summary>
    MaritimeTemperateOverLand = 6,

    /// <summary>7: Maritime temperate, over sea.</summary>
    MaritimeTemperateOverSea = 7,
}
