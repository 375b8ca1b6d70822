namespace SoTTTT.Core.Planning;

/// <summary>Fibre targets of the plan.</summary>
/// <param name="CommuneCentres">Connect every commune centre without fibre (default true; "100 % xã có cáp quang đến trung tâm xã").</param>
/// <param name="CommuneCentresPhase">Phase of those links (default 1).</param>
/// <param name="VillageSharePct">Villages within reach of fibre at the end, % (default null: no village target; Điện Biên reports 88 %).</param>
/// <param name="VillagesPhase">Phase of the village links (default 2).</param>
/// <param name="DetourFactor">
/// Route length over straight-line distance for links drawn straight (default 1.3: cables follow roads and poles; a
/// planning assumption, not a published figure — set the province's own).
/// </param>
public sealed record FibreTargets(bool CommuneCentres = true, int CommuneCentresPhase = 1, double? VillageSharePct = null, int VillagesPhase = 2, double DetourFactor = 1.3);
