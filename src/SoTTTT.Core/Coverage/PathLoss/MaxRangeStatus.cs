namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>Where the maximum range falls relative to the model's distance range.</summary>
public enum MaxRangeStatus
{
    /// <summary>Inside the distance range: the loss reaches the allowed loss at <see cref="MaxRangeResult.MaxRangeKm"/>.</summary>
    WithinRange,

    /// <summary>The loss stays below the allowed loss up to the model's largest distance: the range is beyond what the model covers.</summary>
    BeyondRange,

    /// <summary>The loss exceeds the allowed loss already at the model's smallest distance.</summary>
    BelowRange,
}
