using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Writing;

/// <summary>A spreadsheet column: its heading and the type of its cells (numbers stay numbers in Excel).</summary>
public sealed record XlsxColumn(string Header, FieldType Type);
