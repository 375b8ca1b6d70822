using System.Numerics;

namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// One evaluation of the Longley-Rice Irregular Terrain Model, version 1.2.2, in point-to-point mode, written from
/// G. A. Hufford, "The ITS Irregular Terrain Model, version 1.2.2: The Algorithm" (NTIA/ITS, 1995; section numbers
/// below refer to it), with A. G. Longley and P. L. Rice, "Prediction of tropospheric radio transmission loss over
/// irregular terrain: a computer method — 1968" (ESSA Tech. Rep. ERL 79-ITS 67) for the background. Where the
/// algorithm text and the 1.2.2 program it describes differ in a constant (the two-ray phase limit 3.14 − 1.57²/δ,
/// the line-of-sight weight 0.021 / (0.021 + k Δh / max(dLs, 10 km))), the program's value is used: it is the code
/// SPLAT! 1.4.2 runs with <c>-olditm</c>, the reference this implementation is checked against. Lengths in metres,
/// angles in radians, losses in dB; k = f / 47.7 m⁻¹ is the wave number.
/// </summary>
internal sealed class ItmCalculation
{
    // Climate constants of §5 (Table "climate" of the 1.2.2 program): one column per radio climate 1–7.
    private static readonly double[][] MedianCurve =
    [
        [-9.67, -0.62, 1.26, -9.21, -0.62, -0.39, 3.15],
        [12.7, 9.19, 15.5, 9.05, 9.19, 2.86, 857.9],
        [144.9e3, 228.9e3, 262.6e3, 84.1e3, 228.9e3, 141.7e3, 2222e3],
        [190.3e3, 205.2e3, 185.2e3, 101.1e3, 205.2e3, 315.9e3, 164.8e3],
        [133.8e3, 143.6e3, 99.8e3, 98.6e3, 143.6e3, 167.4e3, 116.3e3],
    ];

    private static readonly double[][] SigmaMinusCurve =
    [
        [2.13, 2.66, 6.11, 1.98, 2.68, 6.86, 8.51],
        [159.5, 7.67, 6.65, 13.11, 7.16, 10.38, 169.8],
        [762.2e3, 100.4e3, 138.2e3, 139.1e3, 93.7e3, 187.8e3, 609.8e3],
        [123.6e3, 172.5e3, 242.2e3, 132.7e3, 186.8e3, 169.6e3, 119.9e3],
        [94.5e3, 136.4e3, 178.6e3, 193.5e3, 133.5e3, 108.9e3, 106.6e3],
    ];

    private static readonly double[][] SigmaPlusCurve =
    [
        [2.11, 6.87, 10.08, 3.68, 4.75, 8.58, 8.43],
        [102.3, 15.53, 9.60, 159.3, 8.12, 13.97, 8.19],
        [636.9e3, 138.7e3, 165.3e3, 464.4e3, 93.2e3, 216.0e3, 136.2e3],
        [134.8e3, 143.7e3, 225.7e3, 93.1e3, 135.9e3, 152.0e3, 188.5e3],
        [95.6e3, 98.6e3, 129.7e3, 94.2e3, 113.4e3, 122.7e3, 122.9e3],
    ];

    private static readonly double[] DuctingSigmaRatio = [1.224, 0.801, 1.380, 1.000, 1.224, 1.518, 1.518];
    private static readonly double[] DuctingDeviate = [1.282, 2.161, 1.282, 20.0, 1.282, 1.282, 1.282];
    private static readonly double[][] FrequencyGainMinus = [[1.0, 1.0, 1.0, 1.0, 0.92, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0, 0.25, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 1.77, 0.0, 0.0]];
    private static readonly double[][] FrequencyGainPlus = [[1.0, 0.93, 1.0, 0.93, 0.93, 1.0, 1.0], [0.0, 0.31, 0.0, 0.19, 0.31, 0.0, 0.0], [0.0, 2.00, 0.0, 1.79, 2.00, 0.0, 0.0]];

    private readonly ItmParameters _p;
    private readonly double _k;
    private readonly double[] _hg = new double[2];
    private readonly double[] _he = new double[2];
    private readonly double[] _dl = new double[2];
    private readonly double[] _theta = new double[2];
    private Complex _zg;
    private double _gme;
    private double _ns;
    private double _dh;
    private double _distance;
    private double _dls0;
    private double _dls1;
    private double _dlsa;
    private double _dla;
    private double _tha;
    private double _emd;
    private double _aed;
    private double _dx;
    private int _kwx;
    private ItmWarnings _warnings;

