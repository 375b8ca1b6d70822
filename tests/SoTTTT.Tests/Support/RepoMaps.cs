using NUnit.Framework;

namespace SoTTTT.Tests.Support;

/// <summary>The repository's <c>maps/</c> folder (view definitions and the viewer), found above the test folder.</summary>
internal static class RepoMaps
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "maps");
                if (File.Exists(Path.Combine(candidate, "layers.json")) && File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("maps/ not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }
}
