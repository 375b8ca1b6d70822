using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// Measured minus predicted level for one operator, technology and model: the prediction is the best-server level of
/// that operator and technology at the measurement's position; the model is the one of that best server.
/// </summary>
/// <param name="Model">The best server's model; <c>none</c> for the measurements without a prediction (no BTS of the operator and technology within model range).</param>
/// <param name="Count">Measurements in the group.</param>
/// <param name="MeanDb">Mean of measured − predicted, dB (positive: the model is pessimistic); null for <c>none</c>.</param>
/// <param name="RmseDb">Root mean square of measured − predicted, dB; null for <c>none</c>.</param>
public sealed record PredictionError(string Operator, Technology Tech, string Model, int Count, double? MeanDb, double? RmseDb)
{
    /// <summary>The model name of measurements without a prediction.</summary>
    public const string NoModel = "none";
}
