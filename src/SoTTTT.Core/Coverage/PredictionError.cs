using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// Measured minus predicted level for one operator, technology and model: the prediction is the best-server level of
/// that operator and technology at the measurement's position; the model is the one of that best server.
/// </summary>
/// <param name="Count">Measurements with a prediction.</param>
/// <param name="MeanDb">Mean of measured − predicted, dB (positive: the model is pessimistic).</param>
/// <param name="RmseDb">Root mean square of measured − predicted, dB.</param>
/// <param name="Unpredicted">Measurements of the operator and technology with no prediction (no BTS in model range).</param>
public sealed record PredictionError(string Operator, Technology Tech, string Model, int Count, double MeanDb, double RmseDb, int Unpredicted);
