using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Approval;

/// <summary>The appraisal of one application (phiếu thẩm định).</summary>
/// <param name="Row">Row of the application in its file.</param>
/// <param name="ApplicationId">The application's id, when the row has one.</param>
/// <param name="Application">The application; null for an invalid row.</param>
/// <param name="TowerId">For <c>share</c>, the tower to share; for <c>refer</c>, the nearest tower that could not take it.</param>
/// <param name="Checks">Every check in <see cref="ApprovalCodes.All"/> order, or the validation problems of an invalid row.</param>
/// <param name="UnitCode">Deepest admin unit containing the site.</param>
/// <param name="Urban">Whether the site is urban (<see cref="Spatial.UrbanArea"/>).</param>
/// <param name="CoverageGain">From <see cref="ICoverageGain"/>; null when not computed.</param>
public sealed record ApplicationVerdict(
    int Row,
    string? ApplicationId,
    TowerApplication? Application,
    Verdict Verdict,
    string? TowerId,
    IReadOnlyList<ApprovalCheck> Checks,
    string? UnitCode,
    string? UnitName,
    bool? Urban,
    CoverageGain? CoverageGain)
{
    /// <summary>Codes of the checks that failed, in check order.</summary>
    public IReadOnlyList<string> Failed => [.. Checks.Where(c => c.Failed).Select(c => c.Code)];

    public Point? Site => Application?.Location;
}
