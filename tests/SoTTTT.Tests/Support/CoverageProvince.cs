using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;

namespace SoTTTT.Tests.Support;

/// <summary>
/// An in-memory dataset for coverage tests in VN-2000 TM-3 105°30' metres: province P (600000..610000 ×
/// 2300000..2310000), rural commune C1 (x &lt; 605000), urban commune C2 (x &gt; 605000), plus the BTS and
/// settlements a test adds.
/// <code>
///  y=2310000 +---------+---------+
///            | C1      | C2      |
///            | rural   | urban   |
///  y=2300000 +---------+---------+
///         x=600000  605000   610000
/// </code>
/// </summary>
internal sealed class CoverageProvince
{
    private readonly List<Bts> bts = [];
    private readonly List<Settlement> settlements = [];

    public CoverageProvince Bts(string id, string op, Technology tech, double x, double y, double? bandMHz = null, double? heightM = null, double? eirpDbm = null, double? azimuthDeg = null, double? beamwidthDeg = null)
    {
        bts.Add(new Bts(id, op, tech, TestNetwork.At(x, y), null, bandMHz, heightM, eirpDbm, azimuthDeg, beamwidthDeg, null, null));
        return this;
    }

    public CoverageProvince Settlement(string id, double x, double y, long? population = 100)
    {
        settlements.Add(new Settlement(id, TestNetwork.At(x, y), id, null, population));
        return this;
    }

    public Dataset Build(ProvinceRules? rules = null)
    {
        var units = new TestNetwork().WithProvince().Build().AdminUnits;
        var layers = new HashSet<string>(StringComparer.Ordinal) { Dataset.LayerNames.AdminUnits, Dataset.LayerNames.Bts, Dataset.LayerNames.Settlements };
        return new Dataset("Test", TestNetwork.Crs, units, [.. settlements], [], [.. bts], [], [], [], layers) { Rules = rules ?? ProvinceRules.Default };
    }
}
