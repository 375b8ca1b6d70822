namespace SoTTTT.Cli;

/// <summary>Exit codes of the output contract.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;
}
