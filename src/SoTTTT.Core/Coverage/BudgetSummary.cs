using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// The link budget of a technology's default BTS (rules.json EIRP, bandwidth, antenna height and band) in each
/// environment, with its boresight range on flat ground: what every coverage report prints as "the budget used"
/// (DOMAIN.md: always print the budget).
/// </summary>
/// <param name="Tech">The technology.</param>
/// <param name="Environment">The environment class.</param>
/// <param name="Budget">The budget of a default BTS there.</param>
/// <param name="Model">The environment's own model name.</param>
/// <param name="RangeKm">Boresight range of a default BTS there, km (no terrain).</param>
public sealed record BudgetSummary(Technology Tech, CoverageEnvironment Environment, LinkBudget Budget, string Model, double RangeKm)
{
    /// <summary>The default budgets of <paramref name="techs"/> in rural, suburban and urban environments, in that order per technology.</summary>
    public static IReadOnlyList<BudgetSummary> For(CoverageRules rules, IEnumerable<Technology> techs, ModelOverride? modelOverride = null)
    {
        var result = new List<BudgetSummary>();
        foreach (var tech in techs)
        {
            var settings = rules.For(tech);
            foreach (var environment in new[] { CoverageEnvironment.Rural, CoverageEnvironment.Suburban, CoverageEnvironment.Urban })
            {
                var site = new Bts("default", string.Empty, tech, new Point(0, 0), null, settings.BandMHz, settings.AntennaHeightM, settings.EirpDbm, null, null, null, null);
                var footprint = FootprintCalculator.Compute(-1, site, rules, environment, modelOverride);
                result.Add(new BudgetSummary(tech, environment, footprint.Budget, footprint.Model.Name, footprint.MaxRangeKm));
            }
        }

        return result;
    }
}
