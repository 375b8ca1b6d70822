using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Model;

/// <summary>
/// A measured received level (drive test, crowd-sourced or operator measurement) from <c>measurements.csv</c>. Kept apart
/// from predictions (DOMAIN.md: predicted and measured coverage must stay separate); used only to report prediction error.
/// </summary>
/// <param name="LevelDbm">Measured level, dBm (RxLev / RSCP / RSRP as the technology's threshold).</param>
/// <param name="Location">Position in the analysis CRS (metres).</param>
/// <param name="Source">Who measured (free text), if given.</param>
/// <param name="Date">When (as written, ISO 8601 recommended), if given.</param>
public sealed record Measurement(string Id, string Operator, Technology Tech, double LevelDbm, Point Location, string? Source, string? Date);
