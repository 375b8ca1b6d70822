using NUnit.Framework;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Maps;

/// <summary>
/// The viewer in a real headless Chromium against <c>sotttt serve</c> on the sample province: every view draws its
/// available layers and shows a legend; screenshots go to the test output folder (screenshots/).
/// </summary>
[NonParallelizable]
public sealed class ViewerBrowserTests
{
    private static readonly string[] Views = ["overview", "coverage", "gaps", "postal", "sharing", "approval", "plan"];

    private ServeProcess? server;
    private ChromeDriver? driver;

    [OneTimeSetUp]
    public void Start()
    {
        driver = Browser.Start();
        server = ServeProcess.Start(DemoSample.Folder, TimeSpan.FromSeconds(90));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        driver?.Quit();
        driver?.Dispose();
        server?.Dispose();
    }

    [Test]
    public void Viewer_EveryView_DrawsFeaturesAndShowsTheLegend()
    {
        var browser = driver!;
        browser.Navigate().GoToUrl(server!.Url);
        WaitReady(browser, "overview");
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "screenshots");
        Directory.CreateDirectory(folder);

        foreach (var view in Views)
        {
            browser.FindElement(By.CssSelector($"#views button[data-view='{view}']")).Click();
            WaitReady(browser, view);

            var drawn = browser.FindElements(By.CssSelector("#layers li[data-features]"))
                .ToDictionary(li => li.GetDomAttribute("data-layer")!, li => int.Parse(li.GetDomAttribute("data-features")!, System.Globalization.CultureInfo.InvariantCulture));
            var unavailable = browser.FindElements(By.CssSelector("#layers li[data-available='false']")).Select(li => li.GetDomAttribute("data-layer")).ToList();
            var legendEntries = browser.FindElements(By.CssSelector("#legend .entry")).Count;
            var path = Path.Combine(folder, $"viewer-{view}.png");
            browser.GetScreenshot().SaveAsFile(path);
            TestContext.AddTestAttachment(path, view);

            Assert.Multiple(() =>
            {
                Assert.That(drawn.Values.Sum(), Is.GreaterThan(0), $"{view}: features drawn per layer {string.Join(", ", drawn)}");
                Assert.That(drawn["admin_units"], Is.GreaterThan(0), $"{view}: admin units");
                Assert.That(legendEntries, Is.GreaterThan(0), $"{view}: legend entries");
                Assert.That(Errors(browser), Is.Empty, $"{view}: errors in the page");
            });
            if (view is "plan")
            {
                Assert.That(drawn["plan_positions"], Is.GreaterThan(0), "the planner's positions are drawn");
                Assert.That(unavailable, Is.Empty, "the plan view's layers all have a provider");
            }

            if (view == "coverage")
            {
                Assert.That(drawn["coverage_area"], Is.GreaterThan(0), "the coverage engine's areas are drawn");
            }

            if (view == "approval")
            {
                Assert.That(drawn["applications"], Is.GreaterThan(0), "the sample's applications.csv is appraised");
            }
        }
    }

    [Test]
    public void Viewer_EnglishToggle_RelabelsViewsAndLegend()
    {
        var browser = driver!;
        browser.Navigate().GoToUrl(server!.Url + "?view=overview&lang=vi");
        WaitReady(browser, "overview");

        browser.FindElement(By.Id("lang")).Click();

        var titles = browser.FindElements(By.CssSelector("#views button")).Select(b => b.Text).ToList();
        var legend = browser.FindElement(By.Id("legend")).Text;
        Assert.Multiple(() =>
        {
            Assert.That(titles, Does.Contain("Infrastructure overview"));
            Assert.That(legend, Does.Contain("Post office level 1"));
            Assert.That(browser.FindElement(By.TagName("html")).GetDomAttribute("lang"), Is.EqualTo("en"));
        });
        browser.FindElement(By.Id("lang")).Click();
    }

    [Test]
    public void Viewer_ClickOnAPostalPoint_ShowsItsPopup()
    {
        var browser = driver!;
        browser.Navigate().GoToUrl(server!.Url + "?view=overview&lang=vi");
        WaitReady(browser, "overview");
        var pixel = (IReadOnlyList<object>)browser.ExecuteScript("""
            const map = window.sotttt.map;
            const size = map.getSize();
            const inside = window.sotttt.features('postal_points')
              .map((f) => map.getPixelFromCoordinate(f.getFlatCoordinates().slice(0, 2)))
              .find((p) => p[0] > 40 && p[1] > 40 && p[0] < size[0] - 40 && p[1] < size[1] - 40);
            return [inside[0] - size[0] / 2, inside[1] - size[1] / 2];
            """)!;
        var map = browser.FindElement(By.Id("map"));

        new OpenQA.Selenium.Interactions.Actions(browser)
            .MoveToElement(map, (int)Math.Round(Convert.ToDouble(pixel[0], System.Globalization.CultureInfo.InvariantCulture)), (int)Math.Round(Convert.ToDouble(pixel[1], System.Globalization.CultureInfo.InvariantCulture)))
            .Click()
            .Perform();

        var popup = new WebDriverWait(browser, TimeSpan.FromSeconds(10)).Until(d => d.FindElement(By.CssSelector("#popup .content h3")) is { Displayed: true } h ? h : null);
        Assert.That(popup.Text, Is.EqualTo("Điểm phục vụ bưu chính"));
    }

    [Test]
    public void Viewer_OperatorFilter_HidesOtherOperatorsBts()
    {
        var browser = driver!;
        browser.Navigate().GoToUrl(server!.Url + "?view=overview&lang=vi");
        WaitReady(browser, "overview");
        const string Shown = """
            const map = window.sotttt.map;
            const layer = map.getLayers().getArray().find((l) => l.get('name') === 'bts');
            const style = layer.getStyleFunction();
            return window.sotttt.features('bts').filter((f) => style(f, 1) !== null).length;
            """;
        var all = Convert.ToInt32(browser.ExecuteScript(Shown), System.Globalization.CultureInfo.InvariantCulture);

        var options = browser.FindElements(By.CssSelector("#filters select[data-attribute='operator'] option")).Select(o => o.GetDomProperty("value")).ToList();
        browser.ExecuteScript("const s = document.querySelector(\"#filters select[data-attribute='operator']\"); s.value = 'Viettel'; s.dispatchEvent(new Event('change'));");
        var viettel = Convert.ToInt32(browser.ExecuteScript(Shown), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Multiple(() =>
        {
            Assert.That(options, Does.Contain("Viettel").And.Contain("VNPT").And.Contain(string.Empty));
            Assert.That(viettel, Is.GreaterThan(0).And.LessThan(all));
        });
    }

    private static void WaitReady(ChromeDriver browser, string view)
    {
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(60));
        wait.Until(d => ((IJavaScriptExecutor)d).ExecuteScript("return !!(window.sotttt && window.sotttt.ready && window.sotttt.view === arguments[0]);", view) is true);
    }

    private static IReadOnlyList<object> Errors(ChromeDriver browser) =>
        browser.ExecuteScript("return window.sotttt.errors;") as IReadOnlyList<object> ?? [];
}
