namespace SoTTTT.Core.Planning;

/// <summary>The tower class and height the plan gives a new position in one kind of place.</summary>
/// <param name="Class">Tower class of rules.json <c>tower_classes</c>.</param>
/// <param name="HeightM">Height above ground, m (the antennas of the planned BTS are put at this height).</param>
public sealed record TowerDesign(string Class, double HeightM);
