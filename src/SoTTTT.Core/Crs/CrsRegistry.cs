using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SoTTTT.Core.Crs;

/// <summary>Parses CRS names of the output contract (PRODUCT.md) into <see cref="CrsDefinition"/>s.</summary>
public static partial class CrsRegistry
{
    /// <summary>Scale factor k0 on the central meridian of a VN-2000 TM-3 zone.</summary>
    public const double Tm3ScaleFactor = 0.9999;

    /// <summary>Scale factor k0 on the central meridian of a UTM zone.</summary>
    public const double UtmScaleFactor = 0.9996;

    /// <summary>False easting of every VN-2000 zone, metres.</summary>
    public const double FalseEastingM = 500_000;

    /// <summary>Text listing every accepted form, used in error messages.</summary>
    public const string AcceptedForms =
        "WGS84 or EPSG:4326; VN2000 (geographic, EPSG:4756); VN2000:<central meridian> for a TM-3 zone " +
        "(k0 0.9999), e.g. VN2000:105.5, VN2000:105°30', VN2000:105d30 or VN2000:105-30; VN2000:UTM48 or " +
        "VN2000:UTM49 (k0 0.9996); the EPSG codes 4756, 3405, 3406, 5896–5899 and 9205–9218, with or without " +
        "'EPSG:'; or a province name for its TM-3 zone, with or without diacritics, e.g. 'Hải Dương' or 'hai duong'";

    private static readonly CrsDefinition Wgs84Definition = new("WGS84", true, false, null, null, 0, 4326);

    private static readonly CrsDefinition Vn2000Definition = new("VN2000", true, true, null, null, 0, 4756);

    private static readonly CrsDefinition Utm48Definition = new("VN2000:UTM48", false, true, 105, UtmScaleFactor, FalseEastingM, 3405);

    private static readonly CrsDefinition Utm49Definition = new("VN2000:UTM49", false, true, 111, UtmScaleFactor, FalseEastingM, 3406);

    // EPSG codes of the VN-2000 TM-3 CRSs (EPSG dataset; 9205–9218 in ascending code order).
    private static readonly Dictionary<int, double> Tm3CentralMeridianByEpsg = new()
    {
        [5896] = 102,
        [5897] = 105,
        [5898] = 108,
        [5899] = 107.75,
        [9205] = 103,
        [9206] = 104,
        [9207] = 104.5,
        [9208] = 104.75,
        [9209] = 105.5,
        [9210] = 105.75,
        [9211] = 106,
        [9212] = 106.25,
        [9213] = 106.5,
        [9214] = 107,
        [9215] = 107.25,
        [9216] = 107.5,
        [9217] = 108.25,
        [9218] = 108.5,
    };

    private static readonly Dictionary<double, int> Tm3EpsgByCentralMeridian =
        Tm3CentralMeridianByEpsg.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>WGS84 lon/lat (EPSG:4326).</summary>
    public static CrsDefinition Wgs84 => Wgs84Definition;

    /// <summary>VN-2000 geographic lon/lat (EPSG:4756).</summary>
    public static CrsDefinition Vn2000 => Vn2000Definition;

    /// <summary>VN-2000 / UTM zone 48N (EPSG:3405): central meridian 105°E, k0 0.9996, false easting 500 km.</summary>
    public static CrsDefinition Utm48 => Utm48Definition;

    /// <summary>VN-2000 / UTM zone 49N (EPSG:3406): central meridian 111°E, k0 0.9996, false easting 500 km.</summary>
    public static CrsDefinition Utm49 => Utm49Definition;

