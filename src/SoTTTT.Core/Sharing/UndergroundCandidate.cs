namespace SoTTTT.Core.Sharing;

/// <summary>An aerial route with kilometres inside urban areas or appearance zones, which plans put underground.</summary>
/// <param name="AerialKm">The route's whole length, km.</param>
/// <param name="ToUndergroundKm">Km inside urban areas (urban units, <c>urban</c> zones) or <c>a1_only</c> / <c>no_new_bulky</c> zones.</param>
public sealed record UndergroundCandidate(string RouteId, string? Operator, double AerialKm, double ToUndergroundKm);
