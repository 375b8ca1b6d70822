using System.Net;
using NUnit.Framework;
using SoTTTT.Cli.Viewer;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Security;

/// <summary>Issue 15, findings 2 and 4 on the real <c>sotttt serve</c> process: foreign Host refused, no Server header, the cap option.</summary>
public sealed class ServeProcessSecurityTests
{
    [Test]
    public async Task Serve_Sample_RefusesForeignHostAndCapsAnswers()
    {
        if (!new ViewerAssets(RepoMaps.Folder).HasOpenLayers)
        {
            ExternalTools.Missing("OpenLayers is not installed in maps/node_modules (tests/run.sh runs npm ci)");
        }

        using var server = ServeProcess.Start(DemoSample.Folder, TimeSpan.FromSeconds(120), "--max-features", "200");
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/layers/bts?zoom=15");
        foreign.Headers.Host = "attacker.example";

        using var refused = await client.SendAsync(foreign);
        using var served = await client.GetAsync(new Uri("/api/layers/bts?zoom=15", UriKind.Relative));
        var body = await served.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.MisdirectedRequest));
            Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(served.Headers.Contains("Server"), Is.False);
            Assert.That(body, Does.Contain("\"limited\":true").And.Contain("\"max_features\":200"));
        });
    }
}