    /// <summary>
    /// Accepts <c>WGS84</c>, <c>EPSG:4326</c>, <c>VN2000</c> (geographic), <c>VN2000:105.5</c> or
    /// <c>VN2000:105°30'</c> (TM-3, k0 0.9999), <c>VN2000:UTM48</c>/<c>UTM49</c> (k0 0.9996), the VN-2000 EPSG
    /// codes (4756, 3405, 3406, 5896–5899, 9205–9218), and a province name (its TM-3 zone).
    /// Case-insensitive; spaces are ignored.
    /// </summary>
    /// <param name="error">On failure, a message naming the input and listing <see cref="AcceptedForms"/>.</param>
    public static bool TryParse(string text, [NotNullWhen(true)] out CrsDefinition? crs, [NotNullWhen(false)] out string? error)
    {
        string? problem = null;
        crs = text is null ? null : ParseCore(text, out problem);
        if (crs is not null)
        {
            error = null;
            return true;
        }

        error = $"Unknown coordinate reference system '{text}'{(problem is null ? "" : $" ({problem})")}. Accepted: {AcceptedForms}.";
        return false;
    }

    /// <summary>As <see cref="TryParse"/>, throwing <see cref="ArgumentException"/> on an unknown name.</summary>
    public static CrsDefinition Parse(string text) =>
        TryParse(text, out var crs, out var error) ? crs : throw new ArgumentException(error, nameof(text));

    /// <summary>The VN-2000 TM-3 zone (k0 0.9999, false easting 500 km) with the given central meridian.</summary>
    /// <param name="centralMeridianDeg">Central meridian in decimal degrees east, 0–180.</param>
    /// <exception cref="ArgumentOutOfRangeException">The meridian is not a finite value in 0–180.</exception>
    public static CrsDefinition Tm3(double centralMeridianDeg)
    {
        if (!IsValidCentralMeridian(centralMeridianDeg))
        {
            throw new ArgumentOutOfRangeException(nameof(centralMeridianDeg), centralMeridianDeg, "A central meridian must lie in 0–180°E.");
        }

        return new CrsDefinition(
            $"VN2000:{centralMeridianDeg.ToString(CultureInfo.InvariantCulture)}",
            IsGeographic: false,
            IsVn2000: true,
            centralMeridianDeg,
            Tm3ScaleFactor,
            FalseEastingM,
            Tm3EpsgByCentralMeridian.TryGetValue(centralMeridianDeg, out var epsg) ? epsg : null);
    }

    /// <summary>
    /// The TM-3 zone of the national table (<see cref="VnProvinceZones.CentralMeridiansDeg"/>) whose central
    /// meridian is nearest to a longitude; on a tie, the western zone.
    /// </summary>
    /// <param name="longitudeDeg">Longitude in decimal degrees east.</param>
    public static CrsDefinition Tm3NearestTo(double longitudeDeg)
    {
        if (!double.IsFinite(longitudeDeg))
        {
            throw new ArgumentOutOfRangeException(nameof(longitudeDeg), longitudeDeg, "The longitude must be finite.");
        }

        var best = VnProvinceZones.CentralMeridiansDeg[0];
        foreach (var cm in VnProvinceZones.CentralMeridiansDeg)
        {
            if (Math.Abs(cm - longitudeDeg) < Math.Abs(best - longitudeDeg))
            {
                best = cm;
            }
        }

        return Tm3(best);
    }

