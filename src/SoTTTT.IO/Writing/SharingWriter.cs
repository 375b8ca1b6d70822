using System.Text.Json;
using SoTTTT.Core.Model;
using SoTTTT.Core.Sharing;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Deterministic CSV and JSON renderings of a <see cref="SharingResult"/> (invariant culture, fixed decimals, <c>\n</c>;
/// lists sorted by id). README "sharing" lists the files, columns and keys.
/// </summary>
public static class SharingWriter
{
    private static readonly (string Name, Func<SharingRow, string> Cell)[] UnitColumns =
    [
        ("code", r => r.Code),
        ("name", r => r.Name),
        ("level", r => Codes.Key(r.Level)),
        ("operator", r => r.Operator ?? "all"),
        ("tower_positions", r => CsvOutput.Int(r.TowerPositions)),
        ("bts", r => CsvOutput.Int(r.Bts)),
        ("bts_per_position", r => CsvOutput.Fixed(r.BtsPerPosition, 2)),
        ("shared_positions", r => CsvOutput.Int(r.SharedPositions)),
        ("sharing_rate_pct", r => CsvOutput.Fixed(r.SharingRatePct, 1)),
        ("spare_slots", r => CsvOutput.Int(r.SpareSlots)),
    ];

    private static readonly (string Name, Func<MissedSharingPair, string> Cell)[] MissedColumns =
    [
        ("position_a", p => p.PositionA),
        ("operator_a", p => p.OperatorA),
        ("position_b", p => p.PositionB),
        ("operator_b", p => p.OperatorB),
        ("distance_m", p => CsvOutput.Fixed(p.DistanceM, 1)),
        ("limit_m", p => CsvOutput.Fixed(p.LimitM, 0)),
        ("urban", p => CsvOutput.Flag(p.Urban)),
        ("unit_code", p => p.UnitCode ?? string.Empty),
    ];

    private static readonly (string Name, Func<TowerCapacity, string> Cell)[] CapacityColumns =
    [
        ("tower_id", c => c.TowerId),
        ("type", c => c.Type ?? string.Empty),
        ("tenants", c => CsvOutput.Int(c.Tenants)),
        ("max_tenants", c => CsvOutput.Int(c.MaxTenants)),
        ("spare", c => CsvOutput.Int(c.Spare)),
        ("operators", c => string.Join(';', c.Operators)),
        ("unit_code", c => c.UnitCode ?? string.Empty),
    ];

    private static readonly (string Name, Func<TowerToConvert, string> Cell)[] ConvertColumns =
    [
        ("tower_id", t => t.TowerId),
        ("type", t => t.Type ?? string.Empty),
        ("height_m", t => CsvOutput.Fixed(t.HeightM, 1)),
        ("zone_id", t => t.ZoneId),
        ("zone_kind", t => t.ZoneKind),
        ("zone_name", t => t.ZoneName ?? string.Empty),
        ("code", t => t.Code),
        ("max_height_m", t => CsvOutput.Fixed(t.MaxHeightM, 1)),
        ("unit_code", t => t.UnitCode ?? string.Empty),
    ];

    private static readonly (string Name, Func<SpacingViolation, string> Cell)[] SpacingColumns =
    [
        ("tower_a", v => v.TowerA),
        ("type_a", v => v.TypeA ?? string.Empty),
        ("height_a_m", v => CsvOutput.Fixed(v.HeightA, 1)),
        ("tower_b", v => v.TowerB),
        ("type_b", v => v.TypeB ?? string.Empty),
        ("height_b_m", v => CsvOutput.Fixed(v.HeightB, 1)),
        ("distance_m", v => CsvOutput.Fixed(v.DistanceM, 1)),
        ("limit_m", v => CsvOutput.Fixed(v.LimitM, 0)),
        ("urban", v => CsvOutput.Flag(v.Urban)),
    ];

    private static readonly (string Name, Func<SharedDuctPair, string> Cell)[] DuctPairColumns =
    [
        ("operator_a", p => p.OperatorA),
        ("operator_b", p => p.OperatorB),
        ("km", p => CsvOutput.Fixed(p.Km, 3)),
        ("stretches", p => CsvOutput.Int(p.Stretches)),
    ];

    private static readonly (string Name, Func<SharedDuctStretch, string> Cell)[] StretchColumns =
    [
        ("route_id", s => s.RouteId),
        ("operator", s => s.Operator),
        ("other_operator", s => s.OtherOperator),
        ("part", s => CsvOutput.Int(s.Part)),
        ("from_m", s => CsvOutput.Fixed(s.FromM, 1)),
        ("to_m", s => CsvOutput.Fixed(s.ToM, 1)),
        ("length_m", s => CsvOutput.Fixed(s.LengthM, 1)),
    ];

    private static readonly (string Name, Func<UndergroundCandidate, string> Cell)[] UndergroundColumns =
    [
        ("route_id", u => u.RouteId),
        ("operator", u => u.Operator ?? string.Empty),
        ("aerial_km", u => CsvOutput.Fixed(u.AerialKm, 3)),
        ("to_underground_km", u => CsvOutput.Fixed(u.ToUndergroundKm, 3)),
    ];

    /// <summary>The per-unit, per-operator table (what <c>--format csv</c> prints).</summary>
    public static string UnitsCsv(SharingResult r) => UnitsCsv(r.Rows);

    /// <summary>The missed sharing as CSV (<c>sharing_missed.csv</c>; <c>sharing --only pairs</c>).</summary>
    public static string MissedCsv(IReadOnlyList<MissedSharingPair> pairs) => CsvOutput.Write(MissedColumns, pairs);

    /// <summary>The unit table as CSV (<c>sharing_units.csv</c>; <c>sharing --only units</c>).</summary>
    public static string UnitsCsv(IReadOnlyList<SharingRow> rows) => CsvOutput.Write(UnitColumns, rows);

    /// <summary>The CSV tables as workbook sheets (sheet name vi/en, CSV file, title), headings in <paramref name="lang"/>.</summary>
    public static IReadOnlyList<XlsxSheet> Sheets(SharingResult r, string lang)
    {
        var en = lang == "en";
        var tables = new (string Vi, string En, string Csv, string TitleVi, string TitleEn)[]
        {
            ("Theo đơn vị", "Units", UnitsCsv(r), "Dùng chung cột ăng ten theo đơn vị hành chính và doanh nghiệp", "Tower sharing by admin unit and operator"),
            ("Chưa dùng chung", "Missed sharing", CsvOutput.Write(MissedColumns, r.MissedSharing), "Cặp vị trí phải dùng chung nhưng chưa dùng chung", "Positions that must share but do not"),
            ("Năng lực cột", "Capacity", CsvOutput.Write(CapacityColumns, r.Capacity), "Năng lực dùng chung còn lại của cột", "Spare capacity of towers"),
            ("Cột cần cải tạo", "To convert", CsvOutput.Write(ConvertColumns, r.ToConvert), "Cột ăng ten không phù hợp vùng quy hoạch", "Towers their zone does not allow"),
            ("Khoảng cách cột", "Spacing", CsvOutput.Write(SpacingColumns, r.SpacingViolations), "Cặp cột gần nhau hơn khoảng cách tối thiểu", "Towers closer than the minimum spacing"),
            ("Cống bể dùng chung", "Shared ducts", CsvOutput.Write(DuctPairColumns, r.Fibre.Pairs), "Cáp quang có thể dùng chung cống bể, theo cặp doanh nghiệp", "Shared-duct candidates by operator pair"),
            ("Đoạn dùng chung", "Duct stretches", CsvOutput.Write(StretchColumns, r.Fibre.Stretches), "Các đoạn tuyến cáp đi cùng hành lang", "Route stretches in a shared corridor"),
            ("Ngầm hóa", "Undergrounding", CsvOutput.Write(UndergroundColumns, r.Fibre.Undergrounding), "Cáp treo cần ngầm hóa", "Aerial cable to put underground"),
        };
        return tables
            .Select(t => XlsxSheet.FromCsv(en ? t.En : t.Vi, $"{(en ? t.TitleEn : t.TitleVi)} — {r.Dataset}", t.Csv, c => FieldTitles.Field(c, lang)))
            .ToList();
    }

    /// <summary>Every file of <c>--out DIR</c>: name and content.</summary>
    public static IReadOnlyList<(string Name, string Content)> Files(SharingResult r) =>
    [
        ("sharing_units.csv", UnitsCsv(r)),
        ("sharing_missed.csv", MissedCsv(r.MissedSharing)),
        ("sharing_capacity.csv", CsvOutput.Write(CapacityColumns, r.Capacity)),
        ("sharing_to_convert.csv", CsvOutput.Write(ConvertColumns, r.ToConvert)),
        ("sharing_spacing.csv", CsvOutput.Write(SpacingColumns, r.SpacingViolations)),
        ("sharing_duct_pairs.csv", CsvOutput.Write(DuctPairColumns, r.Fibre.Pairs)),
        ("sharing_duct_stretches.csv", CsvOutput.Write(StretchColumns, r.Fibre.Stretches)),
        ("sharing_undergrounding.csv", CsvOutput.Write(UndergroundColumns, r.Fibre.Undergrounding)),
        ("sharing.json", ToJson(r)),
    ];

    /// <summary>
    /// <c>{"dataset", "crs", "level", "rules", "unassigned_positions", "units", "missed_sharing", "capacity", "to_convert",
    /// "spacing_violations", "shared_ducts", "undergrounding"}</c>; each unit has the keys of its CSV columns with the
    /// operator rows nested under <c>operators</c>.
    /// </summary>
    public static string ToJson(SharingResult r) => JsonOutput.Write(w => WriteJson(w, r));

    /// <summary><see cref="ToJson"/> written to <paramref name="stream"/> as it is made.</summary>
    public static void WriteJson(Stream stream, SharingResult r) => JsonOutput.Write(stream, w => WriteJson(w, r));

    private static void WriteJson(Utf8JsonWriter w, SharingResult r)
    {
        w.WriteStartObject();
        w.WriteString("dataset", r.Dataset);
        w.WriteString("crs", r.Crs);
        w.WriteString("level", Codes.Key(r.Level));
        w.WriteStartObject("rules");
        w.WriteNumber("co_location_m", r.Rules.CoLocationM);
        w.WriteNumber("must_share_urban_m", r.Rules.MustShareM.UrbanM);
        w.WriteNumber("must_share_non_urban_m", r.Rules.MustShareM.NonUrbanM);
        w.WriteNumber("duct_corridor_m", r.Rules.DuctCorridorM);
        w.WriteNumber("duct_min_length_m", r.Rules.DuctMinLengthM);
        w.WriteEndObject();
        w.WriteNumber("unassigned_positions", r.Unassigned);
        w.WriteStartArray("units");
        foreach (var unit in r.Rows.GroupBy(x => x.Code))
        {
            var all = unit.First(x => x.Operator is null);
            w.WriteStartObject();
            w.WriteString("code", all.Code);
            w.WriteString("name", all.Name);
            w.WriteString("level", Codes.Key(all.Level));
            Figures(w, all);
            JsonOutput.Integer(w, "spare_slots", all.SpareSlots);
            w.WriteStartArray("operators");
            foreach (var op in unit.Where(x => x.Operator is not null))
            {
                w.WriteStartObject();
                w.WriteString("operator", op.Operator);
                Figures(w, op);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Array(w, "missed_sharing", r.MissedSharing, (w, p) =>
        {
            w.WriteString("position_a", p.PositionA);
            w.WriteString("operator_a", p.OperatorA);
            w.WriteString("position_b", p.PositionB);
            w.WriteString("operator_b", p.OperatorB);
            JsonOutput.Number(w, "distance_m", p.DistanceM, 1);
            JsonOutput.Number(w, "limit_m", p.LimitM, 1);
            w.WriteBoolean("urban", p.Urban);
            JsonOutput.Text(w, "unit_code", p.UnitCode);
        });
        Array(w, "capacity", r.Capacity, (w, c) =>
        {
            w.WriteString("tower_id", c.TowerId);
            JsonOutput.Text(w, "type", c.Type);
            w.WriteNumber("tenants", c.Tenants);
            w.WriteNumber("max_tenants", c.MaxTenants);
            w.WriteNumber("spare", c.Spare);
            JsonOutput.Strings(w, "operators", c.Operators);
            JsonOutput.Text(w, "unit_code", c.UnitCode);
        });
        Array(w, "to_convert", r.ToConvert, (w, t) =>
        {
            w.WriteString("tower_id", t.TowerId);
            JsonOutput.Text(w, "type", t.Type);
            JsonOutput.Number(w, "height_m", t.HeightM, 1);
            w.WriteString("zone_id", t.ZoneId);
            w.WriteString("zone_kind", t.ZoneKind);
            JsonOutput.Text(w, "zone_name", t.ZoneName);
            w.WriteString("code", t.Code);
            JsonOutput.Number(w, "max_height_m", t.MaxHeightM, 1);
            JsonOutput.Text(w, "unit_code", t.UnitCode);
        });
        Array(w, "spacing_violations", r.SpacingViolations, (w, v) =>
        {
            w.WriteString("tower_a", v.TowerA);
            JsonOutput.Text(w, "type_a", v.TypeA);
            JsonOutput.Number(w, "height_a_m", v.HeightA, 1);
            w.WriteString("tower_b", v.TowerB);
            JsonOutput.Text(w, "type_b", v.TypeB);
            JsonOutput.Number(w, "height_b_m", v.HeightB, 1);
            JsonOutput.Number(w, "distance_m", v.DistanceM, 1);
            JsonOutput.Number(w, "limit_m", v.LimitM, 1);
            w.WriteBoolean("urban", v.Urban);
        });
        w.WriteStartObject("shared_ducts");
        w.WriteNumber("routes_without_operator", r.Fibre.RoutesWithoutOperator);
        Array(w, "pairs", r.Fibre.Pairs, (w, p) =>
        {
            w.WriteString("operator_a", p.OperatorA);
            w.WriteString("operator_b", p.OperatorB);
            JsonOutput.Number(w, "km", p.Km, 3);
            w.WriteNumber("stretches", p.Stretches);
        });
        Array(w, "stretches", r.Fibre.Stretches, (w, s) =>
        {
            w.WriteString("route_id", s.RouteId);
            w.WriteString("operator", s.Operator);
            w.WriteString("other_operator", s.OtherOperator);
            w.WriteNumber("part", s.Part);
            JsonOutput.Number(w, "from_m", s.FromM, 1);
            JsonOutput.Number(w, "to_m", s.ToM, 1);
            JsonOutput.Number(w, "length_m", s.LengthM, 1);
        });
        w.WriteEndObject();
        w.WriteStartObject("undergrounding");
        JsonOutput.Number(w, "aerial_km", r.Fibre.AerialKm, 3);
        JsonOutput.Number(w, "to_underground_km", r.Fibre.ToUndergroundKm, 3);
        w.WriteStartObject("to_underground_km_by_operator");
        foreach (var (op, km) in r.Fibre.ToUndergroundKmByOperator)
        {
            w.WriteNumber(op, Math.Round(km, 3, MidpointRounding.AwayFromZero));
        }

        w.WriteEndObject();
        Array(w, "routes", r.Fibre.Undergrounding, (w, u) =>
        {
            w.WriteString("route_id", u.RouteId);
            JsonOutput.Text(w, "operator", u.Operator);
            JsonOutput.Number(w, "aerial_km", u.AerialKm, 3);
            JsonOutput.Number(w, "to_underground_km", u.ToUndergroundKm, 3);
        });
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Figures(Utf8JsonWriter w, SharingRow row)
    {
        w.WriteNumber("tower_positions", row.TowerPositions);
        w.WriteNumber("bts", row.Bts);
        JsonOutput.Number(w, "bts_per_position", row.BtsPerPosition, 2);
        w.WriteNumber("shared_positions", row.SharedPositions);
        JsonOutput.Number(w, "sharing_rate_pct", row.SharingRatePct, 1);
    }

    private static void Array<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            write(w, item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
