namespace SoTTTT.Core.Validation;

/// <summary>Stable codes of input problems. Tests and other tools match on these, never on messages.</summary>
public static class ProblemCodes
{
    public const string EncodingNotUtf8 = "ENCODING_NOT_UTF8";
    public const string InvalidJson = "INVALID_JSON";

    /// <summary>A GeoJSON feature or geometry not shaped as RFC 7946 says (a feature that is not an object, a geometry without type, coordinates that are not finite numbers, a one-point LineString, an unclosed ring).</summary>
    public const string InvalidGeoJson = "INVALID_GEOJSON";
    public const string MissingRequiredField = "MISSING_REQUIRED_FIELD";
    public const string UnknownCrs = "UNKNOWN_CRS";
    public const string MissingRequiredColumn = "MISSING_REQUIRED_COLUMN";
    public const string MissingPositionColumns = "MISSING_POSITION_COLUMNS";
    public const string RowLength = "ROW_LENGTH";
    public const string DuplicateLayer = "DUPLICATE_LAYER";
    public const string DuplicateColumn = "DUPLICATE_COLUMN";
    public const string MissingValue = "MISSING_VALUE";
    public const string UnparsableNumber = "UNPARSABLE_NUMBER";
    public const string ValueOutOfRange = "VALUE_OUT_OF_RANGE";
    public const string CoordinateOutsideVietnam = "COORDINATE_OUTSIDE_VIETNAM";
    public const string LatLonSwapped = "LAT_LON_SWAPPED";
    public const string MetresWhereDegreesExpected = "METRES_WHERE_DEGREES_EXPECTED";
    public const string DegreesWhereMetresExpected = "DEGREES_WHERE_METRES_EXPECTED";
    public const string XySwapped = "X_Y_SWAPPED";
    public const string DuplicateId = "DUPLICATE_ID";
    public const string UnknownOperator = "UNKNOWN_OPERATOR";
    public const string UnknownTech = "UNKNOWN_TECH";
    public const string UnknownTowerType = "UNKNOWN_TOWER_TYPE";
    public const string UnknownPostalKind = "UNKNOWN_POSTAL_KIND";
    public const string UnknownLevel = "UNKNOWN_LEVEL";
    public const string UnknownValue = "UNKNOWN_VALUE";
    public const string MissingParent = "MISSING_PARENT";
    public const string ParentLevelMismatch = "PARENT_LEVEL_MISMATCH";
    public const string MissingTower = "MISSING_TOWER";

    /// <summary>dataset.json names a file (rules, DEM) outside the dataset folder, after resolving symbolic links.</summary>
    public const string FileOutsideDataset = "FILE_OUTSIDE_DATASET";

    /// <summary>A path names a directory, device, FIFO or socket where a file is to be read.</summary>
    public const string NotARegularFile = "NOT_A_REGULAR_FILE";

    /// <summary>A file is larger than SoTTTT reads for its kind (README "Limits").</summary>
    public const string FileTooLarge = "FILE_TOO_LARGE";

    /// <summary>A cell of a CSV file is longer than SoTTTT reads (README "Limits").</summary>
    public const string CellTooLarge = "CELL_TOO_LARGE";

    /// <summary>A BTS stands farther than the co-location distance (rules.json <c>co_location_m</c>) from the tower it names.</summary>
    public const string BtsFarFromTower = "BTS_FAR_FROM_TOWER";
    public const string MissingAdminUnit = "MISSING_ADMIN_UNIT";
    public const string UnparsableWkt = "UNPARSABLE_WKT";
    public const string WrongGeometryType = "WRONG_GEOMETRY_TYPE";
    public const string InvalidPolygon = "INVALID_POLYGON";
    public const string UnknownModel = "UNKNOWN_MODEL";
    public const string UnknownEnvironment = "UNKNOWN_ENV";
    public const string OutsideModelValidity = "OUTSIDE_MODEL_VALIDITY";
    public const string ConflictingOptions = "CONFLICTING_OPTIONS";

    /// <summary>A GeoPackage cannot be opened or a database cannot be reached (the message says why).</summary>
    public const string SourceUnavailable = "SOURCE_UNAVAILABLE";

    // Warnings (notices): the data load, but these are probably wrong. Issue 11.

    /// <summary>Many points of a layer on one coordinate (placeholders, a geocoder's default).</summary>
    public const string StackedPositions = "STACKED_POSITIONS";

    /// <summary>Points with different ids closer than 1 m.</summary>
    public const string NearDuplicatePositions = "NEAR_DUPLICATE_POSITIONS";

    /// <summary>Both coordinates whole degrees, e.g. (105, 9): a placeholder.</summary>
    public const string RoundDegreePositions = "ROUND_DEGREE_POSITIONS";

    /// <summary>Fewer than 3 decimals of a degree: uncertain by more than 100 m.</summary>
    public const string LowPrecisionCoordinates = "LOW_PRECISION_COORDINATES";

    /// <summary>Data more than 1.5° from the analysis CRS's central meridian.</summary>
    public const string FarFromCentralMeridian = "FAR_FROM_CENTRAL_MERIDIAN";

    /// <summary>Child units whose polygons' areas add up to more or less than their parent's by over 1 % of it.</summary>
    public const string ChildrenAreaMismatch = "CHILDREN_AREA_MISMATCH";

    /// <summary>A DEM file cannot be read at all: missing, not a TIFF, truncated or corrupt (the message names the file and why).</summary>
    public const string DemUnreadable = "DEM_UNREADABLE";

    /// <summary>A DEM file is a TIFF with content SoTTTT does not read (the message names the file and the TIFF or GeoTIFF tag/key).</summary>
    public const string DemUnsupported = "DEM_UNSUPPORTED";

    /// <summary>A DEM file carries no usable georeferencing: no pixel scale and tie point or transformation, or no CRS keys.</summary>
    public const string DemNoCrs = "DEM_NO_CRS";

    /// <summary>A terrain profile touches a DEM pixel without data (no-data value): the elevation there is unknown.</summary>
    public const string DemNoData = "DEM_NO_DATA";

    /// <summary>A terrain profile leaves the DEM's extent.</summary>
    public const string DemOutsideExtent = "DEM_OUTSIDE_EXTENT";
}
