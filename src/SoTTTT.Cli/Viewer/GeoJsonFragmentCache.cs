using SoTTTT.IO.Layers;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// The GeoJSON of single features as bytes, kept per layer, zoom and set of fields sent, so a layer answer copies the
/// features it has sent before instead of building and serializing them again (<see cref="LayerGeoJson"/>; the bytes
/// are those the serializer writes for the feature, so an answer is the same with or without the cache). Bounded: above
/// <see cref="BudgetBytes"/> the least recently used (layer, zoom) sets are dropped whole, the one just filled last.
/// </summary>
internal sealed class GeoJsonFragmentCache(long budgetBytes = GeoJsonFragmentCache.DefaultBudgetBytes)
{
    /// <summary>Bytes of feature GeoJSON kept unless the server is told otherwise.</summary>
    public const long DefaultBudgetBytes = 128L << 20;

    private readonly Lock gate = new();
    private readonly Dictionary<(FeatureTable Table, int Zoom, string Fields), Level> levels = [];
    private long bytes;
    private long clock;

    public long BudgetBytes { get; } = budgetBytes;

    /// <summary>Bytes of feature GeoJSON held now (at most <see cref="BudgetBytes"/> once no answer is being written).</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return bytes;
            }
        }
    }

    /// <summary>The (layer, zoom) sets held now.</summary>
    public int Levels
    {
        get
        {
            lock (gate)
            {
                return levels.Count;
            }
        }
    }

    /// <summary>The features of <paramref name="table"/> at <paramref name="zoom"/> with <paramref name="fields"/>, for one answer.</summary>
    public Lease Open(FeatureTable table, int zoom, IReadOnlyList<int> fields)
    {
        ArgumentNullException.ThrowIfNull(table);
        var key = (table, zoom, string.Join(',', fields));
        lock (gate)
        {
            if (!levels.TryGetValue(key, out var level))
            {
                level = new Level(key, table.Rows.Count);
                levels.Add(key, level);
            }

            level.LastUse = ++clock;
            return new Lease(this, level);
        }
    }

    private void Commit(Level level, long added)
    {
        if (added == 0)
        {
            return;
        }

        lock (gate)
        {
            if (!level.Held)
            {
                return;
            }

            level.Bytes += added;
            bytes += added;
            while (bytes > BudgetBytes && levels.Count > 0)
            {
                var oldest = levels.Values.MinBy(l => l == level ? long.MaxValue : l.LastUse)!;
                levels.Remove(oldest.Key);
                oldest.Held = false;
                bytes -= oldest.Bytes;
            }
        }
    }

    /// <summary>One answer's use of a (layer, zoom) set: read and add fragments, then <see cref="Dispose"/> to count them.</summary>
    internal sealed class Lease : IDisposable
    {
        private readonly GeoJsonFragmentCache cache;
        private readonly Level level;
        private long added;

        internal Lease(GeoJsonFragmentCache cache, Level level) => (this.cache, this.level) = (cache, level);

        public byte[]? Get(int index) => Volatile.Read(ref level.Fragments[index]);

        /// <summary>Keeps <paramref name="fragment"/> unless another answer kept the same feature first.</summary>
        public void Add(int index, byte[] fragment)
        {
            if (Interlocked.CompareExchange(ref level.Fragments[index], fragment, null) is null)
            {
                added += fragment.Length;
            }
        }

        public void Dispose()
        {
            cache.Commit(level, added);
            added = 0;
        }
    }

    internal sealed class Level((FeatureTable, int, string) key, int count)
    {
        public (FeatureTable Table, int Zoom, string Fields) Key { get; } = key;

        public byte[]?[] Fragments { get; } = new byte[count][];

        public long Bytes { get; set; }

        public long LastUse { get; set; }

        public bool Held { get; set; } = true;
    }
}
