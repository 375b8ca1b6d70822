using System.Diagnostics;
using NUnit.Framework;

namespace SoTTTT.Tests.Support;

/// <summary>
/// Independent tools and services some tests check against: GDAL's ogrinfo, gdalinfo, gdallocationinfo and
/// gdal_translate, PROJ's cs2cs, SPLAT! (Debian package splat) and the throwaway PostGIS cluster that
/// tests/run.sh starts (URL in SOTTTT_TEST_PG). When one is missing the test fails in CI (CI=true), where
/// tests/run.sh must have provided it, and is ignored elsewhere, with the same message.
/// </summary>
internal static class ExternalTools
{
    public const string PostgisVariable = "SOTTTT_TEST_PG";

    private const string OgrinfoMissing = "ogrinfo (GDAL, Debian package gdal-bin) is not installed; tests/run.sh installs it";

    private const string SplatMissing = "splat (SPLAT! 1.4.2, Debian package splat) is not installed; tests/run.sh installs it";

    private const string Cs2csMissing = "cs2cs (PROJ, Debian package proj-bin) is not installed; tests/run.sh installs it";

    private const string PostgisMissing =
        "SOTTTT_TEST_PG is not set: no PostGIS test cluster (tests/run.sh installs PostgreSQL 15 + PostGIS 3 and starts one on a loopback port)";

    /// <summary>The path of ogrinfo, or the test stops.</summary>
    public static string Ogrinfo() => FindOnPath("ogrinfo") ?? Missing(OgrinfoMissing);

    /// <summary>The path of a GDAL raster tool (<c>gdalinfo</c>, <c>gdallocationinfo</c>, <c>gdal_translate</c>, <c>gdal_create</c>), or the test stops.</summary>
    public static string Gdal(string tool) => FindOnPath(tool) ?? Missing($"{tool} (GDAL, Debian package gdal-bin) is not installed; tests/run.sh installs it");

    /// <summary>The path of SPLAT! (<c>splat</c>), or the test stops.</summary>
    public static string Splat() => FindOnPath("splat") ?? Missing(SplatMissing);

    /// <summary>The path of PROJ's cs2cs, or the test stops.</summary>
    public static string Cs2cs() => FindOnPath("cs2cs") ?? Missing(Cs2csMissing);

    /// <summary>LibreOffice's soffice (headless conversion of documents to PDF), or the test stops.</summary>
    public static string Soffice() => FindOnPath("soffice") ?? Missing("soffice (LibreOffice, Debian package libreoffice-writer-nogui) is not installed; tests/run.sh installs it");

    /// <summary>poppler's pdftoppm (PDF pages to PNG), or the test stops.</summary>
    public static string Pdftoppm() => FindOnPath("pdftoppm") ?? Missing("pdftoppm (Debian package poppler-utils) is not installed; tests/run.sh installs it");

    /// <summary>poppler's pdftotext (the text of a PDF), or the test stops.</summary>
    public static string Pdftotext() => FindOnPath("pdftotext") ?? Missing("pdftotext (Debian package poppler-utils) is not installed; tests/run.sh installs it");

    /// <summary>The PostGIS test database URL (without a query), or the test stops.</summary>
    public static string PostgisUrl() =>
        Environment.GetEnvironmentVariable(PostgisVariable) is { Length: > 0 } url ? url : Missing(PostgisMissing);

    /// <summary>Runs a tool and returns its standard output; fails the test on a non-zero exit.</summary>
    public static string Run(string tool, params string[] args) => RunWithInput(tool, null, args);

    /// <summary>As <see cref="Run"/>, feeding <paramref name="stdin"/> to the tool.</summary>
    public static string RunWithInput(string tool, string? stdin, params string[] args) => RunIn(null, tool, stdin, TimeSpan.FromSeconds(60), args);

    /// <summary>As <see cref="RunWithInput(string, string?, string[])"/> with a time limit of its own (LibreOffice starts slowly).</summary>
    public static string RunWithInput(string tool, string? stdin, TimeSpan limit, params string[] args) => RunIn(null, tool, stdin, limit, args);

    /// <summary>As <see cref="RunWithInput(string, string?, string[])"/>, in <paramref name="workingDirectory"/> (null: the current one).</summary>
    public static string RunIn(string? workingDirectory, string tool, string? stdin, params string[] args) => RunIn(workingDirectory, tool, stdin, TimeSpan.FromSeconds(60), args);

    /// <summary>As <see cref="RunIn(string?, string, string?, string[])"/> with a time limit.</summary>
    public static string RunIn(string? workingDirectory, string tool, string? stdin, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill();
            Assert.Fail($"{tool} did not finish within {limit.TotalSeconds} s");
        }

        Assert.That(process.ExitCode, Is.Zero, () => $"{tool} {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>
    /// A prerequisite the test command installs is missing: the test fails under CI (any CI value but empty, 0 or
    /// false) and is ignored elsewhere with <paramref name="message"/>.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static string Missing(string message)
    {
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "0" && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return string.Empty;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
