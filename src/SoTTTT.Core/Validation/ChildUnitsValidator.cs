using System.Globalization;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Validation;

/// <summary>
/// Warns (<see cref="ProblemCodes.ChildrenAreaMismatch"/>) when the polygons of a unit's children cover its polygon badly:
/// their areas add up to more or less than the parent's by over <see cref="MaxDifferencePct"/> % of it (coastlines that
/// differ between levels, slivers of rounded boundaries, a missing commune). Points in the gap count in the parent but in
/// none of its children (<see cref="Spatial.UnitLocator"/>). Children without a polygon make the check moot. Pure.
/// </summary>
public static class ChildUnitsValidator
{
    /// <summary>Largest tolerated difference between the children's areas and the parent's, % of the parent's.</summary>
    public const double MaxDifferencePct = 1;

    /// <param name="file">The admin units' file, named in the warnings.</param>
    public static IReadOnlyList<ValidationProblem> Check(IReadOnlyList<AdminUnit> units, string file)
    {
        ArgumentNullException.ThrowIfNull(units);
        var hierarchy = new AdminHierarchy(units);
        var warnings = new List<ValidationProblem>();
        foreach (var parent in units.Where(u => u.Boundary is { IsEmpty: false }).OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            var children = hierarchy.ChildrenOf(parent.Code);
            if (children.Count == 0 || children.Any(c => c.Boundary is not { IsEmpty: false }))
            {
                continue;
            }

            var parentKm2 = parent.Boundary!.Area / 1e6;
            var childrenKm2 = children.Sum(c => c.Boundary!.Area) / 1e6;
            var differencePct = parentKm2 > 0 ? 100 * (childrenKm2 - parentKm2) / parentKm2 : 0;
            if (Math.Abs(differencePct) > MaxDifferencePct)
            {
                warnings.Add(new ValidationProblem(
                    ProblemCodes.ChildrenAreaMismatch,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "the {0} child unit(s) of {1} ({2}) cover {3:0.###} km² of its {4:0.###} km² polygon ({5:+0.##;-0.##} %, {6:+0.###;-0.###} km²): points in the difference count in {1} but in none of its children",
                        children.Count,
                        parent.Code,
                        parent.Name,
                        childrenKm2,
                        parentKm2,
                        differencePct,
                        childrenKm2 - parentKm2),
                    file,
                    null,
                    null,
                    parent.Code));
            }
        }

        return warnings;
    }
}
