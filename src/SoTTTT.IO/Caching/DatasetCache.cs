using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO.Caching;

/// <summary>
/// A binary copy of a dataset folder's validated, projected dataset, so that a repeated command skips parsing,
/// checking and projecting (issue 13). Never trusted over the files: every load hashes every input file the loader
/// reads (dataset.json, the rules file and every layer file, XxHash128 of the whole content, with its size and
/// modification time) and uses the copy only when that fingerprint, the format version and the build of the loader
/// are the same as when it was written; the copy's own bytes are checked against a hash too. Anything else (a
/// changed, added or removed file, another build, a damaged copy) is a miss, and the folder is loaded as if there were
/// no cache. Only loads without problems and without import mappings are kept. The cache lives outside the dataset
/// folder (input folders are never written to): <c>$SOTTTT_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/sotttt/datasets</c>,
/// else <c>~/.cache/sotttt/datasets</c>; <c>SOTTTT_CACHE=off</c> turns it off. At most <see cref="MaxEntries"/> copies
/// and <see cref="MaxTotalBytes"/> are kept, the least recently used removed first.
/// </summary>
public static class DatasetCache
{
    /// <summary>Copies kept at most.</summary>
    public const int MaxEntries = 32;

    /// <summary>Bytes kept at most over all copies.</summary>
    public const long MaxTotalBytes = 4L * 1024 * 1024 * 1024;

    private const int FormatVersion = 2;

    /// <summary>
    /// Managed heap the decoded dataset takes per byte of the copy's payload, a little over what was measured (the
    /// national profile: 417 MB allocated from a 74 MB payload, 5.6), so that the decode fits one no-GC region.
    /// </summary>
    private const long DecodedBytesPerPayloadByte = 7;
    private static readonly byte[] Magic = "SOTTTT-DATASET-CACHE\n"u8.ToArray();

    /// <summary>The folder holding the copies; null when the cache is off.</summary>
    public static string? Folder
    {
        get
        {
            if (FolderOverride.Value is { } chosen)
            {
                return chosen.Length == 0 ? null : chosen;
            }

            return CacheFolderRule.FromEnvironment();
        }
    }

    /// <summary>For tests: a cache folder for this flow of execution only (empty: cache off), over the environment.</summary>
    internal static AsyncLocal<string?> FolderOverride { get; } = new();

    /// <summary>What the last load of this process did with the cache: <c>hit</c>, <c>miss</c>, <c>off</c> or <c>unused</c>.</summary>
    public static string LastOutcome { get; private set; } = "unused";

    /// <summary>
    /// Whether the last cached load of this process was asked to leave its no-collection region open for the command
    /// (<see cref="LoadOptions.DeferCollections"/>; the region itself starts only when the heap is small beside it).
    /// </summary>
    public static bool LastDecodeDeferred { get; private set; }

    private static readonly List<Task> Pending = [];

    /// <summary>
    /// Waits for the copies still being written behind a load (<see cref="LoadOptions.CacheWriteBehind"/>); true when
    /// there were any. A command calls it before it ends (a copy cut off at exit would be lost, not damaged: copies
    /// appear only whole), and every load calls it first, so that a load after a load of the same folder finds the copy.
    /// </summary>
    public static bool WaitForWrites()
    {
        Task[] writes;
        lock (Pending)
        {
            writes = [.. Pending];
            Pending.Clear();
        }

        if (writes.Length == 0)
        {
            return false;
        }

        Task.WaitAll(writes);
        return true;
    }

    /// <summary>Writes the copy of a successful load on another thread (see <see cref="WaitForWrites"/>).</summary>
    internal static void WriteBehind(Entry entry, LoadResult result, Func<Entry?> reopen)
    {
        var write = Task.Run(() => entry.Write(result, reopen));
        lock (Pending)
        {
            Pending.Add(write);
        }
    }

    /// <summary>The fingerprint of a folder's inputs, or null when the cache is off or an input cannot be read.</summary>
    /// <param name="waitForWrites">Wait for copies being written first (a load); false for a writer checking its own inputs.</param>
    internal static Entry? Open(string folder, DatasetSettings settings, LoadOptions options, bool waitForWrites = true)
    {
        if (waitForWrites)
        {
            WaitForWrites();
        }

        if (Folder is not { } cacheFolder || options.Mapping is not null)
        {
            LastOutcome = "off";
            return null;
        }

        try
        {
            var full = Path.GetFullPath(folder);
            var inputs = InputFiles(full, settings);
            var fingerprint = new StringBuilder()
                .Append("format ").Append(FormatVersion).Append('\n')
                .Append("build ").Append(typeof(Dataset).Assembly.ManifestModule.ModuleVersionId).Append(' ')
                .Append(typeof(DatasetCache).Assembly.ManifestModule.ModuleVersionId).Append('\n')
                .Append("repair ").Append(options.RepairPolygons).Append('\n');
            var hashes = inputs.AsParallel().AsOrdered().Select(HashOf).ToArray();
            foreach (var line in hashes)
            {
                fingerprint.Append(line).Append('\n');
            }

            var key = Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(full + "\n" + options.RepairPolygons)));
            return new Entry(Path.Combine(cacheFolder, key + ".bin"), Encoding.UTF8.GetBytes(fingerprint.ToString()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotCacheable || (e is AggregateException a && a.InnerExceptions.All(i => i is IOException or UnauthorizedAccessException or NotCacheable)))
        {
            LastOutcome = "off";
            return null;
        }
    }

