using SoTTTT.Core.Model;

namespace SoTTTT.Core.Indicators;

/// <summary>Running sums of one unit's indicators; merged bottom-up into ancestors.</summary>
internal sealed class Accumulator
{
    public int Settlements { get; private set; }

    public long SettlementPopulation { get; private set; }

    public int SettlementsWithPopulation { get; private set; }

    public int AccessCount { get; private set; }

    public double AccessPopulation { get; private set; }

    public double AccessPopulationKm { get; private set; }

    public double AccessSumKm { get; private set; }

    public double AccessMaxKm { get; private set; }

    public double AccessWeight => AccessPopulation > 0 ? AccessPopulation : AccessCount;

    public double AccessWeightedKm => AccessPopulation > 0 ? AccessPopulationKm : AccessSumKm;

    public int SettlementsWithFibre { get; private set; }

    public int SettlementsFibreKnown { get; private set; }

    public bool FibreKnown => SettlementsFibreKnown == Settlements;

    public int Postal { get; private set; }

    public Dictionary<string, int> PostalByKind { get; } = new(StringComparer.Ordinal);

    public int Bts { get; private set; }

    public Dictionary<string, int> BtsByOperator { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> BtsByTech { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Positions { get; } = new(StringComparer.Ordinal);

    public double FibreM { get; private set; }

    public Dictionary<string, double> FibreMByOperator { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double> FibreMByPlacement { get; } = new(StringComparer.Ordinal);

    public int Communes { get; private set; }

    public int CommunesWithCentre { get; private set; }

    public int CommunesWithFibre { get; private set; }

    public int CommunesWithPostal { get; private set; }

    public Dictionary<string, int> PostalByOperator { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> PublicSitesByKind { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> PublicSitesFibreByKind { get; } = new(StringComparer.Ordinal);

    /// <summary>The routes with length in the unit, each by the first index of its id in the layer (an int hashes far faster than the id).</summary>
    public HashSet<int> FibreRouteKeys { get; } = [];

    public HashSet<string> CopperRouteIds { get; } = new(StringComparer.Ordinal);

    public double CopperM { get; private set; }

    public int Nodes { get; private set; }

    public Dictionary<string, int> NodesByKind { get; } = new(StringComparer.Ordinal);

    public void AddSettlement(long? population, double? nearestPostalM, bool? withinFibre)
    {
        Settlements++;
        if (population is { } p)
        {
            SettlementPopulation += p;
            SettlementsWithPopulation++;
        }

        if (nearestPostalM is { } m)
        {
            var km = m / 1000;
            AccessCount++;
            AccessSumKm += km;
            AccessPopulation += population ?? 0;
            AccessPopulationKm += (population ?? 0) * km;
            AccessMaxKm = Math.Max(AccessMaxKm, km);
        }

        if (withinFibre is { } f)
        {
            SettlementsFibreKnown++;
            SettlementsWithFibre += f ? 1 : 0;
        }
    }

    /// <summary>Settlements covered by any operator, per technology (index = (int)<see cref="Technology"/>).</summary>
    public int[] SettlementsCoveredByTech { get; } = new int[4];

    public void AddCoverage(bool[] coveredByTech)
    {
        for (var t = 0; t < SettlementsCoveredByTech.Length; t++)
        {
            SettlementsCoveredByTech[t] += coveredByTech[t] ? 1 : 0;
        }
    }

    /// <param name="operatorKey">The operator as <see cref="Codes.PostalOperator"/> gives it, or <c>unspecified</c>.</param>
    public void AddPostal(PostalKind? kind, string operatorKey)
    {
        Postal++;
        PostalByOperator[operatorKey] = PostalByOperator.GetValueOrDefault(operatorKey) + 1;
        var key = kind is { } k ? Codes.Key(k) : "unspecified";
        PostalByKind[key] = PostalByKind.GetValueOrDefault(key) + 1;
    }

    public void AddBts(Model.Bts bts)
    {
        Bts++;
        BtsByOperator[bts.Operator] = BtsByOperator.GetValueOrDefault(bts.Operator) + 1;
        var tech = Codes.Label(bts.Tech);
        BtsByTech[tech] = BtsByTech.GetValueOrDefault(tech) + 1;
    }

    public void AddPosition(string positionKey) => Positions.Add(positionKey);

    /// <summary>
    /// Fibre summed part by part elsewhere, in route order (<see cref="IndicatorsAnalysis"/>): the whole, and per operator
    /// and per placement (only those met); the routes' keys are added to <see cref="FibreRouteKeys"/> directly.
    /// </summary>
    public void AddFibreSums(double metres, IEnumerable<(string Key, double Metres)> byOperator, IEnumerable<(string Key, double Metres)> byPlacement)
    {
        FibreM += metres;
        foreach (var (key, m) in byOperator)
        {
            FibreMByOperator[key] = FibreMByOperator.GetValueOrDefault(key) + m;
        }

        foreach (var (key, m) in byPlacement)
        {
            FibreMByPlacement[key] = FibreMByPlacement.GetValueOrDefault(key) + m;
        }
    }

    public void AddCopper(FibreRoute route, double metres)
    {
        CopperRouteIds.Add(route.Id);
        CopperM += metres;
    }

    public void AddPublicSite(PublicSiteKind kind, bool? withinFibre)
    {
        var key = Codes.Key(kind);
        PublicSitesByKind[key] = PublicSitesByKind.GetValueOrDefault(key) + 1;
        if (withinFibre is true)
        {
            PublicSitesFibreByKind[key] = PublicSitesFibreByKind.GetValueOrDefault(key) + 1;
        }
    }

    public void AddNode(NodeKind kind)
    {
        Nodes++;
        var key = Codes.Key(kind);
        NodesByKind[key] = NodesByKind.GetValueOrDefault(key) + 1;
    }

    public void AddCommune(bool? centreReachedByFibre, bool hasPostal)
    {
        Communes++;
        CommunesWithPostal += hasPostal ? 1 : 0;
        if (centreReachedByFibre is { } reached)
        {
            CommunesWithCentre++;
            CommunesWithFibre += reached ? 1 : 0;
        }
    }

    public void Merge(Accumulator o)
    {
        Settlements += o.Settlements;
        SettlementPopulation += o.SettlementPopulation;
        SettlementsWithPopulation += o.SettlementsWithPopulation;
        AccessCount += o.AccessCount;
        AccessPopulation += o.AccessPopulation;
        AccessPopulationKm += o.AccessPopulationKm;
        AccessSumKm += o.AccessSumKm;
        AccessMaxKm = Math.Max(AccessMaxKm, o.AccessMaxKm);
        SettlementsWithFibre += o.SettlementsWithFibre;
        for (var t = 0; t < SettlementsCoveredByTech.Length; t++)
        {
            SettlementsCoveredByTech[t] += o.SettlementsCoveredByTech[t];
        }

        SettlementsFibreKnown += o.SettlementsFibreKnown;
        Postal += o.Postal;
        MergeCounts(PostalByKind, o.PostalByKind);
        Bts += o.Bts;
        MergeCounts(BtsByOperator, o.BtsByOperator);
        MergeCounts(BtsByTech, o.BtsByTech);
        Positions.UnionWith(o.Positions);
        FibreM += o.FibreM;
        MergeSums(FibreMByOperator, o.FibreMByOperator);
        MergeSums(FibreMByPlacement, o.FibreMByPlacement);
        Communes += o.Communes;
        CommunesWithCentre += o.CommunesWithCentre;
        CommunesWithFibre += o.CommunesWithFibre;
        CommunesWithPostal += o.CommunesWithPostal;
        MergeCounts(PostalByOperator, o.PostalByOperator);
        MergeCounts(PublicSitesByKind, o.PublicSitesByKind);
        MergeCounts(PublicSitesFibreByKind, o.PublicSitesFibreByKind);
        FibreRouteKeys.UnionWith(o.FibreRouteKeys);
        CopperRouteIds.UnionWith(o.CopperRouteIds);
        CopperM += o.CopperM;
        Nodes += o.Nodes;
        MergeCounts(NodesByKind, o.NodesByKind);
    }

    private static void MergeCounts(Dictionary<string, int> into, Dictionary<string, int> from)
    {
        foreach (var (k, v) in from)
        {
            into[k] = into.GetValueOrDefault(k) + v;
        }
    }

    private static void MergeSums(Dictionary<string, double> into, Dictionary<string, double> from)
    {
        foreach (var (k, v) in from)
        {
            into[k] = into.GetValueOrDefault(k) + v;
        }
    }
}
