namespace SoTTTT.Core.Validation;

/// <summary>
/// One problem found in input data. <paramref name="Code"/> is stable and upper-case
/// (see <see cref="ProblemCodes"/>); the message is for people and may change.
/// </summary>
/// <param name="File">File name within the dataset folder (e.g. <c>bts.csv</c>).</param>
/// <param name="Row">
/// The row as the user sees it: in CSV and Excel the row number the editor or spreadsheet shows (header = row 1, first
/// data row = row 2 in CSV); in GeoJSON, GeoPackage, PostGIS and Shapefile layers the feature's position (1 = first);
/// null for problems with the file or table as a whole.
/// </param>
/// <param name="Column">Column name as written in the file, when the problem is in one column.</param>
/// <param name="FeatureId">The row's id, when it has one.</param>
public sealed record ValidationProblem(string Code, string Message, string File, int? Row, string? Column, string? FeatureId)
{
    public override string ToString()
    {
        var where = File;
        if (Row is { } r)
        {
            where += $", row {r}";
        }

        if (Column is { } c)
        {
            where += $", column '{c}'";
        }

        if (FeatureId is { } id)
        {
            where += $" (id {id})";
        }

        return $"{where}: {Code}: {Message}";
    }
}
