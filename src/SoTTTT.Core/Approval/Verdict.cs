namespace SoTTTT.Core.Approval;

/// <summary>The outcome of appraising one application (keys in files: <c>approve</c>, <c>share</c>, <c>refer</c>, <c>reject</c>).</summary>
public enum Verdict
{
    /// <summary>A new tower may be built as applied for.</summary>
    Approve,

    /// <summary>Approved only as sharing the tower named in <see cref="ApplicationVerdict.TowerId"/>.</summary>
    Share,

    /// <summary>Must share, but the tower within reach cannot take another operator: the provincial authority decides.</summary>
    Refer,

    /// <summary>Refused: a rule is broken, or the row is invalid.</summary>
    Reject,
}