    // Diffraction constants prepared once per path (§4.2).
    private double _wd1;
    private double _xd1;
    private double _afo;
    private double _qk;
    private double _aht;
    private double _xht;

    // Line-of-sight weight (§4.3) and scatter constants (§4.4).
    private double _wls;
    private double _ad;
    private double _rr;
    private double _etq;
    private double _h0s;

    private ItmCalculation(ItmParameters p)
    {
        _p = p;
        _k = p.FreqMHz / 47.7;
        _hg[0] = p.TxHeightM;
        _hg[1] = p.RxHeightM;
    }

    /// <summary>The prediction over a profile of <paramref name="z"/>.Length samples <paramref name="step"/> m apart.</summary>
    public static ItmResult Run(ReadOnlySpan<double> z, double step, ItmParameters p)
    {
        var c = new ItmCalculation(p);
        return c.Evaluate(z, step);
    }

    /// <summary>The standard normal deviate exceeded with probability <paramref name="q"/> (Abramowitz &amp; Stegun 26.2.23, as §5 uses).</summary>
    internal static double InverseComplementaryNormal(double q)
    {
        var x = 0.5 - q;
        var t = Math.Max(0.5 - Math.Abs(x), 0.000001);
        t = Math.Sqrt(-2 * Math.Log(t));
        var v = t - ((((0.010328 * t) + 0.802853) * t) + 2.515516698) / ((((((0.001308 * t) + 0.189269) * t) + 1.432788) * t) + 1);
        return x < 0 ? -v : v;
    }

    private static double Dim(double x, double y) => x > y ? x - y : 0;

    private ItmResult Evaluate(ReadOnlySpan<double> z, double step)
    {
        var n = z.Length - 1;
        _distance = n * step;

        // §3: the mean height of the middle 80 % of the profile lowers the surface refractivity.
        var skip = (int)(0.1 * n);
        var sum = 0.0;
        for (var i = skip; i <= n - skip; i++)
        {
            sum += z[i];
        }

        var systemHeight = sum / (n - (2 * skip) + 1);
        PrepareAtmosphereAndGround(systemHeight);
        var lineOfSight = PrepareProfile(z, step);
        var referenceAttenuation = ReferenceAttenuation();
        var attenuation = Variability(referenceAttenuation);
        var freeSpace = 32.45 + (20 * Math.Log10(_p.FreqMHz)) + (20 * Math.Log10(_distance / 1000));
        var mode = lineOfSight
            ? ItmPropagationMode.LineOfSight
            : _distance > _dlsa && _distance > _dx
                ? ItmPropagationMode.Troposcatter
                : _distance - _dla < 1 ? ItmPropagationMode.SingleHorizonDiffraction : ItmPropagationMode.DoubleHorizonDiffraction;
        var outOfRange = ItmPointToPoint.Range.Check(new PathLossInput(_p.FreqMHz, _distance / 1000, _p.TxHeightM, _p.RxHeightM, string.Empty));
        var geometry = new ItmPathGeometry(_dl[0], _dl[1], _theta[0], _theta[1], _he[0], _he[1], _dh, _ns, 1 / _gme);
        return new ItmResult(freeSpace + attenuation, freeSpace, attenuation, referenceAttenuation, _distance / 1000, mode, lineOfSight, _kwx, _warnings, outOfRange, geometry);
    }

    // §3 (qlrps): refractivity at the path's height, effective earth curvature, ground transfer impedance.
    private void PrepareAtmosphereAndGround(double systemHeight)
    {
        _ns = _p.SurfaceRefractivityN;
        if (systemHeight != 0)
        {
            _ns *= Math.Exp(-systemHeight / 9460);
        }

        _gme = 157e-9 * (1 - (0.04665 * Math.Exp(_ns / 179.3)));
        var permittivity = new Complex(_p.Permittivity, 376.62 * _p.ConductivitySPerM / _k);
        _zg = Complex.Sqrt(permittivity - 1);
        if (_p.Polarization == Polarization.Vertical)
        {
            _zg /= permittivity;
        }
    }

