namespace SoTTTT.Core.Model;

/// <summary>
/// What a cable route carries (<c>fibre_routes.csv</c> <c>medium</c>): the reports count fibre and copper routes apart
/// ("547 tuyến cáp quang dài 3.531 km; 139 tuyến cáp đồng dài 295 km", Bắc Kạn, DOMAIN.md).
/// </summary>
public enum CableMedium
{
    /// <summary>Optical fibre (cáp quang): the default.</summary>
    Fibre,

    /// <summary>Copper pairs (cáp đồng).</summary>
    Copper,
}
