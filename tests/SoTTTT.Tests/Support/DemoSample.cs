namespace SoTTTT.Tests.Support;

/// <summary>The bundled sample province, found above the test's working folder.</summary>
internal static class DemoSample
{
    public static string Folder => global::SoTTTT.Cli.Commands.DemoCommand.SampleFolder();
}
