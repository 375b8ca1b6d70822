namespace SoTTTT.IO.Postgis;

/// <summary>What an export wrote: the provinces whose rows were replaced and the rows per layer.</summary>
public sealed record PostgisExportResult(IReadOnlyList<string> Provinces, IReadOnlyDictionary<string, long> RowsByLayer)
{
    public long Rows => RowsByLayer.Values.Sum();
}
