namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>The path-loss models by the names planners use (DOMAIN.md, "Radio coverage").</summary>
public static class PathLossModels
{
    /// <summary>The Longley-Rice ITM, the one model that needs a terrain profile (a DEM) instead of a distance.</summary>
    public static ItmPointToPoint Itm { get; } = new();

    /// <summary>Every distance-only model (<see cref="IPathLossModel.LossDb"/> works), in the order they are listed to users.</summary>
    public static IReadOnlyList<IPathLossModel> All { get; } =
    [
        new FreeSpaceModel(),
        new OkumuraHataModel(),
        new Cost231HataModel(),
        new ThreeGppRmaModel(),
        new ThreeGppUmaModel(),
    ];

    /// <summary>
    /// The model called <paramref name="name"/> (case-insensitive), or null when there is none; <c>itm</c> gives
    /// <see cref="Itm"/>, which needs a terrain profile (<see cref="NeedsTerrain"/>).
    /// </summary>
    public static IPathLossModel? ByName(string name) =>
        All.Append(Itm).FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>True for a model that predicts over a terrain profile (ITM) rather than from a distance.</summary>
    public static bool NeedsTerrain(IPathLossModel model) => model is ItmPointToPoint;

    /// <summary>The names of all models, comma-separated, for messages.</summary>
    public static string Names => string.Join(", ", All.Append(Itm).Select(m => m.Name));
}
