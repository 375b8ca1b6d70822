using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Security;

/// <summary>Issue 15, finding 2: a --host typo never exposes the viewer on every interface.</summary>
public sealed class ServeListenTests
{
    [TestCase("localhostx")]
    [TestCase("example.org")]
    [TestCase("*")]
    [TestCase("+")]
    [TestCase("1")]
    [TestCase("127.1")]
    [TestCase("")]
    public void Serve_HostNotAnAddress_ExitsWithTheReasonBeforeLoading(string host)
    {
        var (exit, _, error) = CliRunner.Run("serve", DemoSample.Folder, "--host", host, "--port", "8080");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("is not an IP address or 'localhost'"));
    }

    [TestCase("0")]
    [TestCase("65536")]
    [TestCase("99999")]
    public void Serve_PortOutOfRange_ExitsWithBadInput(string port)
    {
        var (exit, _, error) = CliRunner.Run("serve", DemoSample.Folder, "--port", port);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("1–65535"));
    }

    [TestCase("127.0.0.1", true)]
    [TestCase("127.0.0.2", true)]
    [TestCase("localhost", true)]
    [TestCase("::1", true)]
    [TestCase("[::1]", true)]
    [TestCase("0.0.0.0", false)]
    [TestCase("::", false)]
    [TestCase("192.0.2.10", false)]
    public void Parse_Address_KnowsLoopback(string host, bool loopback)
    {
        var listen = SoTTTT.Cli.Viewer.ListenAddress.Parse(host, 8080, out var error);

        Assert.That(listen, Is.Not.Null, error);
        Assert.That(listen!.IsLoopback, Is.EqualTo(loopback));
    }

    [Test]
    public void Parse_BoundAddress_IsAnAllowedHost()
    {
        var listen = SoTTTT.Cli.Viewer.ListenAddress.Parse("192.0.2.10", 8080, out _)!;

        Assert.That(listen.AllowedHosts(), Is.SupersetOf(new[] { "localhost", "127.0.0.1", "[::1]", "192.0.2.10" }));
        Assert.That(listen.AllowedHosts(), Does.Not.Contain("attacker.example"));
    }
}
