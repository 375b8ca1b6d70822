using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>One operator's network of one technology; <see cref="AnyOperator"/> stands for every operator together.</summary>
public readonly record struct CoverageLayer(string Operator, Technology Tech)
{
    /// <summary>The operator name of rows that count coverage by any operator.</summary>
    public const string AnyOperator = "*";

    public bool IsAny => Operator == AnyOperator;
}
