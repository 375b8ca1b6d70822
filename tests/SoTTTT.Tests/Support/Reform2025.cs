namespace SoTTTT.Tests.Support;

/// <summary>
/// Two snapshots of a small province in VN-2000 TM-3 105°30' metres around the 2025 reform (communes merged, districts
/// removed). Every commune is 1 km tall (y 2316000..2317000); x below:
/// <code>
/// 2020:  |  A1  |  A2  |  A3  |  B   |  K   |     districts D1 (A1, A2, A3) and D2 (B, K)
///        580   581    582    583    584    585 (km)
///        BTS:  2      3      4      1      1        F1 (fibre) y=2316500, x 580.5..581.5: 500 m in A1, 500 m in A2
/// 2025:  |        N01          |  M  |  K   |       no districts; N01 = A1 + A2 + A3 + west half of B
///        580                 583.5  584    585
///        BTS:        11              0     2        F1 unchanged, 1 km in N01
/// </code>
/// A1, A2, A3 lie wholly inside N01 (merged); B lies half inside (not merged: removed); K keeps its code.
/// Populations: A1 1,000, A2 1,000, A3 2,000, B 500, K 800 → N01 4,500, M 300, K 800.
/// </summary>
internal static class Reform2025
{
    public static TempDataset Older()
    {
        var ds = Dataset("2020");
        ds.File("admin_units.csv", $"""
            code,name,level,parent_code,population,wkt
            P,Tỉnh Thử,province,,5300,{Box(580, 585)}
            D1,Huyện Một,district,P,,
            D2,Huyện Hai,district,P,,
            A1,Xã Một,commune,D1,1000,{Box(580, 581)}
            A2,Xã Hai,commune,D1,1000,{Box(581, 582)}
            A3,Xã Ba,commune,D1,2000,{Box(582, 583)}
            B,Xã Bên,commune,D2,500,{Box(583, 584)}
            K,Xã Khác,commune,D2,800,{Box(584, 585)}
            """);
        ds.File("bts.csv", Bts(("A1", 580, 2), ("A2", 581, 3), ("A3", 582, 4), ("B", 583, 1), ("K", 584, 1)));
        ds.File("fibre_routes.csv", Fibre);
        return ds;
    }

    public static TempDataset Newer()
    {
        var ds = Dataset("2025");
        ds.File("admin_units.csv", $"""
            code,name,level,parent_code,population,wkt
            P,Tỉnh Thử,province,,5600,{Box(580, 585)}
            N01,Xã Hợp Nhất,commune,P,4500,{Box(580, 583.5)}
            M,Xã Mới,commune,P,300,{Box(583.5, 584)}
            K,Xã Khác,commune,P,800,{Box(584, 585)}
            """);
        ds.File("bts.csv", Bts(("N", 580, 11), ("K", 584, 2)));
        ds.File("fibre_routes.csv", Fibre);
        return ds;
    }

    private const string Fibre = """
        id,operator,placement,cores,wkt
        F1,Viettel,aerial,24,"LINESTRING(580500 2316500, 581500 2316500)"
        """;

    private static TempDataset Dataset(string date)
    {
        var ds = new TempDataset("Tỉnh Thử");
        ds.File("dataset.json", $$"""{"name": "Tỉnh Thử", "crs": "VN2000:105.5", "date": "{{date}}"}""");
        return ds;
    }

    /// <summary>A WKT box from x = <paramref name="westKm"/> to <paramref name="eastKm"/> km, y 2316..2317 km, quoted for CSV.</summary>
    private static string Box(double westKm, double eastKm)
    {
        var (w, e) = ((int)(westKm * 1000), (int)(eastKm * 1000));
        return $"\"POLYGON(({w} 2316000, {e} 2316000, {e} 2317000, {w} 2317000, {w} 2316000))\"";
    }

    /// <summary>Viettel 4G BTS, each on its own position 100 m apart along y = 2316200, starting 50 m inside the unit's west edge.</summary>
    private static string Bts(params (string Prefix, int WestKm, int Count)[] groups)
    {
        var rows = new System.Text.StringBuilder("id,operator,tech,x,y\n");
        foreach (var (prefix, westKm, count) in groups)
        {
            for (var i = 0; i < count; i++)
            {
                rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{i},Viettel,4G,{(westKm * 1000) + 50 + (100 * i)},2316200\n");
            }
        }

        return rows.ToString();
    }
}
