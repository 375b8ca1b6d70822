using SoTTTT.Core.Diagnostics;

namespace SoTTTT.IO.Caching;

/// <summary>
/// Datasets kept in memory by a resident process (<c>sotttt daemon</c>) between the commands it runs, as a database
/// server keeps its tables: a command on a dataset folder held here skips reading, decoding and checking it, after a
/// check that costs one <c>statx</c> per file instead of hashing the inputs (<see cref="FileStamp"/>).
/// <para>
/// What is checked: the folder itself (a file added, removed or renamed changes it), every regular file in it (the
/// layers, <c>dataset.json</c>, the rules when kept there) and the rules file and the DEM when they lie elsewhere, each
/// by device, inode, size, mtime and ctime. A dataset is held only when every one of those ctimes is older than the
/// start of its load by <see cref="RacyMarginNs"/>: a file changed while it was read, or within the clock's granularity
/// before, is never taken for the content that was read; the next command loads it again. Any difference at the next
/// command (a file saved, touched, replaced, even with its old size and mtime put back) drops the held dataset and
/// loads it from the files (or the hashed copy on disk, <see cref="DatasetCache"/>).
/// </para>
/// Off unless <see cref="Enabled"/>; only datasets that loaded without problems are held, at most <see cref="MaxHeld"/>
/// (the least recently used goes first, before a new load starts: never more than that many in memory).
/// </summary>
public static class ResidentDatasets
{
    /// <summary>How much older than a load's start every file's last change must be for the dataset to be held: 2 s.</summary>
    public const long RacyMarginNs = 2_000_000_000;

    private static readonly Lock Gate = new();
    private static readonly List<HeldSet> HeldSets = [];

    /// <summary>Set by the resident process; a one-shot command never holds anything.</summary>
    public static bool Enabled { get; set; }

    /// <summary>How many datasets are held at once (2 by default).</summary>
    public static int MaxHeld { get; set; } = 2;

    /// <summary>What the last load did here: <c>hit</c>, <c>miss</c> (loaded and held), <c>not held</c> (racy or failed), <c>off</c>.</summary>
    public static string LastOutcome { get; private set; } = "off";

    /// <summary>The folders held now, most recently used first, with when each was loaded.</summary>
    public static IReadOnlyList<(string Folder, DateTime LoadedUtc, int Commands)> Held()
    {
        lock (Gate)
        {
            return [.. HeldSets.Select(h => (h.Folder, h.LoadedUtc, h.Commands))];
        }
    }

    /// <summary>Drops every held dataset (tests; a stop).</summary>
    public static void Clear()
    {
        lock (Gate)
        {
            HeldSets.Clear();
        }
    }

    /// <summary>The held load of the folder when its files are unchanged, else <paramref name="load"/>'s result (held when it may be).</summary>
    internal static LoadResult Load(string folder, LoadOptions options, Func<LoadResult> load)
    {
        if (!Enabled || options.Mapping is not null || !FileStamp.Supported || string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            LastOutcome = "off";
            return load();
        }

        var full = Path.GetFullPath(folder);
        if (!FileStamp.HasLocalChangeTimes(full))
        {
            LastOutcome = "not held (file system)";
            return load();
        }

        var key = full + "\n" + options.RepairPolygons;
        lock (Gate)
        {
            var index = HeldSets.FindIndex(h => h.Key == key);
            if (index >= 0)
            {
                var held = HeldSets[index];
                HeldSets.RemoveAt(index);
                if (Snapshot(full, held.Result.Settings) is { } now && now.SequenceEqual(held.Stamps))
                {
                    HeldSets.Insert(0, held with { Commands = held.Commands + 1 });
                    LastOutcome = "hit";
                    PhaseMarks.Mark("resident check");
                    return held.Result;
                }
            }
        }

        // --timings shows the check first whether it found the dataset or not, then the load's own phases.
        PhaseMarks.Mark("resident check");

        // Room before the load, not after it: the least recently used go now, so that no more than MaxHeld datasets are
        // in memory while the new one loads (national: 1.0-1.2 GiB each), not MaxHeld + 1.
        lock (Gate)
        {
            while (HeldSets.Count > 0 && HeldSets.Count >= MaxHeld)
            {
                HeldSets.RemoveAt(HeldSets.Count - 1);
            }
        }

        var startNs = FileStamp.NowNs();
        var result = load();
        if (!result.Succeeded || Snapshot(full, result.Settings) is not { } stamps || stamps.Any(s => s.Stamp is { } st && st.CtimeNs > startNs - RacyMarginNs))
        {
            LastOutcome = "not held";
            return result;
        }

        lock (Gate)
        {
            HeldSets.RemoveAll(h => h.Key == key);
            HeldSets.Insert(0, new HeldSet(key, full, result, stamps, DateTime.UtcNow, 1));
            while (HeldSets.Count > Math.Max(0, MaxHeld))
            {
                HeldSets.RemoveAt(HeldSets.Count - 1);
            }
        }

        LastOutcome = "miss";
        return result;
    }

    /// <summary>
    /// The stamps of the folder, of each regular file in it (by name) and of the rules and DEM files the settings name,
    /// in a fixed order; an absent rules or DEM file is stamped as absent. Null when the folder cannot be listed.
    /// </summary>
    private static List<(string Path, FileStamp? Stamp)>? Snapshot(string folder, DatasetSettings? settings)
    {
        try
        {
            // The folder and every file listed in it must answer (one removed meanwhile: no snapshot, nothing held or reused).
            var stamps = new List<(string Path, FileStamp? Stamp)>();
            foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Prepend(folder))
            {
                if (FileStamp.Of(path) is not { } stamp)
                {
                    return null;
                }

                stamps.Add((path, stamp));
            }

            foreach (var relative in new[] { settings?.RulesPath, settings?.DemPath })
            {
                if (relative is not null && Path.GetFullPath(Path.Combine(folder, relative)) is var path && !stamps.Exists(s => s.Path == path))
                {
                    if (Path.GetDirectoryName(path) is not { } parent || !FileStamp.HasLocalChangeTimes(parent))
                    {
                        return null;
                    }

                    stamps.Add((path, FileStamp.Of(path)));
                }
            }

            return stamps;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private sealed record HeldSet(string Key, string Folder, LoadResult Result, List<(string Path, FileStamp? Stamp)> Stamps, DateTime LoadedUtc, int Commands);
}
