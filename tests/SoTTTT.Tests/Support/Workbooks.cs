using System.Text;
using ExcelDataReader;

namespace SoTTTT.Tests.Support;

/// <summary>Workbooks read back with ExcelDataReader, a reader independent of the writer.</summary>
internal static class Workbooks
{
    /// <summary>Every sheet of an .xlsx in order: its name, then its rows of cell values (null for an empty cell).</summary>
    public static Dictionary<string, List<List<object?>>> Read(string path)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new Dictionary<string, List<List<object?>>>();
        do
        {
            var rows = new List<List<object?>>();
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => (object?)reader.GetValue(i)).ToList());
            }

            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }
}
