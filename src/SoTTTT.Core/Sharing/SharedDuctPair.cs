namespace SoTTTT.Core.Sharing;

/// <summary>Shared-duct candidates of one pair of operators: km along <paramref name="OperatorA"/>'s routes (A sorts first).</summary>
public sealed record SharedDuctPair(string OperatorA, string OperatorB, double Km, int Stretches);
