namespace SoTTTT.Tests.Support;

/// <summary>
/// A small province shaped like the real data of issue 11 (a Mekong-delta province, WGS84, GADM-like rounded
/// boundaries, an operator's site list with placeholders):
/// <code>
///  lat 10.0 +---------------+------------------+--+
///           | 840101 | 840102| 840201 | 840202  |  |   8401 = 840101 + 840102 (106.20–106.30); 8402 = 840201 + 840202
///           |  B01 T1|  T2   |  B03   |  B04 B06|B07   840102 ends at 106.2999: an 11 m sliver before 840201
///           |        |B02 B14| B13    |         | T3   840202 ends at 106.39: the communes' coastline; the province's
///  lat 9.8  +---------------+------------------+--+       and districts' is at 106.40 (a 1.1 km strip)
///        106.20   106.25  106.30   106.35   106.39 106.40
/// </code>
/// B05 stands in the sliver (5.5 m from 840102), B06 in the strip 220 m from 840202 (both go to the nearest commune),
/// B07 and T3 in the strip ~1 km from it (in district 8402 and the province, in no commune). B08, B10, B11, B12 are
/// placeholders at (105, 9), in another province; B09 is offshore. B14 repeats B02 0.2 m away; B13 has 2 decimals.
/// T2 is an existing tower with no BTS.
/// </summary>
internal static class MekongProvince
{
    public static TempDataset Create()
    {
        var ds = new TempDataset("Trà Vinh (thử)");
        ds.File("admin_units.csv", """
            code,name,level,parent_code,wkt
            84,Trà Vinh,province,,"POLYGON((106.2 9.8, 106.4 9.8, 106.4 10.0, 106.2 10.0, 106.2 9.8))"
            8401,Huyện Tây,district,84,"POLYGON((106.2 9.8, 106.3 9.8, 106.3 10.0, 106.2 10.0, 106.2 9.8))"
            8402,Huyện Đông,district,84,"POLYGON((106.3 9.8, 106.4 9.8, 106.4 10.0, 106.3 10.0, 106.3 9.8))"
            840101,Xã Một,commune,8401,"POLYGON((106.2 9.8, 106.25 9.8, 106.25 10.0, 106.2 10.0, 106.2 9.8))"
            840102,Xã Hai,commune,8401,"POLYGON((106.25 9.8, 106.2999 9.8, 106.2999 10.0, 106.25 10.0, 106.25 9.8))"
            840201,Xã Ba,commune,8402,"POLYGON((106.3 9.8, 106.35 9.8, 106.35 10.0, 106.3 10.0, 106.3 9.8))"
            840202,Thị trấn Bốn,commune,8402,"POLYGON((106.35 9.8, 106.39 9.8, 106.39 10.0, 106.35 10.0, 106.35 9.8))"
            """);
        ds.File("bts.csv", """
            id,operator,tech,lon,lat
            B01,Viettel,4G,106.2251,9.9012
            B02,VNPT,4G,106.2751,9.8513
            B03,MobiFone,4G,106.3252,9.9514
            B04,Viettel,4G,106.3753,9.9015
            B05,Viettel,3G,106.29995,9.9005
            B06,Viettel,4G,106.3920,9.9016
            B07,Viettel,4G,106.3990,9.9017
            B08,Viettel,4G,105.0,9.0
            B09,Viettel,4G,106.6000,9.7000
            B10,Viettel,4G,105.0,9.0
            B11,Viettel,4G,105.0,9.0
            B12,Viettel,4G,105.0,9.0
            B13,Viettel,4G,106.34,9.95
            B14,VNPT,4G,106.275100,9.851302
            """);
        ds.File("towers.csv", """
            id,owner,type,height_m,status,lon,lat
            T1,Viettel,A2b,42,existing,106.2251,9.9012
            T2,VNPT,A2b,36,existing,106.2602,9.8203
            T3,,A2b,30,existing,106.3985,9.8500
            """);
        return ds;
    }
}
