namespace SoTTTT.IO.Writing;

/// <summary>
/// Work on other threads beside the caller's, where the failure reported is the one a single thread would have met:
/// never an <see cref="AggregateException"/>, never a task left running after the caller returns.
/// </summary>
public static class Beside
{
    /// <summary>
    /// Runs <paramref name="other"/> on another thread while <paramref name="here"/> runs on this one and returns once
    /// both are done. When <paramref name="here"/> throws, the other is waited for (its own failure dropped) and this
    /// one rethrown; otherwise the other's failure, if any, is thrown as itself.
    /// </summary>
    public static void Run(Action other, Action here)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(here);
        var task = Task.Run(other);
        try
        {
            here();
        }
        catch
        {
            try
            {
                task.Wait();
            }
            catch (AggregateException)
            {
            }

            throw;
        }

        task.GetAwaiter().GetResult();
    }

    /// <summary><see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> over [0, count), at most <paramref name="maxParallel"/> at a time; a failure reaches the caller as the first exception itself.</summary>
    public static void For(int count, int maxParallel, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (count <= 0)
        {
            return;
        }

        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallel) }, body);
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
