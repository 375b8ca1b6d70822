namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>Polarization of the radio wave (ITM <c>ipol</c>; SPLAT! .lrp line 6).</summary>
public enum Polarization
{
    /// <summary>0: horizontal (broadcast television, SPLAT!'s sample file).</summary>
    Horizontal = 0,

    /// <summary>1: vertical (mobile base stations, vertical or ±45° cross-polar antennas).</summary>
    Vertical = 1,
}
