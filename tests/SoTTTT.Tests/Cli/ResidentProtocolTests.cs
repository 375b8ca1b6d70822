using NUnit.Framework;
using SoTTTT.Cli.Resident;
using SoTTTT.IO.Caching;

namespace SoTTTT.Tests.Cli;

/// <summary>The request frame of the resident process and the client's own socket stream.</summary>
public sealed class ResidentProtocolTests
{
    [Test]
    public void ARequest_RoundTrips_AndAnythingElseIsNoRequest()
    {
        var request = new ResidentProtocol.Request(ResidentProtocol.Build, "/tmp/thư mục", ["indicators", "dữ liệu", "--columns", "bts_*", string.Empty], true, 132, 2) { Umask = 0x12 };
        var bytes = ResidentProtocol.Encode(request);
        var back = ResidentProtocol.Decode(bytes)!;
        Assert.Multiple(() =>
        {
            Assert.That(back.Build, Is.EqualTo(request.Build));
            Assert.That(back.WorkingFolder, Is.EqualTo(request.WorkingFolder));
            Assert.That(back.Args, Is.EqualTo(request.Args));
            Assert.That((back.Terminal, back.Width, back.Colors, back.Umask), Is.EqualTo((true, 132, 2, (uint?)0x12)));
            Assert.That(ResidentProtocol.Decode(ResidentProtocol.Encode(request with { Umask = null }))!.Umask, Is.Null);
            Assert.That(ResidentProtocol.Build, Does.Match("^[0-9a-f]{16}$"));
        });

        // Every cut, a byte more, and random bytes: no request, never an exception.
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            Assert.That(ResidentProtocol.Decode(bytes.AsSpan(0, cut)), Is.Null, $"cut at {cut}");
        }

        Assert.That(ResidentProtocol.Decode([.. bytes, 0]), Is.Null);

        // The first builds' JSON, which daemon stop sends to other builds' processes, is read too.
        var json = ResidentProtocol.Decode(ResidentProtocol.EncodeJson(request))!;
        Assert.That((json.Build, json.WorkingFolder, json.Args, json.Terminal, json.Width, json.Colors, json.Umask), Is.EqualTo((request.Build, request.WorkingFolder, request.Args, true, 132, 2, (uint?)0x12)));
        Assert.That(System.Text.Encoding.UTF8.GetString(ResidentProtocol.EncodeJson(request)), Does.StartWith("{\"build\":"));
        var random = new Random(13);
        for (var i = 0; i < 2000; i++)
        {
            var junk = new byte[random.Next(0, 64)];
            random.NextBytes(junk);
            Assert.That(() => ResidentProtocol.Decode(junk), Throws.Nothing);
        }
    }

    [Test]
    public void UnixSocketStream_TalksToADotNetListener_AndFindsNoneWhereNothingListens()
    {
        if (!UnixSocketStream.Supported)
        {
            Assert.Ignore("UnixSocketStream is for Linux; this machine runs another system");
        }

        var folder = Directory.CreateTempSubdirectory("sotttt-socket-").FullName;
        try
        {
            var path = Path.Combine(folder, "s.sock");
            Assert.That(UnixSocketStream.Connect(path), Is.Null, "nothing listens yet");
            using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
            listener.Listen(1);
            var echo = Task.Run(() =>
            {
                using var peer = listener.Accept();
                using var s = new System.Net.Sockets.NetworkStream(peer);
                var frame = ResidentProtocol.ReadFrame(s)!.Value;
                ResidentProtocol.WriteFrame(s, frame.Kind, [.. frame.Payload.Reverse()]);
            });
            using (var client = UnixSocketStream.Connect(path)!)
            {
                var payload = new byte[200_000];
                new Random(5).NextBytes(payload);
                ResidentProtocol.WriteFrame(client, ResidentProtocol.Stdout, payload);
                var answer = ResidentProtocol.ReadFrame(client)!.Value;
                Assert.That(answer.Kind, Is.EqualTo(ResidentProtocol.Stdout));
                Assert.That(answer.Payload, Is.EqualTo(payload.Reverse().ToArray()));
                Assert.That(ResidentProtocol.ReadFrame(client), Is.Null, "the peer closed: the end of the stream");
            }

            echo.Wait();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
