using OpenQA.Selenium.Chrome;

namespace SoTTTT.Tests.Support;

/// <summary>
/// Headless Chromium through Debian's chromium and chromium-driver (tests/run.sh installs them). When they are missing
/// the test fails in CI (environment variable CI set, other than <c>false</c>/<c>0</c>) and is ignored elsewhere, saying
/// what to install.
/// </summary>
internal static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string DriverPath = "/usr/bin/chromedriver";

    private const string Missing =
        "Chromium and its WebDriver are not installed (/usr/bin/chromium, /usr/bin/chromedriver; Debian packages chromium and chromium-driver); tests/run.sh installs them";

    /// <summary>A headless Chromium of the given window size, or the test stops.</summary>
    public static ChromeDriver Start(int width = 1280, int height = 800)
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            ExternalTools.Missing(Missing);
        }

        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--window-size={width},{height}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
