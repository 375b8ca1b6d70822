namespace SoTTTT.Core.Model;

/// <summary>The zone kinds of zones.csv (<see cref="Zone.Kind"/>) and their parameters.</summary>
public static class ZoneKinds
{
    /// <summary>Only non-bulky (A1) towers may stand here: monuments, squares, 200 m in front of People's Committees (DOMAIN.md).</summary>
    public const string A1Only = "a1_only";

    /// <summary>No new bulky tower (historic cores); existing bulky towers are to be converted (DOMAIN.md).</summary>
    public const string NoNewBulky = "no_new_bulky";

    /// <summary>Towers no taller than <see cref="MaxHeightParameter"/> metres (e.g. airport approach surfaces).</summary>
    public const string HeightLimit = "height_limit";

    /// <summary>No tower at all.</summary>
    public const string NoTower = "no_tower";

    /// <summary>Urban area, for places where the admin units lack the <c>urban</c> flag.</summary>
    public const string Urban = "urban";

    /// <summary>Suburban area: BTS here take the suburban propagation models (README "Coverage").</summary>
    public const string Suburban = "suburban";

    /// <summary>Column of <see cref="HeightLimit"/> zones: the highest tower allowed, metres above ground.</summary>
    public const string MaxHeightParameter = "max_height_m";

    public static IReadOnlyList<string> All { get; } = [A1Only, NoNewBulky, HeightLimit, NoTower, Urban, Suburban];

    /// <summary>The <c>max_height_m</c> of a height-limit zone; null when absent or not a number.</summary>
    public static double? MaxHeightM(Zone zone) =>
        zone.Parameters.TryGetValue(MaxHeightParameter, out var text)
        && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var m)
            ? m
            : null;
}
