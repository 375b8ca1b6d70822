namespace SoTTTT.IO.Charts;

/// <summary>A chart of the report document: its kind (the indicator column it draws), title, PNG bytes and size in pixels.</summary>
public sealed record ReportChart(string Kind, string Title, byte[] Png, int WidthPx, int HeightPx);