    /// <summary>§3 (qlrpfl): horizons, terrain irregularity and effective heights from the profile; true when it is line of sight.</summary>
    private bool PrepareProfile(ReadOnlySpan<double> z, double step)
    {
        var n = z.Length - 1;
        var lineOfSight = FindHorizons(z, step);
        var near = Math.Min(15 * _hg[0], 0.1 * _dl[0]);
        var far = _distance - Math.Min(15 * _hg[1], 0.1 * _dl[1]);
        _dh = TerrainIrregularity(z, step, near, far);
        if (_dl[0] + _dl[1] > 1.5 * _distance)
        {
            // Within line of sight: effective heights over a straight fit of the terrain between the two ends, and
            // horizons of a smooth earth seen from them, shortened by the terrain's roughness.
            var (fitStart, fitEnd) = LinearFit(z, step, near, far);
            _he[0] = _hg[0] + Dim(z[0], fitStart);
            _he[1] = _hg[1] + Dim(z[n], fitEnd);
            SmoothHorizons();
            var sum = _dl[0] + _dl[1];
            if (sum <= _distance)
            {
                var scale = _distance / sum;
                _he[0] *= scale * scale;
                _he[1] *= scale * scale;
                SmoothHorizons();
            }

            for (var j = 0; j < 2; j++)
            {
                var q = Math.Sqrt(2 * _he[j] / _gme);
                _theta[j] = ((0.65 * _dh * ((q / _dl[j]) - 1)) - (2 * _he[j])) / q;
            }
        }
        else
        {
            // Beyond line of sight: each effective height over a fit of the terrain in front of its own horizon.
            var (fitStart, _) = LinearFit(z, step, near, 0.9 * _dl[0]);
            var (_, fitEnd) = LinearFit(z, step, _distance - (0.9 * _dl[1]), far);
            _he[0] = _hg[0] + Dim(z[0], fitStart);
            _he[1] = _hg[1] + Dim(z[n], fitEnd);
        }

        return lineOfSight;
    }

    private void SmoothHorizons()
    {
        for (var j = 0; j < 2; j++)
        {
            _dl[j] = Math.Sqrt(2 * _he[j] / _gme) * Math.Exp(-0.07 * Math.Sqrt(_dh / Math.Max(_he[j], 5)));
        }
    }

    /// <summary>
    /// The horizon of each antenna: the profile point seen at the highest elevation angle on the effective earth
    /// (angle of a point at distance s and height h above the antenna tip: h / s − s γe / 2). Without an obstacle
    /// each horizon is the other antenna. Returns true when neither antenna's horizon is a terrain point.
    /// </summary>
    private bool FindHorizons(ReadOnlySpan<double> z, double step)
    {
        var n = z.Length - 1;
        var tipTx = z[0] + _hg[0];
        var tipRx = z[n] + _hg[1];
        var half = 0.5 * _gme;
        var slope = (tipRx - tipTx) / _distance;
        _theta[0] = slope - (half * _distance);
        _theta[1] = -slope - (half * _distance);
        _dl[0] = _distance;
        _dl[1] = _distance;
        var clear = true;
        for (var i = 1; i < n; i++)
        {
            var fromTx = i * step;
            var fromRx = _distance - fromTx;
            var angleTx = ((z[i] - tipTx) / fromTx) - (half * fromTx);
            if (angleTx > _theta[0])
            {
                _theta[0] = angleTx;
                _dl[0] = fromTx;
                clear = false;
            }

            var angleRx = ((z[i] - tipRx) / fromRx) - (half * fromRx);
            if (angleRx > _theta[1])
            {
                _theta[1] = angleRx;
                _dl[1] = fromRx;
                clear = false;
            }
        }

        return clear;
    }

    /// <summary>
    /// Least-squares straight line through the profile samples between distances <paramref name="from"/> and
    /// <paramref name="to"/> (rounded to whole samples, at least one interval), evaluated at both ends of the whole
    /// profile: (height at 0, height at the last sample).
    /// </summary>
    private static (double AtStart, double AtEnd) LinearFit(ReadOnlySpan<double> z, double step, double from, double to)
    {
        double last = z.Length - 1;
        double first = (int)Dim(from / step, 0);
        double end = last - (int)Dim(last, to / step);
        if (end <= first)
        {
            first = Dim(first, 1);
            end = last - Dim(last, end + 1);
        }

        var ja = (int)first;
        var jb = (int)end;
        var length = end - first;
        // x runs from −length/2 to +length/2 over the fitted samples; the trapezoid weights the two ends by one half.
        var x = -0.5 * length;
        var centre = end + x;
        var mean = 0.5 * (z[ja] + z[jb]);
        var moment = 0.5 * (z[ja] - z[jb]) * x;
        var intervals = jb - ja;
        for (var i = 2; i <= intervals; i++)
        {
            ja++;
            x += 1;
            mean += z[ja];
            moment += z[ja] * x;
        }

        mean /= length;
        moment = moment * 12 / (((length * length) + 2) * length);
        return (mean - (moment * centre), mean + (moment * (last - centre)));
    }