    /// <summary>
    /// WGS 84 / UTM zone <paramref name="zone"/>N (EPSG 32601–32660; central meridian 6·zone − 183°, k0 0.9996, false
    /// easting 500 km), the CRS of many public DEMs and rasters. It is for reading and writing rasters (GeoTIFF): it is
    /// not one of the dataset CRS names <see cref="Parse"/> accepts, and its <see cref="CrsDefinition.Name"/>
    /// (<c>WGS84:UTM48N</c>) does not parse.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The zone is not 1–60.</exception>
    public static CrsDefinition Wgs84Utm(int zone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(zone, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(zone, 60);
        return new CrsDefinition($"WGS84:UTM{zone}N", false, false, (6 * zone) - 183, UtmScaleFactor, FalseEastingM, 32600 + zone);
    }

    /// <summary>The CRS with an EPSG code of the VN-2000 family (or 4326), or null for any other code.</summary>
    public static CrsDefinition? FromEpsg(int code) => code switch
    {
        4326 => Wgs84,
        4756 => Vn2000,
        3405 => Utm48,
        3406 => Utm49,
        _ => Tm3CentralMeridianByEpsg.TryGetValue(code, out var cm) ? Tm3(cm) : null,
    };

    private static CrsDefinition? ParseCore(string text, out string? problem)
    {
        problem = null;
        var compact = WhitespaceRegex().Replace(text, "").ToUpperInvariant();
        switch (compact)
        {
            case "WGS84" or "WGS-84":
                return Wgs84;
            case "VN2000" or "VN-2000":
                return Vn2000;
            case "":
                problem = "empty name";
                return null;
        }

        var code = compact.StartsWith("EPSG:", StringComparison.Ordinal) ? compact[5..] : compact;
        if (code.Length > 0 && code.All(char.IsAsciiDigit))
        {
            var crs = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var epsg) ? FromEpsg(epsg) : null;
            problem = crs is null ? $"EPSG:{code} is not a VN-2000 or WGS84 CRS SoTTTT knows" : null;
            return crs;
        }

        var zone = Vn2000PrefixRegex().Match(compact) is { Success: true } prefixed ? prefixed.Groups["zone"].Value : null;
        if (zone is null)
        {
            return Province(compact, ref problem);
        }

        switch (zone)
        {
            case "UTM48" or "UTM48N":
                return Utm48;
            case "UTM49" or "UTM49N":
                return Utm49;
        }

        if (TryParseAngle(zone, out var centralMeridianDeg, out problem))
        {
            return IsValidCentralMeridian(centralMeridianDeg) ? Tm3(centralMeridianDeg) : null;
        }

        return problem is null ? Province(zone, ref problem) : null;
    }

    private static CrsDefinition? Province(string name, ref string? problem)
    {
        if (VnProvinceZones.TryFind(name, out var province))
        {
            return Tm3(province.CentralMeridianDeg);
        }

        problem ??= "not a known name, EPSG code, central meridian or province";
        return null;
    }

    // Decimal degrees (105.5) or degrees and minutes, optionally seconds (105°30', 105°30′, 105d30, 105-30).
    private static bool TryParseAngle(string text, out double degrees, out string? problem)
    {
        degrees = double.NaN;
        problem = null;
        if (DecimalDegreesRegex().IsMatch(text))
        {
            degrees = double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }
        else if (DegreesMinutesRegex().Match(text) is { Success: true } match)
        {
            var minutes = Number(match.Groups["m"]);
            var seconds = Number(match.Groups["s"]);
            if (minutes >= 60 || seconds >= 60)
            {
                problem = "minutes and seconds must be below 60";
                return false;
            }

            degrees = Number(match.Groups["d"]) + (minutes / 60) + (seconds / 3600);
        }
        else
        {
            return false;
        }

        if (!IsValidCentralMeridian(degrees))
        {
            problem = "a central meridian must lie in 0–180°E";
        }

        return true;

        static double Number(Group group) =>
            group.Success ? double.Parse(group.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 0;
    }

    private static bool IsValidCentralMeridian(double degrees) => double.IsFinite(degrees) && degrees is >= 0 and <= 180;

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"^VN-?2000:(?<zone>.+)$")]
    private static partial Regex Vn2000PrefixRegex();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]+)?$")]
    private static partial Regex DecimalDegreesRegex();

    [GeneratedRegex(@"^(?<d>[0-9]{1,3})(°|º|˚|D|-)((?<m>[0-9]{1,2}(\.[0-9]+)?)(('|′|’|M)((?<s>[0-9]{1,2}(\.[0-9]+)?)(""|″|''|′′|S)?)?)?)?$")]
    private static partial Regex DegreesMinutesRegex();
}
