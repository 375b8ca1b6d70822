using BitMiracle.LibTiff.Classic;

namespace SoTTTT.IO.Terrain;

/// <summary>
/// The GeoTIFF tags and keys SoTTTT reads and writes (OGC GeoTIFF Standard 1.1, OGC 19-008r4, §7 and Annex B;
/// GDAL's private GDAL_NODATA tag), registered with LibTiff.NET once per process so that it reads and writes them
/// as known fields. LibTiff.NET reports problems through a process-wide handler; this one keeps them per thread for
/// the reader and writer to turn into coded problems instead of console output.
/// </summary>
internal static class GeoTiffTags
{
    public const TiffTag ModelPixelScale = (TiffTag)33550;
    public const TiffTag ModelTiepoint = (TiffTag)33922;
    public const TiffTag ModelTransformation = (TiffTag)34264;
    public const TiffTag GeoKeyDirectory = (TiffTag)34735;
    public const TiffTag GeoDoubleParams = (TiffTag)34736;
    public const TiffTag GeoAsciiParams = (TiffTag)34737;
    public const TiffTag GdalMetadata = (TiffTag)42112;
    public const TiffTag GdalNoData = (TiffTag)42113;

    // GeoKey ids (OGC 19-008r4, Annex B).
    public const ushort GTModelTypeGeoKey = 1024;
    public const ushort GTRasterTypeGeoKey = 1025;
    public const ushort GTCitationGeoKey = 1026;
    public const ushort GeographicTypeGeoKey = 2048;
    public const ushort GeogCitationGeoKey = 2049;
    public const ushort GeogGeodeticDatumGeoKey = 2050;
    public const ushort GeogAngularUnitsGeoKey = 2054;
    public const ushort GeogEllipsoidGeoKey = 2056;
    public const ushort GeogSemiMajorAxisGeoKey = 2057;
    public const ushort GeogInvFlatteningGeoKey = 2059;
    public const ushort GeogTOWGS84GeoKey = 2062;
    public const ushort ProjectedCSTypeGeoKey = 3072;
    public const ushort ProjectionGeoKey = 3074;
    public const ushort ProjCoordTransGeoKey = 3075;
    public const ushort ProjLinearUnitsGeoKey = 3076;
    public const ushort ProjNatOriginLongGeoKey = 3080;
    public const ushort ProjNatOriginLatGeoKey = 3081;
    public const ushort ProjFalseEastingGeoKey = 3082;
    public const ushort ProjFalseNorthingGeoKey = 3083;
    public const ushort ProjCenterLongGeoKey = 3088;
    public const ushort ProjScaleAtNatOriginGeoKey = 3092;
    public const ushort VerticalUnitsGeoKey = 4099;

    // Key values.
    public const ushort ModelTypeProjected = 1;
    public const ushort ModelTypeGeographic = 2;
    public const ushort RasterPixelIsArea = 1;
    public const ushort RasterPixelIsPoint = 2;
    public const ushort UserDefined = 32767;
    public const ushort TransverseMercator = 1;
    public const ushort LinearMetre = 9001;
    public const ushort AngularDegree = 9102;
    public const ushort DatumWgs84 = 6326;
    public const ushort DatumVn2000 = 6756;
    public const ushort EllipsoidWgs84 = 7030;

    [ThreadStatic]
    private static List<string>? _messages;

    private static readonly TiffFieldInfo[] Fields =
    [
        new(ModelPixelScale, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelPixelScaleTag"),
        new(ModelTiepoint, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTiepointTag"),
        new(ModelTransformation, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTransformationTag"),
        new(GeoKeyDirectory, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.SHORT, FieldBit.Custom, true, true, "GeoKeyDirectoryTag"),
        new(GeoDoubleParams, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "GeoDoubleParamsTag"),
        new(GeoAsciiParams, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.ASCII, FieldBit.Custom, true, false, "GeoAsciiParamsTag"),
        new(GdalMetadata, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.ASCII, FieldBit.Custom, true, false, "GDAL_METADATA"),
        new(GdalNoData, TiffFieldInfo.Variable, TiffFieldInfo.Variable, TiffType.ASCII, FieldBit.Custom, true, false, "GDAL_NODATA"),
    ];

    private static readonly object Gate = new();
    private static Tiff.TiffExtendProc? _parent;
    private static bool _registered;

    /// <summary>Registers the tags and the message handler (idempotent, thread-safe).</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            _parent = Tiff.SetTagExtender(Extend);
            Tiff.SetErrorHandler(new CollectingHandler());
            _registered = true;
        }
    }

    /// <summary>Starts collecting LibTiff.NET's messages on this thread.</summary>
    public static void BeginMessages() => _messages = [];

    /// <summary>The messages collected on this thread since <see cref="BeginMessages"/>, and stops collecting.</summary>
    public static IReadOnlyList<string> EndMessages()
    {
        var messages = _messages ?? [];
        _messages = null;
        return messages;
    }

    /// <summary>The tag as people read it: <c>ModelPixelScaleTag (33550)</c>.</summary>
    public static string Name(TiffTag tag)
    {
        var known = Fields.FirstOrDefault(f => f.Tag == tag)?.Name ?? tag.ToString();
        return $"{known} ({(int)tag})";
    }

    private static void Extend(Tiff tif)
    {
        tif.MergeFieldInfo(Fields, Fields.Length);
        _parent?.Invoke(tif);
    }

    private sealed class CollectingHandler : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) => Add("error", method, format, args);

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }

        public override void WarningHandler(Tiff tif, string method, string format, params object[] args) => Add("warning", method, format, args);

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }

        private static void Add(string kind, string method, string format, object[] args)
        {
            string text;
            try
            {
                text = args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
            }
            catch (FormatException)
            {
                text = format;
            }

            _messages?.Add($"{kind} in {method}: {text}");
        }
    }
}
