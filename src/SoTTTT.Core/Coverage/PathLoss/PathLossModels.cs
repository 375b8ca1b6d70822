namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>The path-loss models by the names planners use (DOMAIN.md, "Radio coverage").</summary>
public static class PathLossModels
{
    /// <summary>Every model, in the order they are listed to users.</summary>
    public static IReadOnlyList<IPathLossModel> All { get; } =
    [
        new FreeSpaceModel(),
        new OkumuraHataModel(),
        new Cost231HataModel(),
        new ThreeGppRmaModel(),
        new ThreeGppUmaModel(),
    ];

    /// <summary>The model called <paramref name="name"/> (case-insensitive), or null when there is none.</summary>
    public static IPathLossModel? ByName(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The names of all models, comma-separated, for messages.</summary>
    public static string Names => string.Join(", ", All.Select(m => m.Name));
}
