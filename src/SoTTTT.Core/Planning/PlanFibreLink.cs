using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Planning;

/// <summary>A fibre work of the plan (a row of <c>plan_fibre.csv</c>): an extension to connect a node, or a route to put underground.</summary>
/// <param name="Kind"><c>extension</c> or <c>undergrounding</c>.</param>
/// <param name="Purpose">Extensions: what they connect (<c>position</c>, <c>commune_centre</c>, <c>village</c>); undergrounding: <c>urban_aerial</c>.</param>
/// <param name="Path">Analysis CRS: a straight line for extensions (node → network or node → node), the route for undergrounding.</param>
/// <param name="LengthKm">Extensions: straight length × the detour factor; undergrounding: the km inside urban areas (sharing).</param>
/// <param name="FromId">The node connected (position id, commune code or village id), or the route id.</param>
/// <param name="ToId">What it connects to: <c>network</c> or another node's id.</param>
/// <param name="SharedDuctKm">Undergrounding: km of the route that runs in another operator's corridor (a shared duct).</param>
public sealed record PlanFibreLink(string Id, string Kind, string Purpose, Geometry Path, int? Phase, string? Operator, double LengthKm, string FromId, string? ToId, double SharedDuctKm = 0);
