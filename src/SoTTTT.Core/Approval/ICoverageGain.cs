using SoTTTT.Core.Model;

namespace SoTTTT.Core.Approval;

/// <summary>
/// The seam through which the coverage engine (<c>Coverage.CoverageGainEstimator</c>) reports an application's coverage gain: settlements and
/// population newly covered for the applicant's operator and technology. The approval analysis works without it
/// (every verdict then has no coverage gain, and reports say it was not computed); no propagation happens here.
/// </summary>
public interface ICoverageGain
{
    /// <summary>The gain of a site, or null when it cannot be estimated (e.g. no technology given).</summary>
    CoverageGain? Estimate(TowerApplication application);
}
