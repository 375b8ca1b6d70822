using NUnit.Framework;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Security;

/// <summary>Issue 15, finding 3: dataset.json never makes SoTTTT read a file outside the dataset folder, nor a special file.</summary>
public sealed class DatasetFileTests
{
    [Test]
    public void Load_RulesPathClimbingOut_IsRefusedUnread()
    {
        using var ds = SmallProvince.Create();
        ds.File("dataset.json", """{"name": "T", "crs": "VN2000:105.5", "rules": "../../../../etc/passwd"}""");

        var (exit, _, error) = CliRunner.Run("indicators", ds.Folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("FILE_OUTSIDE_DATASET"));
            Assert.That(error, Does.Not.Contain("root:"));
            Assert.That(error, Does.Not.Contain("INVALID_JSON"));
        });
    }

    [Test]
    public void Load_AbsoluteRulesPath_IsRefused()
    {
        using var ds = SmallProvince.Create();
        using var other = new TempDataset();
        other.File("rules.json", "{}");
        ds.File("dataset.json", $$"""{"name": "T", "crs": "VN2000:105.5", "rules": "{{Path.Combine(other.Folder, "rules.json")}}"}""");

        var result = DatasetLoader.Load(ds.Folder);

        Assert.That(result.Problems.Select(p => p.Code), Does.Contain("FILE_OUTSIDE_DATASET"));
    }

    [Test]
    public void Load_RulesSymlinkLeadingOut_IsRefused()
    {
        using var ds = SmallProvince.Create();
        using var other = new TempDataset();
        other.File("rules.json", "{}");
        File.CreateSymbolicLink(Path.Combine(ds.Folder, "rules.json"), Path.Combine(other.Folder, "rules.json"));
        Directory.CreateSymbolicLink(Path.Combine(ds.Folder, "elsewhere"), other.Folder);
        ds.File("dataset.json", """{"name": "T", "crs": "VN2000:105.5", "rules": "elsewhere/rules.json"}""");

        var viaFolder = DatasetLoader.Load(ds.Folder);
        ds.File("dataset.json", """{"name": "T", "crs": "VN2000:105.5"}""");
        var viaFile = DatasetLoader.Load(ds.Folder);

        Assert.That(viaFolder.Problems.Select(p => p.Code), Does.Contain("FILE_OUTSIDE_DATASET"));
        Assert.That(viaFile.Problems.Select(p => p.Code), Does.Contain("FILE_OUTSIDE_DATASET"));
    }

    [Test]
    public void Load_RulesInSubfolderAndSymlinkInside_AreRead()
    {
        using var ds = SmallProvince.Create();
        Directory.CreateDirectory(Path.Combine(ds.Folder, "config"));
        ds.File("config/rules.json", """{"co_location_m": 25}""");
        File.CreateSymbolicLink(Path.Combine(ds.Folder, "config", "link.json"), Path.Combine(ds.Folder, "config", "rules.json"));
        ds.File("dataset.json", """{"name": "T", "crs": "VN2000:105.5", "rules": "config/link.json"}""");

        var result = DatasetLoader.Load(ds.Folder);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Dataset!.Rules.CoLocationM, Is.EqualTo(25));
    }

    [Test]
    public void Load_RulesNamingADevice_IsRefusedWithoutReading()
    {
        using var ds = SmallProvince.Create();
        File.CreateSymbolicLink(Path.Combine(ds.Folder, "zero.json"), "/dev/zero");
        ds.File("dataset.json", """{"name": "T", "crs": "VN2000:105.5", "rules": "zero.json"}""");

        var result = DatasetLoader.Load(ds.Folder);

        Assert.That(result.Problems.Select(p => p.Code), Does.Contain("FILE_OUTSIDE_DATASET"));
    }

    [Test]
    public void Load_LayerFileThatIsADeviceFifoOrDirectory_IsRefused()
    {
        using var ds = SmallProvince.Create();
        File.Delete(Path.Combine(ds.Folder, "bts.csv"));
        File.CreateSymbolicLink(Path.Combine(ds.Folder, "bts.csv"), "/dev/zero");
        File.Delete(Path.Combine(ds.Folder, "towers.csv"));
        Assert.That(MkFifo(Path.Combine(ds.Folder, "towers.csv")), Is.Zero, "mkfifo failed");
        Directory.CreateDirectory(Path.Combine(ds.Folder, "rules.json"));

        var result = DatasetLoader.Load(ds.Folder);

        var refused = result.Problems.Where(p => p.Code == "NOT_A_REGULAR_FILE").Select(p => p.File).ToList();
        Assert.That(refused, Is.EquivalentTo(new[] { "bts.csv", "towers.csv", "rules.json" }));
    }

    [Test]
    public void KindOf_SpecialFiles_AreNamed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SafeFile.KindOf("/dev/zero"), Is.EqualTo(FileKind.Device));
            Assert.That(SafeFile.KindOf("/tmp"), Is.EqualTo(FileKind.Directory));
            Assert.That(SafeFile.KindOf("/no/such/file"), Is.EqualTo(FileKind.Missing));
            Assert.That(SafeFile.KindOf(typeof(DatasetFileTests).Assembly.Location), Is.EqualTo(FileKind.Regular));
        });
    }

    [Test]
    public void ReadAllBytes_OverTheLimit_Throws()
    {
        using var ds = new TempDataset();
        ds.Bytes("big.csv", new byte[1000]);

        Assert.That(() => SafeFile.ReadAllBytes(Path.Combine(ds.Folder, "big.csv"), 999), Throws.InstanceOf<IOException>());
        Assert.That(SafeFile.ReadAllBytes(Path.Combine(ds.Folder, "big.csv"), 1000), Has.Length.EqualTo(1000));
    }

    [Test]
    public void Pathloss_DemIsDevZero_RefusedAtOnce()
    {
        var (exit, _, error) = CliRunner.Run(
            "pathloss", "--model", "itm", "--dem", "/dev/zero", "--tx", "105.5,21.0", "--rx", "105.51,21.0", "--hb-m", "30", "--hm-m", "1.5", "--freq-mhz", "900");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("NOT_A_REGULAR_FILE"));
    }

    private static int MkFifo(string path)
    {
        using var process = System.Diagnostics.Process.Start("mkfifo", [path]);
        process.WaitForExit();
        return process.ExitCode;
    }
}
