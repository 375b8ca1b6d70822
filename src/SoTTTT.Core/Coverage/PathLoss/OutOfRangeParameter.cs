using System.Globalization;

namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// One input outside the validity range of a model: the value was used anyway (extrapolation), and the caller
/// decides whether to refuse the result or to flag it.
/// </summary>
/// <param name="Parameter">The input's name (<see cref="PathLossParameters"/>).</param>
/// <param name="Value">The value given, in the parameter's unit.</param>
/// <param name="Range">The model's validity range for it.</param>
/// <param name="Unit">The unit, for messages (MHz, km, m).</param>
public sealed record OutOfRangeParameter(string Parameter, double Value, ParameterRange Range, string Unit)
{
    /// <summary>"freq_mhz = 2114 MHz, valid 1500–2000 MHz".</summary>
    public override string ToString() =>
        $"{Parameter} = {Value.ToString("0.###", CultureInfo.InvariantCulture)} {Unit}, valid {Range} {Unit}";
}
