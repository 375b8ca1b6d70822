using System.Buffers;
using System.Collections.Concurrent;
using ProjNet.CoordinateSystems;

namespace SoTTTT.Core.Crs;

/// <summary>
/// Converts coordinates between two <see cref="CrsDefinition"/>s: the VN-2000 ↔ WGS84 seven-parameter
/// shift of Decision 05/2007/QĐ-BTNMT (coordinate-frame convention, see <see cref="Vn2000Datum"/>) and transverse
/// Mercator zones, computed with ProjNet. Geographic coordinates are x = longitude, y = latitude in degrees;
/// projected ones x = easting, y = northing in metres. Heights are taken as 0 on the ellipsoid and dropped.
/// Measured against PROJ 9.1 (EPSG transformation 6960) over Vietnam inside each zone's use (±1.5° of a TM-3
/// central meridian, ±3.5° of a UTM one): within 0.1 mm from VN-2000, within 1.5 mm towards VN-2000, where
/// the inverse is made exact so that round trips close to ~1e-12° (see <see cref="TransformPipeline"/>).
/// Thread-safe: ProjNet transform objects are not, so each thread keeps the pipelines of the transformers it used last
/// (<see cref="Transform(double, double)"/> is called per point from parallel loops: a shared pool locked on every
/// point made the lock the cost), and the bulk methods borrow one from a pool that grows to one per concurrent caller.
/// </summary>
public sealed class CoordinateTransformer
{
    // Points per pipeline call in the bulk methods; bounds the scratch buffer.
    private const int ChunkSize = 4096;

    // Pipelines a thread keeps for the transformers it used last (a loop often alternates between two or three).
    private const int ThreadSlots = 8;

    [ThreadStatic]
    private static ThreadSlot[]? t_slots;

    [ThreadStatic]
    private static int t_nextSlot;

    private readonly Func<TransformPipeline>? _createTransform;
    private readonly ConcurrentBag<TransformPipeline> _pool = [];

    private CoordinateTransformer(CrsDefinition from, CrsDefinition to, Func<TransformPipeline>? createTransform)
    {
        From = from;
        To = to;
        _createTransform = createTransform;
        if (createTransform is not null)
        {
            _pool.Add(createTransform());
        }
    }

    /// <summary>The CRS of the input coordinates.</summary>
    public CrsDefinition From { get; }

    /// <summary>The CRS of the output coordinates.</summary>
    public CrsDefinition To { get; }

    /// <summary>A transformer from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static CoordinateTransformer Create(CrsDefinition from, CrsDefinition to) =>
        Create(from, to, Vn2000Datum.ToWgs84PositionVector());

    /// <summary>A transformer from <paramref name="from"/> to WGS84 longitude/latitude in degrees.</summary>
    public static CoordinateTransformer ToGeographicWgs84(CrsDefinition from) => Create(from, CrsRegistry.Wgs84);

    /// <summary>As <see cref="Create(CrsDefinition, CrsDefinition)"/> with explicit ProjNet TOWGS84 parameters (tests).</summary>
    internal static CoordinateTransformer Create(CrsDefinition from, CrsDefinition to, Wgs84ConversionInfo vn2000ToWgs84)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from == to)
        {
            return new CoordinateTransformer(from, to, null);
        }

        // Each pooled pipeline gets its own ProjNet objects so that none is shared between threads.
        return new CoordinateTransformer(from, to, () => new TransformPipeline(from, to, vn2000ToWgs84));
    }

    /// <summary>The transformer for the opposite direction.</summary>
    public CoordinateTransformer Inverse() => Create(To, From);

    /// <summary>Transforms one point (x = longitude or easting, y = latitude or northing).</summary>
    public (double X, double Y) Transform(double x, double y)
    {
        if (_createTransform is null)
        {
            return (x, y);
        }

        Span<double> scratch = stackalloc double[TransformPipeline.ScratchPerPoint];
        ThreadPipeline().Transform(new Span<double>(ref x), new Span<double>(ref y), scratch);
        return (x, y);
    }

    /// <summary>Transforms points in place; <paramref name="xs"/>[i], <paramref name="ys"/>[i] is one point.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public void Transform(double[] xs, double[] ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        Transform(xs.AsSpan(), ys.AsSpan());
    }

    /// <summary>Transforms points in place; <paramref name="xs"/>[i], <paramref name="ys"/>[i] is one point.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Transform(Span<double> xs, Span<double> ys)
    {
        if (xs.Length != ys.Length)
        {
            throw new ArgumentException($"{xs.Length} x values but {ys.Length} y values.", nameof(ys));
        }

        if (_createTransform is null || xs.IsEmpty)
        {
            return;
        }

        var transform = Rent();
        var scratch = ArrayPool<double>.Shared.Rent(TransformPipeline.ScratchPerPoint * Math.Min(ChunkSize, xs.Length));
        try
        {
            for (var start = 0; start < xs.Length; start += ChunkSize)
            {
                var count = Math.Min(ChunkSize, xs.Length - start);
                transform.Transform(xs.Slice(start, count), ys.Slice(start, count), scratch);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
            _pool.Add(transform);
        }
    }

    private TransformPipeline Rent() => _pool.TryTake(out var transform) ? transform : _createTransform!();

    /// <summary>
    /// This thread's pipeline of this transformer, taken from the pool the first time; when the thread's slots are
    /// full, the oldest goes back to its transformer's pool. A pipeline in a slot is used only by its thread, and
    /// only between calls of <see cref="TransformPipeline.Transform"/>, which calls nothing back.
    /// </summary>
    private TransformPipeline ThreadPipeline()
    {
        var slots = t_slots ??= new ThreadSlot[ThreadSlots];
        for (var i = 0; i < slots.Length; i++)
        {
            if (ReferenceEquals(slots[i].Owner, this))
            {
                return slots[i].Pipeline!;
            }
        }

        var next = t_nextSlot;
        t_nextSlot = (next + 1) % ThreadSlots;
        if (slots[next].Owner is { } evicted)
        {
            evicted._pool.Add(slots[next].Pipeline!);
        }

        var pipeline = Rent();
        slots[next] = new ThreadSlot(this, pipeline);
        return pipeline;
    }

    private readonly record struct ThreadSlot(CoordinateTransformer? Owner, TransformPipeline? Pipeline);
}