    /// <summary>
    /// Δh (§3, d1thx): the interdecile range of the terrain's deviations from its straight fit between
    /// <paramref name="from"/> and <paramref name="to"/>, resampled at 10·k − 5 points (k = 4…25), scaled to the
    /// asymptotic value for long paths by 1 − 0.8 e^(−d/50 km).
    /// </summary>
    private static double TerrainIrregularity(ReadOnlySpan<double> z, double step, double from, double to)
    {
        var n = z.Length - 1;
        var xa = from / step;
        var xb = to / step;
        if (xb - xa < 2)
        {
            return 0;
        }

        var decile = Math.Clamp((int)(0.1 * (xb - xa + 8)), 4, 25);
        var count = (10 * decile) - 5;
        var upper = count - decile + 1;
        var intervals = count - 1.0;
        Span<double> s = stackalloc double[count];
        var stride = (xb - xa) / intervals;
        var k = (int)(xa + 1);
        var frac = xa - k;
        for (var j = 0; j < count; j++)
        {
            while (frac > 0 && k < n)
            {
                frac -= 1;
                k++;
            }

            s[j] = z[k] + ((z[k] - z[k - 1]) * frac);
            frac += stride;
        }

        var (start, end) = LinearFit(s, 1, 0, intervals);
        var rise = (end - start) / intervals;
        for (var j = 0; j < count; j++)
        {
            s[j] -= start;
            start += rise;
        }

        // Descending order: the decile-th and upper-th largest deviations.
        s.Sort();
        s.Reverse();
        var range = s[decile - 1] - s[upper - 1];
        return range / (1 - (0.8 * Math.Exp(-(to - from) / 50e3)));
    }

    /// <summary>§4 (lrprop): the median reference attenuation at the path distance, with the kwx checks of §3.</summary>
    private double ReferenceAttenuation()
    {
        _dls0 = Math.Sqrt(2 * _he[0] / _gme);
        _dls1 = Math.Sqrt(2 * _he[1] / _gme);
        _dlsa = _dls0 + _dls1;
        _dla = _dl[0] + _dl[1];
        _tha = Math.Max(_theta[0] + _theta[1], -_dla * _gme);
        CheckInputs();
        PrepareDiffraction();
        var xae = Math.Pow(_k * _gme * _gme, -1.0 / 3);
        var d3 = Math.Max(_dlsa, (1.3787 * xae) + _dla);
        var d4 = d3 + (2.7574 * xae);
        var a3 = Diffraction(d3);
        var a4 = Diffraction(d4);
        _emd = (a4 - a3) / (d4 - d3);
        _aed = a3 - (_emd * d3);
        _dx = double.PositiveInfinity;
        CheckDistance();
        double reference;
        if (_distance < _dlsa)
        {
            reference = LineOfSightRegion();
        }
        else
        {
            PrepareScatter();
            var d5 = _dla + 200e3;
            var d6 = d5 + 200e3;
            var a6 = Scatter(d6);
            var a5 = Scatter(d5);
            double ems, aes;
            if (a5 < 1000)
            {
                ems = (a6 - a5) / 200e3;
                _dx = Math.Max(_dlsa, Math.Max(_dla + (0.3 * xae * Math.Log(47.7 * _k)), (a5 - _aed - (ems * d5)) / (_emd - ems)));
                aes = ((_emd - ems) * _dx) + _aed;
            }
            else
            {
                ems = _emd;
                aes = _aed;
                _dx = 10e6;
            }

            reference = _distance > _dx ? aes + (ems * _distance) : _aed + (_emd * _distance);
        }

        return Math.Max(reference, 0);
    }

