namespace SoTTTT.Core.Approval;

/// <summary>The file and JSON spelling of a <see cref="Verdict"/>.</summary>
public static class VerdictKeys
{
    public static string Key(Verdict verdict) => verdict switch
    {
        Verdict.Approve => "approve",
        Verdict.Share => "share",
        Verdict.Refer => "refer",
        Verdict.Reject => "reject",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };
}
