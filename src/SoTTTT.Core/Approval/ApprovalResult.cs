using SoTTTT.Core.Crs;
using SoTTTT.Core.Rules;

namespace SoTTTT.Core.Approval;

/// <summary>The verdicts of a batch of applications, in file order, with the settings they were judged by.</summary>
/// <param name="Crs">The analysis CRS of the sites and evidence coordinates.</param>
/// <param name="PlanCheck">Whether plan conformity was checked (planned towers exist and the tolerance is set).</param>
/// <param name="CoverageGainComputed">Whether a coverage engine was plugged in (<see cref="ICoverageGain"/>).</param>
public sealed record ApprovalResult(string Dataset, CrsDefinition Crs, ProvinceRules Rules, bool PlanCheck, bool CoverageGainComputed, IReadOnlyList<ApplicationVerdict> Verdicts);
