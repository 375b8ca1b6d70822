namespace SoTTTT.IO;

/// <summary>What merging an imported list into a layer did, by id (<see cref="LayerMerge"/>).</summary>
/// <param name="Csv">The merged layer file.</param>
/// <param name="Before">Rows of the layer before.</param>
/// <param name="After">Rows after.</param>
/// <param name="Added">Ids of the list the layer did not have, appended in the list's order.</param>
/// <param name="Updated">Ids in both whose row changed: the list's row replaces the layer's, in place.</param>
/// <param name="Unchanged">Ids in both with the same row.</param>
/// <param name="Kept">Ids of the layer the list does not name: kept as they were, never deleted.</param>
public sealed record LayerMergeResult(string Csv, int Before, int After, int Added, int Updated, int Unchanged, int Kept);
