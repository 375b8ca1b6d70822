using SoTTTT.Core.Model;

namespace SoTTTT.Core.Planning;

/// <summary>A village the plan leaves without coverage of a technology, with the reason.</summary>
/// <param name="Reason">
/// <c>OUT_OF_RANGE</c> (no candidate position reaches it), <c>ZONE</c> (the positions that would reach it stand in zones
/// that forbid them: no-tower, class or height), <c>SPACING</c> (they stand too close to other towers: spacing or
/// must-share with a full tower), <c>OUTSIDE_PROVINCE</c>, <c>BUDGET</c> (its position lies beyond every phase budget),
/// <c>SHARE_TARGET</c> (the coverage share was reached without it).
/// </param>
/// <param name="Detail">The approval codes behind the reason and how many candidate positions each ruled out.</param>
public sealed record MissedVillage(string SettlementId, string? Name, string? CommuneCode, long? Population, Technology Tech, string Reason, string? Detail);