    private void CheckInputs()
    {
        if (_k < 0.838 || _k > 210)
        {
            Warn(1, ItmWarnings.FrequencyNearLimit);
        }

        if (_hg[0] < 1 || _hg[0] > 1000 || _hg[1] < 1 || _hg[1] > 1000)
        {
            Warn(1, ItmWarnings.HeightNearLimit);
        }

        if (Math.Abs(_theta[0]) > 200e-3 || Math.Abs(_theta[1]) > 200e-3)
        {
            Warn(3, ItmWarnings.HorizonAngleLarge);
        }

        if (_dl[0] < 0.1 * _dls0 || _dl[0] > 3 * _dls0 || _dl[1] < 0.1 * _dls1 || _dl[1] > 3 * _dls1)
        {
            Warn(3, ItmWarnings.HorizonDistanceOutOfRange);
        }

        if (_ns < 250 || _ns > 400 || _gme < 75e-9 || _gme > 250e-9 || _zg.Real <= Math.Abs(_zg.Imaginary))
        {
            Warn(4, ItmWarnings.AtmosphereOrGroundOutOfRange);
        }

        if (_k < 0.419 || _k > 420)
        {
            Warn(4, ItmWarnings.FrequencyOutOfRange);
        }

        if (_hg[0] < 0.5 || _hg[0] > 3000 || _hg[1] < 0.5 || _hg[1] > 3000)
        {
            Warn(4, ItmWarnings.HeightOutOfRange);
        }
    }

    private void CheckDistance()
    {
        if (_distance > 1000e3)
        {
            Warn(1, ItmWarnings.DistanceNearUpperLimit);
        }

        if (_distance < Math.Abs(_he[0] - _he[1]) / 200e-3)
        {
            Warn(3, ItmWarnings.DistanceShorterThanHeightDifference);
        }

        if (_distance < 1e3 || _distance > 2000e3)
        {
            Warn(4, ItmWarnings.DistanceOutOfRange);
        }
    }

    private void Warn(int level, ItmWarnings warning)
    {
        _kwx = Math.Max(_kwx, level);
        _warnings |= warning;
    }

    /// <summary>§4.3: the line-of-sight region, a fit A = ael + k1 d + k2 ln d through the two-ray loss at two distances and the diffraction line at the smooth-earth horizon.</summary>
    private double LineOfSightRegion()
    {
        _wls = 0.021 / (0.021 + (_k * _dh / Math.Max(10e3, _dlsa)));
        var d2 = _dlsa;
        var a2 = _aed + (d2 * _emd);
        var d0 = 1.908 * _k * _he[0] * _he[1];
        double d1;
        if (_aed >= 0)
        {
            d0 = Math.Min(d0, 0.5 * _dla);
            d1 = d0 + (0.25 * (_dla - d0));
        }
        else
        {
            d1 = Math.Max(-_aed / _emd, 0.25 * _dla);
        }

        var a1 = LineOfSight(d1);
        double k1, k2;
        if (d0 < d1)
        {
            var a0 = LineOfSight(d0);
            var q = Math.Log(d2 / d0);
            k2 = Math.Max(0, (((d2 - d0) * (a1 - a0)) - ((d1 - d0) * (a2 - a0))) / (((d2 - d0) * Math.Log(d1 / d0)) - ((d1 - d0) * q)));
            if (_aed >= 0 || k2 > 0)
            {
                k1 = (a2 - a0 - (k2 * q)) / (d2 - d0);
                if (k1 < 0)
                {
                    k1 = 0;
                    k2 = Dim(a2, a0) / q;
                    if (k2 == 0)
                    {
                        k1 = _emd;
                    }
                }
            }
            else
            {
                k2 = 0;
                k1 = (a2 - a1) / (d2 - d1);
                if (k1 <= 0)
                {
                    k1 = _emd;
                }
            }
        }
        else
        {
            k2 = 0;
            k1 = (a2 - a1) / (d2 - d1);
            if (k1 <= 0)
            {
                k1 = _emd;
            }
        }

        var ael = a2 - (k1 * d2) - (k2 * Math.Log(d2));
        return ael + (k1 * _distance) + (k2 * Math.Log(_distance));
    }