    /// <summary>
    /// The store for results derived from the dataset of this folder's copy (<see cref="DerivedFiles"/>), fingerprinted
    /// by the copy's fingerprint and the DEM's file; null when the cache is off or the DEM cannot be fingerprinted. Taken
    /// before the DEM is read; a result is kept only if the inputs, the DEM included, still have this fingerprint when it
    /// is written (a file saved while the command ran makes it skip keeping, never keep under the wrong inputs).
    /// </summary>
    internal static Core.Model.IDerivedStore? DerivedStore(Entry? entry, string folder, DatasetSettings settings, LoadOptions options)
    {
        if (entry is null || DerivedFingerprint(entry, folder, settings) is not { } fingerprint)
        {
            return null;
        }

        return new DerivedFiles(entry.Path, fingerprint, () => Open(folder, settings, options, waitForWrites: false) is { } now ? DerivedFingerprint(now, folder, settings) : null);
    }

    private static byte[]? DerivedFingerprint(Entry entry, string folder, DatasetSettings settings)
    {
        try
        {
            var dem = settings.DemPath is { } relative ? HashOf(Path.GetFullPath(Path.Combine(folder, relative))) : "none";
            return [.. entry.Fingerprint, .. Encoding.UTF8.GetBytes("dem " + dem + "\n")];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotCacheable)
        {
            return null;
        }
    }

    /// <summary>An input the cache leaves to the loader (not a regular file, or over the size limit).</summary>
    private sealed class NotCacheable : Exception;

    /// <summary>The files a load of the folder reads: dataset.json, the rules file and every file named after a layer.</summary>
    private static List<string> InputFiles(string folder, DatasetSettings settings)
    {
        var layers = Loading.LayerSchema.InputLayers.Select(s => s.Layer).ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(folder)
            .Where(p => Path.GetFileName(p) is var name && name.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 && layers.Contains(name[..dot]))
            .Append(Path.Combine(folder, Loading.SettingsReader.FileName))
            .Append(Path.GetFullPath(Path.Combine(folder, settings.RulesPath)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return files;
    }

    private static string HashOf(string path)
    {
        // Only regular files within the loader's size limit are hashed: a FIFO, a device or an oversized file is the
        // loader's to refuse (with its own message), and the cache stays out of the way.
        switch (SafeFile.KindOf(path))
        {
            case FileKind.Missing:
                return $"{path} absent";
            case FileKind.Regular:
                break;
            default:
                throw new NotCacheable();
        }

        var info = new FileInfo(path);
        if (info.Length > SafeFile.TableLimitBytes)
        {
            throw new NotCacheable();
        }

        var hash = new XxHash128();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20, FileOptions.SequentialScan))
        {
            hash.Append(stream);
        }

        return $"{path} {info.Length} {info.LastWriteTimeUtc.Ticks} {Convert.ToHexStringLower(hash.GetCurrentHash())}";
    }

    /// <summary>One folder's copy: where it is kept and the fingerprint of the inputs as they are now.</summary>
    internal sealed class Entry(string path, byte[] fingerprint)
    {
        public string Path => path;

        /// <summary>dataset.json, the rules and every layer file: name, size, modification time and XxHash128, with the build and format.</summary>
        public ReadOnlySpan<byte> Fingerprint => fingerprint;

