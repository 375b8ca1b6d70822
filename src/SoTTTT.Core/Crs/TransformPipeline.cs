using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace SoTTTT.Core.Crs;

/// <summary>
/// The steps of one conversion: ProjNet inverse projection, datum shift, ProjNet projection. Not thread-safe:
/// <see cref="CoordinateTransformer"/> pools instances.
/// </summary>
/// <remarks>
/// The datum shift runs in geocentric coordinates: ProjNet's TOWGS84 Helmert between exact geodetic ↔ geocentric
/// conversions (<see cref="Geocentric"/>). VN-2000 → WGS84 takes points at zero height on the VN-2000 ellipsoid and
/// drops the resulting height, as PROJ does. WGS84 → VN-2000 is the exact inverse of that two-dimensional map
/// (ProjNet's inverse Helmert as first guess, then one correction step), so round trips close to ~1e-12°. PROJ
/// instead takes zero WGS84 height in that direction, which does not invert its own forward map: its round trips
/// drift by up to ~1.5 mm, and the two WGS84 → VN-2000 results differ by as much.
/// </remarks>
internal sealed class TransformPipeline
{
    /// <summary>Scratch values <see cref="Transform"/> needs per point.</summary>
    public const int ScratchPerPoint = 5;

    private readonly MathTransform? _unproject;
    private readonly MathTransform? _project;
    private readonly MathTransform? _vn2000ToWgs84;
    private readonly MathTransform? _wgs84ToVn2000;
    private readonly bool _toWgs84;

    public TransformPipeline(CrsDefinition from, CrsDefinition to, Wgs84ConversionInfo vn2000ToWgs84)
    {
        var factory = new CoordinateTransformationFactory();
        if (!from.IsGeographic)
        {
            _unproject = factory.CreateFromCoordinateSystems(
                ProjNetCrs.Build(from, vn2000ToWgs84), ProjNetCrs.BuildGeographic(from, vn2000ToWgs84)).MathTransform;
        }

        if (from.IsVn2000 != to.IsVn2000)
        {
            _toWgs84 = !to.IsVn2000;
            var vn2000 = ProjNetCrs.BuildGeocentric(CrsRegistry.Vn2000, vn2000ToWgs84);
            var wgs84 = ProjNetCrs.BuildGeocentric(CrsRegistry.Wgs84, vn2000ToWgs84);
            _vn2000ToWgs84 = factory.CreateFromCoordinateSystems(vn2000, wgs84).MathTransform;
            if (!_toWgs84)
            {
                _wgs84ToVn2000 = factory.CreateFromCoordinateSystems(
                    ProjNetCrs.BuildGeocentric(CrsRegistry.Wgs84, vn2000ToWgs84),
                    ProjNetCrs.BuildGeocentric(CrsRegistry.Vn2000, vn2000ToWgs84)).MathTransform;
            }
        }

        if (!to.IsGeographic)
        {
            _project = factory.CreateFromCoordinateSystems(
                ProjNetCrs.BuildGeographic(to, vn2000ToWgs84), ProjNetCrs.Build(to, vn2000ToWgs84)).MathTransform;
        }
    }

    /// <summary>Transforms points in place.</summary>
    /// <param name="scratch">At least <see cref="ScratchPerPoint"/> × the number of points values.</param>
    public void Transform(Span<double> xs, Span<double> ys, Span<double> scratch)
    {
        var n = xs.Length;
        var zs = scratch[..n];
        // ProjNet's two-span overloads share a single height slot among all points; always pass one per point.
        _unproject?.Transform(xs, ys, zs);
        if (_vn2000ToWgs84 is not null)
        {
            if (_wgs84ToVn2000 is null)
            {
                Shift(_vn2000ToWgs84, xs, ys, zs);
            }
            else
            {
                var targetXs = scratch.Slice(n, n);
                var targetYs = scratch.Slice(2 * n, n);
                var checkXs = scratch.Slice(3 * n, n);
                var checkYs = scratch.Slice(4 * n, n);
                xs.CopyTo(targetXs);
                ys.CopyTo(targetYs);
                Shift(_wgs84ToVn2000, xs, ys, zs);
                xs.CopyTo(checkXs);
                ys.CopyTo(checkYs);
                Shift(_vn2000ToWgs84, checkXs, checkYs, zs);
                for (var i = 0; i < n; i++)
                {
                    xs[i] += targetXs[i] - checkXs[i];
                    ys[i] += targetYs[i] - checkYs[i];
                }
            }
        }

        _project?.Transform(xs, ys, zs);
    }

    // Geographic degrees at zero height → geocentric → Helmert → geographic degrees; the height is dropped.
    private static void Shift(MathTransform geocentricShift, Span<double> xs, Span<double> ys, Span<double> zs)
    {
        zs.Clear();
        Geocentric.FromGeodetic(xs, ys, zs);
        geocentricShift.Transform(xs, ys, zs);
        Geocentric.ToGeodetic(xs, ys, zs);
    }
}
