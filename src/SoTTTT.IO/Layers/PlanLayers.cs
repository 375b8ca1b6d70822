using SoTTTT.Core.Model;
using SoTTTT.Core.Planning;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO.Layers;

/// <summary>
/// The plan's map layers (maps/layers.json <c>plan_positions</c>, <c>plan_fibre</c>), the same tables for the GeoJSON
/// files of <c>plan --out</c>, the viewer and the document's maps. Geometries in the dataset CRS.
/// </summary>
public static class PlanLayers
{
    public const string Positions = "plan_positions";
    public const string Fibre = "plan_fibre";

    /// <summary>
    /// The positions of the plan: <c>id</c>, <c>phase</c>, <c>type</c>, <c>height_m</c>, <c>status</c>, <c>commune_code</c>,
    /// <c>operators</c> (comma-separated) …; without <paramref name="includeKept"/> the positions kept as they are are left
    /// out (the maps draw them with the towers).
    /// </summary>
    public static FeatureTable BuildPositions(Dataset dataset, PlanResult plan, bool includeKept = true)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(plan);
        return new FeatureTable(
            Positions,
            "Vị trí cột ăng ten theo quy hoạch",
            FeatureGeometryType.Point,
            dataset.Crs,
            [F("id"), F("phase", FieldType.Integer), F("type"), F("height_m", FieldType.Real), F("status"), F("commune_code"), F("operators"), F("new_operators"), F("reason"), F("source"), F("villages_gained", FieldType.Integer), F("population_gained", FieldType.Integer)],
            [.. plan.Positions.Where(p => includeKept || p.Status != PlanPositionStatus.Keep).Select(p => new FeatureRow(
                p.Location,
                [p.Id, (long?)p.Phase, p.Type, p.HeightM, PlanWriter.Status(p.Status), p.CommuneCode, string.Join(", ", p.Operators), string.Join(", ", p.NewOperators), p.Reason, p.Source, (long)p.VillagesGained, p.PopulationGained]))]);
    }

    /// <summary>Fibre extensions and routes to put underground: <c>id</c>, <c>phase</c>, <c>kind</c>, <c>purpose</c>, <c>operator</c>, <c>length_km</c> …</summary>
    public static FeatureTable BuildFibre(Dataset dataset, PlanResult plan)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(plan);
        return new FeatureTable(
            Fibre,
            "Tuyến cáp quang mở rộng và ngầm hóa theo quy hoạch",
            FeatureTable.CommonType(plan.Fibre.Select(f => f.Path), FeatureGeometryType.LineString),
            dataset.Crs,
            [F("id"), F("phase", FieldType.Integer), F("kind"), F("purpose"), F("operator"), F("length_km", FieldType.Real), F("from_id"), F("to_id"), F("shared_duct_km", FieldType.Real)],
            [.. plan.Fibre.Select(f => new FeatureRow(
                f.Path,
                [f.Id, (long?)f.Phase, f.Kind, f.Purpose, f.Operator, Math.Round(f.LengthKm, 3), f.FromId, f.ToId, Math.Round(f.SharedDuctKm, 3)]))]);
    }

    private static LayerField F(string name, FieldType type = FieldType.Text) => new(name, type, FieldTitles.Field(name));
}
