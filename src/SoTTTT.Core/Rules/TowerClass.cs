namespace SoTTTT.Core.Rules;

/// <summary>A tower class of the provincial plan (rules.json <c>tower_classes</c>).</summary>
/// <param name="Name">Class name as written in towers.csv and applications (A1a, A2b …).</param>
/// <param name="Bulky">
/// Bulky (cồng kềnh, class A2) or not (A1: on an existing building without changing its structure, or camouflaged;
/// DOMAIN.md after Circular 15/2016/TTLT-BTTTT-BXD). Zones <c>a1_only</c> and <c>no_new_bulky</c> forbid bulky classes.
/// </param>
/// <param name="MaxTenants">
/// How many operators a tower of the class carries when its own row has no <c>max_tenants</c>; null when unknown.
/// </param>
public sealed record TowerClass(string Name, bool Bulky, int? MaxTenants);
