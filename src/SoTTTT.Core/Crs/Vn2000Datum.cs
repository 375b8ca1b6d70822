using ProjNet.CoordinateSystems;

namespace SoTTTT.Core.Crs;

/// <summary>
/// The seven-parameter (Helmert) transformation VN-2000 → WGS84 of Decision 05/2007/QĐ-BTNMT, as published:
/// coordinate-frame rotation convention (EPSG method 9607, EPSG transformation 6960). Both datums use the
/// WGS-84 ellipsoid.
/// </summary>
public static class Vn2000Datum
{
    /// <summary>Translation along the geocentric X axis, metres.</summary>
    public const double DxM = -191.90441429;

    /// <summary>Translation along the geocentric Y axis, metres.</summary>
    public const double DyM = -39.30318279;

    /// <summary>Translation along the geocentric Z axis, metres.</summary>
    public const double DzM = -111.45032835;

    /// <summary>Rotation about X in arc-seconds, coordinate-frame convention.</summary>
    public const double RxCoordinateFrameArcSec = -0.00928836;

    /// <summary>Rotation about Y in arc-seconds, coordinate-frame convention.</summary>
    public const double RyCoordinateFrameArcSec = 0.01975479;

    /// <summary>Rotation about Z in arc-seconds, coordinate-frame convention.</summary>
    public const double RzCoordinateFrameArcSec = -0.00427372;

    /// <summary>Scale difference in parts per million.</summary>
    public const double ScalePpm = 0.252906278;

    /// <summary>
    /// The parameters as ProjNet's TOWGS84 (<see cref="Wgs84ConversionInfo"/>) needs them: ProjNet applies the
    /// position-vector convention (EPSG method 9606), whose rotations are those of the coordinate-frame
    /// convention with the opposite sign. Passing the published rotations unchanged moves points by 0.5–0.8 m
    /// over Vietnam (measured against PROJ in CoordinateTransformerTests).
    /// </summary>
    internal static Wgs84ConversionInfo ToWgs84PositionVector() =>
        new(DxM, DyM, DzM, -RxCoordinateFrameArcSec, -RyCoordinateFrameArcSec, -RzCoordinateFrameArcSec, ScalePpm);
}
