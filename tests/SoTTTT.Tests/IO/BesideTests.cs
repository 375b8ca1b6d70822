using NUnit.Framework;
using SoTTTT.IO.Writing;

namespace SoTTTT.Tests.IO;

/// <summary>Work beside the caller's thread fails as a single thread would: the caller's own failure first, never wrapped, nothing left running.</summary>
[TestFixture]
public sealed class BesideTests
{
    [Test]
    public void Run_BothSucceed_BothDoneWhenItReturns()
    {
        var other = 0;
        var here = 0;

        Beside.Run(() => { Thread.Sleep(50); other = 1; }, () => here = 1);

        Assert.That((other, here), Is.EqualTo((1, 1)));
    }

    [Test]
    public void Run_HereFails_ItsFailureAfterTheOtherFinished()
    {
        var otherDone = false;

        var thrown = Assert.Throws<IOException>(() => Beside.Run(
            () => { Thread.Sleep(50); otherDone = true; throw new InvalidOperationException("other"); },
            () => throw new IOException("here")));

        Assert.That(thrown!.Message, Is.EqualTo("here"));
        Assert.That(otherDone, Is.True);
    }

    [Test]
    public void Run_OtherFails_ItsFailureAsItself()
    {
        var thrown = Assert.Throws<UnauthorizedAccessException>(() => Beside.Run(() => throw new UnauthorizedAccessException("other"), () => { }));

        Assert.That(thrown!.Message, Is.EqualTo("other"));
    }

    [Test]
    public void For_OneFails_ThatFailureNotAnAggregate()
    {
        var done = new int[4];

        Assert.Throws<IOException>(() => Beside.For(4, 2, k =>
        {
            if (k == 2)
            {
                throw new IOException("disk full");
            }

            done[k] = 1;
        }));
    }

    [Test]
    public void For_NothingToDo_ReturnsWithoutTouchingTheBody()
    {
        // A coverage run with no technology (an operator without BTS) has no GeoTIFF to write: count 0, and a limit of 0
        // that ParallelOptions would refuse.
        var calls = 0;

        Beside.For(0, 0, _ => calls++);

        Assert.That(calls, Is.Zero);
    }

    [Test]
    public void For_AllSucceed_EveryIndexOnce()
    {
        var done = new int[100];

        Beside.For(done.Length, 2, k => Interlocked.Increment(ref done[k]));

        Assert.That(done, Is.All.EqualTo(1));
    }
}
