using SoTTTT.Core.Model;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Checks references between layers: parent units, commune and admin codes, declared towers, and that a BTS
/// stands within the co-location distance of the tower it names.
/// </summary>
internal static class CrossReferences
{
    public static void Check(
        (RawRow Row, AdminUnit? Item)[] admin,
        (RawRow Row, Settlement? Item)[] settlements,
        (RawRow Row, Tower? Item)[] towers,
        (RawRow Row, Bts? Item)[] bts,
        (RawRow Row, PostalPoint? Item)[] postal,
        Dictionary<string, RawTable> tables,
        double coLocationM,
        ProblemCollector problems,
        Core.Crs.CoordinateTransformer toLonLat)
    {
        var units = new Dictionary<string, AdminUnit>(StringComparer.Ordinal);
        foreach (var (_, unit) in admin)
        {
            if (unit is not null)
            {
                units.TryAdd(unit.Code, unit);
            }
        }

        foreach (var (row, unit) in admin)
        {
            if (unit?.ParentCode is not { } parentCode)
            {
                continue;
            }

            var table = tables[LayerSchema.AdminUnits.Layer];
            if (!units.TryGetValue(parentCode, out var parent))
            {
                Add(problems, table, row, "parent_code", unit.Code, ProblemCodes.MissingParent, $"parent unit '{parentCode}' is not in admin_units");
            }
            else if (parent.Level >= unit.Level)
            {
                Add(problems, table, row, "parent_code", unit.Code, ProblemCodes.ParentLevelMismatch, $"a {Codes.Key(unit.Level)} cannot belong to the {Codes.Key(parent.Level)} '{parentCode}'");
            }
        }

        var hasAdmin = tables.ContainsKey(LayerSchema.AdminUnits.Layer);
        foreach (var (row, s) in settlements)
        {
            if (s?.CommuneCode is { } code && hasAdmin && !units.ContainsKey(code))
            {
                Add(problems, tables[LayerSchema.Settlements.Layer], row, "commune_code", s.Id, ProblemCodes.MissingAdminUnit, $"commune '{code}' is not in admin_units");
            }
        }

        foreach (var (row, p) in postal)
        {
            if (p?.AdminCode is { } code && hasAdmin && !units.ContainsKey(code))
            {
                Add(problems, tables[LayerSchema.PostalPoints.Layer], row, "admin_code", p.Id, ProblemCodes.MissingAdminUnit, $"unit '{code}' is not in admin_units");
            }
        }

        var towerById = new Dictionary<string, Tower>(StringComparer.Ordinal);
        foreach (var (_, tower) in towers)
        {
            if (tower is not null)
            {
                towerById.TryAdd(tower.Id, tower);
            }
        }

        var hasTowers = tables.ContainsKey(LayerSchema.Towers.Layer);
        foreach (var (row, b) in bts)
        {
            if (b?.TowerId is not { } towerId)
            {
                continue;
            }

            if (!towerById.TryGetValue(towerId, out var tower))
            {
                var why = hasTowers ? $"tower '{towerId}' is not in towers" : $"tower '{towerId}' is named but the dataset has no towers.csv";
                Add(problems, tables[LayerSchema.Bts.Layer], row, "tower_id", b.Id, ProblemCodes.MissingTower, why);
            }
            else if (b.Location.Distance(tower.Location) is var d && d > coLocationM)
            {
                Add(
                    problems,
                    tables[LayerSchema.Bts.Layer],
                    row,
                    "tower_id",
                    b.Id,
                    ProblemCodes.BtsFarFromTower,
                    $"the BTS at {LonLat(toLonLat, b.Location)} stands {d:0.#} m from its tower '{towerId}' at {LonLat(toLonLat, tower.Location)}, more than the co-location distance of {coLocationM:0.#} m (rules.json co_location_m): wrong tower_id or wrong position");
            }
        }
    }

    /// <summary>
    /// A layer's <c>commune_code</c> must name a commune of admin_units (<c>MISSING_ADMIN_UNIT</c> when no unit has the
    /// code, <c>PARENT_LEVEL_MISMATCH</c> when the unit is not a commune); unchecked without admin_units.
    /// </summary>
    public static void CheckCommuneCodes<T>(
        (RawRow Row, AdminUnit? Item)[] admin,
        (RawRow Row, T? Item)[] rows,
        LayerSchema schema,
        Func<T, string?> code,
        Func<T, string> id,
        Dictionary<string, RawTable> tables,
        ProblemCollector problems)
        where T : class
    {
        if (!tables.ContainsKey(LayerSchema.AdminUnits.Layer) || !tables.TryGetValue(schema.Layer, out var table))
        {
            return;
        }

        var units = new Dictionary<string, AdminUnit>(StringComparer.Ordinal);
        foreach (var (_, unit) in admin)
        {
            if (unit is not null)
            {
                units.TryAdd(unit.Code, unit);
            }
        }

        foreach (var (row, item) in rows)
        {
            if (item is null || code(item) is not { } c)
            {
                continue;
            }

            if (!units.TryGetValue(c, out var unit))
            {
                Add(problems, table, row, "commune_code", id(item), ProblemCodes.MissingAdminUnit, $"commune '{c}' is not in admin_units");
            }
            else if (unit.Level != AdminLevel.Commune)
            {
                Add(problems, table, row, "commune_code", id(item), ProblemCodes.ParentLevelMismatch, $"'{c}' is a {Codes.Key(unit.Level)}, not a commune");
            }
        }
    }

    /// <summary>
    /// Every subscriber count's <c>unit_code</c> must name a unit of admin_units (<c>MISSING_ADMIN_UNIT</c>); without
    /// admin_units the counts cannot be placed, which is one problem for the file.
    /// </summary>
    public static void CheckUnitCodes((RawRow Row, AdminUnit? Item)[] admin, (RawRow Row, SubscriberCount? Item)[] counts, Dictionary<string, RawTable> tables, ProblemCollector problems)
    {
        if (!tables.TryGetValue(LayerSchema.Subscribers.Layer, out var table) || counts.Length == 0)
        {
            return;
        }

        if (!tables.ContainsKey(LayerSchema.AdminUnits.Layer))
        {
            problems.Add(ProblemCodes.MissingAdminUnit, "subscriber counts are given per unit_code, but the dataset has no admin_units to place them in", table.FileName);
            return;
        }

        var codes = admin.Where(a => a.Item is not null).Select(a => a.Item!.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (row, count) in counts)
        {
            if (count is not null && !codes.Contains(count.UnitCode))
            {
                Add(problems, table, row, "unit_code", count.UnitCode, ProblemCodes.MissingAdminUnit, $"unit '{count.UnitCode}' is not in admin_units");
            }
        }
    }

    private static string LonLat(Core.Crs.CoordinateTransformer toLonLat, NetTopologySuite.Geometries.Point p)
    {
        var (lon, lat) = toLonLat.Transform(p.X, p.Y);
        return $"lon {lon:0.000000}, lat {lat:0.000000}";
    }

    private static void Add(ProblemCollector problems, RawTable table, RawRow row, string column, string id, string code, string message) =>
        problems.Add(code, message, table.FileOf(row), row.Row, table.ColumnOf(row, column), id);
}
