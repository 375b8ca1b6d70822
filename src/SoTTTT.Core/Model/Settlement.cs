using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Model;

/// <summary>A village or residential area (thôn, bản, ấp, tổ dân phố, khu dân cư).</summary>
/// <param name="Location">Position in the analysis CRS (metres).</param>
public sealed record Settlement(string Id, Point Location, string? Name, string? CommuneCode, long? Population);
