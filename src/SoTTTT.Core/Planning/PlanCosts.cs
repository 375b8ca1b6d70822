namespace SoTTTT.Core.Planning;

/// <summary>
/// Relative costs of the kinds of candidates (a new ground tower on acquired land = 1). No published unit costs were
/// found; the defaults encode the order the departments ask for: share an existing tower first (add tenants, no new
/// structure), then build on public land (commune post-culture points, commune offices: "sử dụng chung hạ tầng các
/// Điểm Bưu điện văn hoá xã"), then anywhere else.
/// </summary>
/// <param name="ShareExisting">Adding tenants to an existing tower with spare capacity (default 0.2).</param>
/// <param name="PublicSite">A new tower at a commune post-culture point or commune office (default 0.8).</param>
/// <param name="Previous">A position of the previous plan not built yet (default 0.8: its site is already planned).</param>
/// <param name="Grid">A new tower at a grid point (default 1.0).</param>
public sealed record PlanCosts(double ShareExisting = 0.2, double PublicSite = 0.8, double Previous = 0.8, double Grid = 1.0);