    /// <summary>§4.3 (alos): two rays — direct and reflected by rough ground — blended with the extended diffraction line.</summary>
    private double LineOfSight(double d)
    {
        var roughness = (1 - (0.8 * Math.Exp(-d / 50e3))) * _dh;
        var sigmaH = 0.78 * roughness * Math.Exp(-Math.Pow(roughness / 16, 0.25));
        var heights = _he[0] + _he[1];
        var sinPsi = heights / Math.Sqrt((d * d) + (heights * heights));
        var reflection = (sinPsi - _zg) / (sinPsi + _zg) * Math.Exp(-Math.Min(10, _k * sigmaH * sinPsi));
        var magnitude2 = (reflection.Real * reflection.Real) + (reflection.Imaginary * reflection.Imaginary);
        if (magnitude2 < 0.25 || magnitude2 < sinPsi)
        {
            reflection *= Math.Sqrt(sinPsi / magnitude2);
        }

        var diffraction = (_emd * d) + _aed;
        var phase = _k * _he[0] * _he[1] * 2 / d;
        if (phase > 1.57)
        {
            phase = 3.14 - (2.4649 / phase);
        }

        var sum = new Complex(Math.Cos(phase), -Math.Sin(phase)) + reflection;
        var twoRay = -4.343 * Math.Log((sum.Real * sum.Real) + (sum.Imaginary * sum.Imaginary));
        return ((twoRay - diffraction) * _wls) + diffraction;
    }

    /// <summary>§4.2 (adiff, d = 0): the terms of the diffraction loss that do not depend on distance.</summary>
    private void PrepareDiffraction()
    {
        var q = _hg[0] * _hg[1];
        var qk = (_he[0] * _he[1]) - q;
        // Point-to-point: the "C ≈ 10" of ERL 79-ITS 67 for low antennas on a known path.
        q += 10;
        _wd1 = Math.Sqrt(1 + (qk / q));
        _xd1 = _dla + (_tha / _gme);
        var roughness = (1 - (0.8 * Math.Exp(-_dlsa / 50e3))) * _dh;
        roughness *= 0.78 * Math.Exp(-Math.Pow(roughness / 16, 0.25));
        _afo = Math.Min(15, 2.171 * Math.Log(1 + (4.77e-4 * _hg[0] * _hg[1] * _k * roughness)));
        _qk = 1 / Complex.Abs(_zg);
        _aht = 20;
        _xht = 0;
        for (var j = 0; j < 2; j++)
        {
            var radius = 0.5 * _dl[j] * _dl[j] / _he[j];
            var wa = Math.Pow(radius * _k, 1.0 / 3);
            var pk = _qk / wa;
            var x = (1.607 - pk) * 151 * wa * _dl[j] / radius;
            _xht += x;
            _aht += HeightGain(x, pk);
        }
    }

    /// <summary>§4.2 (adiff): diffraction loss at distance <paramref name="d"/>, a blend of double knife-edge and smooth-earth (Vogler) diffraction plus the clutter term.</summary>
    private double Diffraction(double d)
    {
        var theta = _tha + (d * _gme);
        var beyond = d - _dla;
        var q = 0.0795775 * _k * beyond * theta * theta;
        var knifeEdge = FresnelKnifeEdge(q * _dl[0] / (beyond + _dl[0])) + FresnelKnifeEdge(q * _dl[1] / (beyond + _dl[1]));
        var radius = beyond / theta;
        var wa = Math.Pow(radius * _k, 1.0 / 3);
        var pk = _qk / wa;
        var x = ((1.607 - pk) * 151 * wa * theta) + _xht;
        var smoothEarth = (0.05751 * x) - (4.343 * Math.Log(x)) - _aht;
        q = (_wd1 + (_xd1 / d)) * Math.Min((1 - (0.8 * Math.Exp(-d / 50e3))) * _dh * _k, 6283.2);
        var weight = 25.1 / (25.1 + Math.Sqrt(q));
        return (smoothEarth * weight) + ((1 - weight) * knifeEdge) + _afo;
    }

    /// <summary>Knife-edge diffraction loss for v² (§6, A(v, 0)).</summary>
    private static double FresnelKnifeEdge(double v2) =>
        v2 < 5.76 ? 6.02 + (9.11 * Math.Sqrt(v2)) - (1.27 * v2) : 12.953 + (10 * Math.Log10(v2));

