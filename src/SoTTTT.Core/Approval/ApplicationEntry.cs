using SoTTTT.Core.Model;
using SoTTTT.Core.Validation;

namespace SoTTTT.Core.Approval;

/// <summary>One row of an applications file: the application when the row is valid, else its validation problems.</summary>
/// <param name="Row">The row as the user sees it (CSV: header = row 1, first data row = row 2; GeoJSON: the feature's position).</param>
/// <param name="Id">The row's id as written, when it has one.</param>
/// <param name="Application">The application; null when the row has problems.</param>
/// <param name="Problems">The row's validation problems (empty when valid).</param>
public sealed record ApplicationEntry(int Row, string? Id, TowerApplication? Application, IReadOnlyList<ValidationProblem> Problems)
{
    public static ApplicationEntry Valid(int row, TowerApplication application) => new(row, application.Id, application, []);
}
