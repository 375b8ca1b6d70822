namespace SoTTTT.Tests.Support;

/// <summary>
/// A hand-made province in VN-2000 TM-3 105°30' metres whose every indicator can be worked out by hand:
/// <code>
///  y=2318000 +-----------+-----------+        F2 (VNPT, underground) y=2318400, x 583000..584000,
///            |  C1 (xã)  | C2 (phường)|       outside both communes, 400 m from C2 → goes to C2 (nearest within 500 m)
///            |  T1 ▲     |           |
///  y=2317000 |F1===S1====|    S3  PP2|        F1 (Viettel, aerial) y=2317000, x 580000..582000
///            |     PP1   |      B4B5 |        PP1 (581000, 2317300); PP2 (583400, 2317000)
///            |  S2       |           |        S1 (581000,2317000) pop 1000; S2 (580500,2316500) pop 3000
///  y=2316000 +-----------+-----------+        S3 (583000, 2317000) pop 2000
///          x=580000   582000      584000      T1 (581500, 2317500): B1 Viettel 4G, B2 VNPT 4G; B3 MobiFone 3G 5 m off T1
///                                             B4 Viettel 2G (583500, 2316500), B5 Vietnamobile 4G 10 m east of B4
/// </code>
/// Province P: official area 10 km², population 7000; district D holds C1 and C2 (no area, no population).
/// </summary>
internal static class SmallProvince
{
    public static TempDataset Create()
    {
        var ds = new TempDataset("Tỉnh Thử", "VN2000:105.5");
        ds.File("admin_units.csv", """
            code,name,level,parent_code,area_km2,population,urban,wkt
            P,Tỉnh Thử,province,,10,7000,,
            D,Huyện Thử,district,P,,,,
            C1,Xã Một,commune,D,,,false,"POLYGON((580000 2316000, 582000 2316000, 582000 2318000, 580000 2318000, 580000 2316000))"
            C2,Phường Hai,commune,D,,,true,"POLYGON((582000 2316000, 584000 2316000, 584000 2318000, 582000 2318000, 582000 2316000))"
            """);
        ds.File("settlements.csv", """
            id,name,commune_code,population,x,y
            S1,Thôn Một,,1000,581000,2317000
            S2,Thôn Hai,,3000,580500,2316500
            S3,Khu phố Ba,C2,2000,583000,2317000
            """);
        ds.File("postal_points.csv", """
            id,name,kind,operator,admin_code,x,y
            PP1,Điểm BĐ-VHX Một,commune_post_culture,VNPost,C1,581000,2317300
            PP2,Bưu cục cấp 3 Hai,post_office_3,VNPost,,583400,2317000
            """);
        ds.File("towers.csv", """
            id,owner,type,height_m,status,max_tenants,x,y
            T1,Viettel,A2b,42,existing,3,581500,2317500
            """);
        ds.File("bts.csv", """
            id,operator,tech,tower_id,band_mhz,x,y
            B1,Viettel,4G,T1,1800,581500,2317500
            B2,VinaPhone,4G,T1,1800,581500,2317500
            B3,MobiFone,3G,,2100,581505,2317500
            B4,Viettel,2G,,900,583500,2316500
            B5,Vietnamobile,4G,,1800,583510,2316500
            """);
        ds.File("fibre_routes.csv", """
            id,operator,placement,cores,wkt
            F1,Viettel,aerial,24,"LINESTRING(580000 2317000, 582000 2317000)"
            F2,VNPT,underground,48,"LINESTRING(583000 2318400, 584000 2318400)"
            """);
        return ds;
    }
}