    /// <summary>The height-gain function F(x, K) of smooth-earth diffraction (§6).</summary>
    private static double HeightGain(double x, double pk)
    {
        if (x < 200)
        {
            var w = -Math.Log(pk);
            if (pk < 1e-5 || x * w * w * w > 5495)
            {
                return x > 1 ? (40 * Math.Log10(x)) - 117 : -117;
            }

            return (2.5e-5 * x * x / pk) - (8.686 * w) - 15;
        }

        var f = (0.05751 * x) - (10 * Math.Log10(x));
        if (x < 2000)
        {
            var w = 0.0134 * x * Math.Exp(-0.005 * x);
            f = ((1 - w) * f) + (w * ((40 * Math.Log10(x)) - 117));
        }

        return f;
    }

    /// <summary>§4.4 (ascat, d = 0): the terms of the scatter loss that do not depend on distance.</summary>
    private void PrepareScatter()
    {
        _ad = _dl[0] - _dl[1];
        _rr = _he[1] / _he[0];
        if (_ad < 0)
        {
            _ad = -_ad;
            _rr = 1 / _rr;
        }

        _etq = (((5.67e-6 * _ns) - 2.32e-3) * _ns) + 0.031;
        _h0s = -15;
    }

    /// <summary>§4.4 (ascat): forward-scatter loss at distance <paramref name="d"/>; 1001 where the model has no value.</summary>
    private double Scatter(double d)
    {
        double h0;
        if (_h0s > 15)
        {
            h0 = _h0s;
        }
        else
        {
            var th = _theta[0] + _theta[1] + (d * _gme);
            var r2 = 2 * _k * th;
            var r1 = r2 * _he[0];
            r2 *= _he[1];
            if (r1 < 0.2 && r2 < 0.2)
            {
                return 1001;
            }

            var ss = (d - _ad) / (d + _ad);
            var q = _rr / ss;
            ss = Math.Max(0.1, ss);
            q = Math.Min(Math.Max(0.1, q), 10);
            var z0 = (d - _ad) * (d + _ad) * th * 0.25 / d;
            var sixth = Math.Pow(Math.Min(1.7, z0 / 8e3), 6);
            var et = ((_etq * Math.Exp(-sixth)) + 1) * z0 / 1.7556e3;
            var ett = Math.Max(et, 1);
            h0 = (FrequencyGain(r1, ett) + FrequencyGain(r2, ett)) * 0.5;
            h0 += Math.Min(h0, (1.38 - Math.Log(ett)) * Math.Log(ss) * Math.Log(q) * 0.49);
            h0 = Dim(h0, 0);
            if (et < 1)
            {
                var t = (1 + (1.4142 / r1)) * (1 + (1.4142 / r2));
                h0 = (et * h0) + ((1 - et) * 4.343 * Math.Log(t * t * (r1 + r2) / (r1 + r2 + 2.8284)));
            }

            if (h0 > 15 && _h0s >= 0)
            {
                h0 = _h0s;
            }
        }

        _h0s = h0;
        var angle = _tha + (d * _gme);
        return AttenuationFunction(angle * d) + (4.343 * Math.Log(47.7 * _k * angle * angle * angle * angle)) - (0.1 * (_ns - 301) * Math.Exp(-angle * d / 40e3)) + h0;
    }

    /// <summary>The frequency gain function H0(r, ηs) of troposcatter (§6), interpolated between the curves for whole ηs 1–5.</summary>
    private static double FrequencyGain(double r, double et)
    {
        ReadOnlySpan<double> a = [25, 80, 177, 395, 705];
        ReadOnlySpan<double> b = [24, 45, 68, 80, 105];
        var it = (int)et;
        double q;
        if (it <= 0)
        {
            it = 1;
            q = 0;
        }
        else if (it >= 5)
        {
            it = 5;
            q = 0;
        }
        else
        {
            q = et - it;
        }

        var x = 1 / (r * r);
        var h = 4.343 * Math.Log((((a[it - 1] * x) + b[it - 1]) * x) + 1);
        if (q != 0)
        {
            h = ((1 - q) * h) + (q * 4.343 * Math.Log((((a[it] * x) + b[it]) * x) + 1));
        }

        return h;
    }

    /// <summary>The attenuation function F(θd) of troposcatter (§6).</summary>
    private static double AttenuationFunction(double td)
    {
        var i = td <= 10e3 ? 0 : td <= 70e3 ? 1 : 2;
        ReadOnlySpan<double> a = [133.4, 104.6, 71.8];
        ReadOnlySpan<double> b = [0.332e-3, 0.212e-3, 0.157e-3];
        ReadOnlySpan<double> c = [-4.343, -1.086, 2.171];
        return a[i] + (b[i] * td) + (c[i] * Math.Log(td));
    }

