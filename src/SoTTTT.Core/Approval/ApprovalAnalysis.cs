using SoTTTT.Core.Model;

namespace SoTTTT.Core.Approval;

/// <summary>
/// Appraises a batch of applications in file order, each against the existing network plus what the applications
/// before it built: an approved tower becomes a tower later applications must share or keep their distance from, and a
/// shared tower gains the applicant as a tenant (so it may be full for the next one). Referred and rejected
/// applications build nothing. Invalid rows are rejected with their validation codes. Pure: no I/O.
/// </summary>
public static class ApprovalAnalysis
{
    public static ApprovalResult Run(Dataset dataset, IReadOnlyList<ApplicationEntry> entries, ICoverageGain? coverage = null)
    {
        var appraiser = new ApplicationAppraiser(dataset, coverage);
        var verdicts = entries.Select(appraiser.Appraise).ToList();
        return new ApprovalResult(dataset.Name, dataset.Crs, dataset.Rules, appraiser.PlanCheck, appraiser.CoverageGainComputed, verdicts);
    }
}