        /// <summary>The dataset as the copy holds it, or null on any difference or damage (the copy is then removed).</summary>
        /// <param name="settings">The folder's settings.</param>
        /// <param name="rules">The rules read for this load.</param>
        /// <param name="deferCollections">On success, leave the decode's no-collection region open (<see cref="LoadOptions.DeferCollections"/>).</param>
        public LoadResult? TryRead(DatasetSettings settings, ProvinceRules rules, bool deferCollections = false)
        {
            LastOutcome = "miss";
            LastDecodeDeferred = false;
            byte[] bytes;
            try
            {
                if (!File.Exists(path))
                {
                    return null;
                }

                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            var payload = Payload(bytes);
            if (payload is null)
            {
                return null;
            }

            var noCollections = NoCollectionRegion.Begin(DecodedBytesPerPayloadByte * payload.Value.Count);
            var kept = false;
            try
            {
                var reader = new CacheReader(bytes, payload.Value.Offset, payload.Value.Count);
                var name = reader.ReadString();
                var crs = DatasetCacheFormat.ReadCrs(reader);
                var (stored, notices) = DatasetCacheFormat.ReadLayers(reader, name, crs);
                if (!reader.AtEnd)
                {
                    throw new InvalidDataException("bytes left over after the dataset");
                }

                var result = new LoadResult(stored with { Rules = rules, Date = settings.Date }, settings with { AnalysisCrs = crs }, [], notices);
                LastOutcome = "hit";
                kept = deferCollections;
                LastDecodeDeferred = deferCollections;
                return result;
            }
            catch (Exception e) when (e is AggregateException or InvalidDataException or EndOfStreamException or ArgumentException or InvalidCastException or InvalidOperationException or FormatException)
            {
                Remove();
                return null;
            }
            finally
            {
                if (!kept)
                {
                    noCollections.Dispose();
                }
            }
        }

        /// <summary>Keeps a successful load (atomically: a reader sees the old copy or the new one); a failure to write is not an error.</summary>
        public void Write(LoadResult result, Func<Entry?> reopen)
        {
            if (!result.Succeeded || result.Rejected.Count > 0)
            {
                return;
            }

            // An input changed while it was being read: the copy would hold a mix, so nothing is kept.
            if (reopen() is not { } now || !now.Fingerprint.SequenceEqual(fingerprint))
            {
                return;
            }

            var dataset = result.Dataset!;
            try
            {
                using var buffer = new MemoryStream(1 << 20);
                using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(dataset.Name);
                    DatasetCacheFormat.WriteCrs(writer, dataset.Crs);
                    DatasetCacheFormat.WriteLayers(writer, dataset, result.Notices);
                }

                var payload = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
                System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                AtomicFile.Write(path, stream =>
                {
                    stream.Write(Magic);
                    Span<byte> number = stackalloc byte[8];
                    BinaryPrimitives.WriteInt32LittleEndian(number, fingerprint.Length);
                    stream.Write(number[..4]);
                    stream.Write(fingerprint);
                    stream.Write(XxHash128.Hash(payload.Span));
                    BinaryPrimitives.WriteInt64LittleEndian(number, payload.Length);
                    stream.Write(number);
                    stream.Write(payload.Span);
                });
                Trim(System.IO.Path.GetDirectoryName(path)!, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                // The cache only saves time: a full disk or a read-only home leaves the command's answer unchanged.
            }
        }

        /// <summary>The payload when the copy's header, fingerprint and hash all match; else null.</summary>
        private ArraySegment<byte>? Payload(byte[] bytes)
        {
            var span = bytes.AsSpan();
            if (span.Length < Magic.Length + 4 || !span[..Magic.Length].SequenceEqual(Magic))
            {
                Remove();
                return null;
            }

            var at = Magic.Length;
            var printLength = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
            at += 4;
            if (printLength < 0 || at + printLength + 16 + 8 > span.Length)
            {
                Remove();
                return null;
            }

            if (!span.Slice(at, printLength).SequenceEqual(fingerprint))
            {
                // Another state of the inputs (or another build): the copy is stale.
                return null;
            }

            at += printLength;
            var storedHash = span.Slice(at, 16);
            at += 16;
            var length = BinaryPrimitives.ReadInt64LittleEndian(span[at..]);
            at += 8;
            if (length != span.Length - at || !XxHash128.Hash(span[at..]).AsSpan().SequenceEqual(storedHash))
            {
                Remove();
                return null;
            }

            return new ArraySegment<byte>(bytes, at, bytes.Length - at);
        }

        private void Remove()
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next writer to replace.
            }
        }

        /// <summary>Removes the least recently written copies beyond the limits, never the one just written.</summary>
        private static void Trim(string folder, string keep)
        {
            var copies = new DirectoryInfo(folder).GetFiles("*.bin").OrderByDescending(f => f.LastWriteTimeUtc).ToList();
            long total = 0;
            for (var i = 0; i < copies.Count; i++)
            {
                total += copies[i].Length;
                if ((i >= MaxEntries || total > MaxTotalBytes) && copies[i].FullName != keep)
                {
                    try
                    {
                        copies[i].Delete();
                        foreach (var derived in copies[i].Directory!.GetFiles(copies[i].Name + ".*"))
                        {
                            derived.Delete();
                        }
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // Another process may be reading it; the next trim tries again.
                    }
                }
            }
        }
    }
}