    /// <summary>§5 (avar): the attenuation not exceeded at the requested time, location and situation percentages.</summary>
    private double Variability(double reference)
    {
        var climate = (int)_p.Climate - 1;
        var kind = (int)_p.VariabilityMode;
        var dexa = Math.Sqrt(18e6 * _he[0]) + Math.Sqrt(18e6 * _he[1]) + Math.Pow(575.7e12 / _k, 1.0 / 3);
        var de = _distance < dexa ? 130e3 * _distance / dexa : 130e3 + _distance - dexa;
        var logK = Math.Log(0.133 * _k);
        var gm = FrequencyGainMinus[0][climate] + (FrequencyGainMinus[1][climate] / (Square(FrequencyGainMinus[2][climate] * logK) + 1));
        var gp = FrequencyGainPlus[0][climate] + (FrequencyGainPlus[1][climate] / (Square(FrequencyGainPlus[2][climate] * logK) + 1));
        var median = Curve(MedianCurve, climate, de);
        var sigmaMinus = Curve(SigmaMinusCurve, climate, de) * gm;
        var sigmaPlus = Curve(SigmaPlusCurve, climate, de) * gp;
        var sigmaDucting = sigmaPlus * DuctingSigmaRatio[climate];
        var zd = DuctingDeviate[climate];
        var tgtd = (sigmaPlus - sigmaDucting) * zd;
        double sigmaLocation = 0;
        if (!_p.EliminateLocationVariability)
        {
            var q = (1 - (0.8 * Math.Exp(-_distance / 50e3))) * _dh * _k;
            sigmaLocation = 10 * q / (q + 13);
        }

        var sigmaSituation2 = _p.EliminateSituationVariability ? 0 : Square(5 + (3 * Math.Exp(-de / 100e3)));
        var zt = InverseComplementaryNormal(_p.TimePct / 100);
        var zl = InverseComplementaryNormal(_p.LocationPct / 100);
        var zc = InverseComplementaryNormal(_p.SituationPct / 100);
        switch (kind)
        {
            case 0:
                zt = zc;
                zl = zc;
                break;
            case 1:
                zl = zc;
                break;
            case 2:
                zl = zt;
                break;
        }

        if (Math.Abs(zt) > 3.1 || Math.Abs(zl) > 3.1 || Math.Abs(zc) > 3.1)
        {
            Warn(1, ItmWarnings.ExtremeVariability);
        }

        var sigmaTime = zt < 0 ? sigmaMinus : zt <= zd ? sigmaPlus : sigmaDucting + (tgtd / zt);
        var vs = sigmaSituation2 + (Square(sigmaTime * zt) / (7.8 + (zc * zc))) + (Square(sigmaLocation * zl) / (24 + (zc * zc)));
        double yr, sgc;
        switch (kind)
        {
            case 0:
                yr = 0;
                sgc = Math.Sqrt((sigmaTime * sigmaTime) + (sigmaLocation * sigmaLocation) + vs);
                break;
            case 1:
                yr = sigmaTime * zt;
                sgc = Math.Sqrt((sigmaLocation * sigmaLocation) + vs);
                break;
            case 2:
                yr = Math.Sqrt((sigmaTime * sigmaTime) + (sigmaLocation * sigmaLocation)) * zt;
                sgc = Math.Sqrt(vs);
                break;
            default:
                yr = (sigmaTime * zt) + (sigmaLocation * zl);
                sgc = Math.Sqrt(vs);
                break;
        }

        var attenuation = reference - median - yr - (sgc * zc);
        // Negative attenuations (gains over free space) are compressed towards zero (§5).
        return attenuation < 0 ? attenuation * (29 - attenuation) / (29 - (10 * attenuation)) : attenuation;
    }

    private static double Curve(double[][] c, int climate, double de)
    {
        var x = de / c[2][climate];
        var y = (de - c[3][climate]) / c[4][climate];
        return (c[0][climate] + (c[1][climate] / (1 + (y * y)))) * (x * x) / (1 + (x * x));
    }

    private static double Square(double x) => x * x;
}
