using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using SoTTTT.IO.Postgis;

namespace SoTTTT.Benchmarks;

/// <summary>
/// sotttt against tuned PostGIS, end to end (issue 13): each user-facing command runs as its own process on the dataset
/// folder (load, validate, project, analyse, write), and in the same run the equivalent tuned SQL runs on the same data
/// already exported to PostGIS. The SQL gets what a GIS analyst who tunes would give it, built once before the clock
/// starts (the "prep" time, printed apart): flat copies of the export's tables with only the columns the questions use, communes and fibre routes cut by <c>ST_Subdivide</c>, GiST on every geometry and on each
/// BTS's reach (its range box), <c>EXISTS</c> instead of <c>count(DISTINCT)</c>, <c>jit = off</c>, work_mem 256 MB,
/// ANALYZE after load. Each question's answers are compared unit by unit (counts and sums per commune or province,
/// pairs by id); differing units are listed with the reason where one is known. Printed per question: sotttt median
/// (whole process), SQL median (the statements' wall time from the client), SQL ÷ sotttt, agreement, and the sotttt
/// process's peak resident memory (/usr/bin/time when installed, else sampled from /proc).
/// </summary>
internal static class PostgisCompareBenchmark
{
    // Schemas of this process (two runs on one database do not meet), dropped at the end.
    private static readonly string Export = $"cmp_export_{Environment.ProcessId}";
    private static readonly string F = $"cmp_flat_{Environment.ProcessId}";

    private static readonly string[] InputLayers = ["admin_units", "settlements", "towers", "bts", "fibre_routes", "postal_points", "zones"];

    public static int Run(string folder, string url, int runs, TextWriter? log = null)
    {
        var output = log ?? Console.Out;
        var state = new Harness(folder, url, runs, output);

        // The harness points sotttt's cache (and the resident process) at folders of its own through the environment;
        // whoever called it gets theirs back.
        var cacheDir = Environment.GetEnvironmentVariable("SOTTTT_CACHE_DIR");
        var daemon = Environment.GetEnvironmentVariable("SOTTTT_DAEMON");
        try
        {
            return state.Run();
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOTTTT_CACHE_DIR", cacheDir);
            Environment.SetEnvironmentVariable("SOTTTT_DAEMON", daemon);
        }
    }

    /// <summary>One whole-process run of sotttt: wall seconds, peak RSS (MiB, null when unknown), stderr, exit code.</summary>
    internal sealed record ProcessRun(double Seconds, double? PeakMiB, string Stderr, int Exit);

    /// <summary>Runs sotttt (the build next to this benchmark) as a process.</summary>
    internal static ProcessRun Sotttt(params string[] args)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "sotttt");
        var useTime = File.Exists("/usr/bin/time");
        var timeFile = Path.GetTempFileName();
        var info = new ProcessStartInfo(useTime ? "/usr/bin/time" : exe)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (useTime)
        {
            foreach (var a in new[] { "-f", "%M", "-o", timeFile, exe })
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        double sampledKiB = 0;
        while (!process.WaitForExit(100))
        {
            if (!useTime)
            {
                sampledKiB = Math.Max(sampledKiB, HighWaterKiB(process.Id));
            }
        }

        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        _ = stdout.GetAwaiter().GetResult();
        var err = stderr.GetAwaiter().GetResult();
        double? peak = null;
        if (useTime)
        {
            var text = File.ReadAllLines(timeFile).LastOrDefault(l => l.Trim().Length > 0)?.Trim();
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var kib))
            {
                peak = kib / 1024;
            }
        }
        else if (sampledKiB > 0)
        {
            peak = sampledKiB / 1024;
        }

        File.Delete(timeFile);
        return new ProcessRun(seconds, peak, err, process.ExitCode);
    }

    private static double HighWaterKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Per unit (key), the figures of a question; a question's two sides are compared column by column.</summary>
    internal sealed class Answer
    {
        public Dictionary<string, double?[]> Units { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A column's tolerance: absolute, and relative to the larger magnitude.</summary>
    internal sealed record Column(string Name, double Absolute, double Relative = 0);

    /// <summary>Whether two answers agree: the same units with the same figures within each column's tolerance.</summary>
    internal static (bool Same, string Text) Compare(Answer ours, Answer sql, IReadOnlyList<Column> columns, string units, string? reason)
    {
        var keys = ours.Units.Keys.Union(sql.Units.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var differing = new List<string>();
        double worstRelative = 0;
        foreach (var key in keys)
        {
            var a = ours.Units.GetValueOrDefault(key);
            var b = sql.Units.GetValueOrDefault(key);
            if (a is null || b is null)
            {
                differing.Add($"{key} only in {(a is null ? "SQL" : "sotttt")}");
                continue;
            }

            var diffs = new List<string>();
            for (var c = 0; c < columns.Count; c++)
            {
                var (x, y) = (a[c], b[c]);
                if (x is null && y is null)
                {
                    continue;
                }

                if (x is null || y is null)
                {
                    diffs.Add($"{columns[c].Name} {Show(x)} vs {Show(y)}");
                    continue;
                }

                var d = Math.Abs(x.Value - y.Value);
                var scale = Math.Max(Math.Abs(x.Value), Math.Abs(y.Value));
                if (scale > 0)
                {
                    worstRelative = Math.Max(worstRelative, d / scale);
                }

                if (d > columns[c].Absolute && d > columns[c].Relative * scale)
                {
                    diffs.Add($"{columns[c].Name} {Show(x)} vs {Show(y)}");
                }
            }

            if (diffs.Count > 0)
            {
                differing.Add($"{key} {string.Join(", ", diffs)}");
            }
        }

        var what = $"{keys.Count:N0} {units} × {columns.Count} figure{(columns.Count == 1 ? string.Empty : "s")}";
        if (differing.Count == 0)
        {
            return (true, $"same ({what}; largest relative gap {worstRelative:G2})");
        }

        var text = new StringBuilder($"{differing.Count:N0} of {what} differ (sotttt vs SQL): {string.Join("; ", differing.Take(4))}{(differing.Count > 4 ? "; …" : string.Empty)}");
        if (columns.Count == 1)
        {
            var (sumA, sumB) = (ours.Units.Values.Sum(v => v[0] ?? 0), sql.Units.Values.Sum(v => v[0] ?? 0));
            text.Append(CultureInfo.InvariantCulture, $"; totals {sumA:N1} vs {sumB:N1}");
        }

        if (reason is not null)
        {
            text.Append(" — ").Append(reason);
        }

        return (false, text.ToString());
    }

    private static string Show(double? v) => v is { } x ? x.ToString("0.###", CultureInfo.InvariantCulture) : "none";

    private static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>A CSV file as header → column index and rows (RFC 4180 quotes).</summary>
    internal static (Dictionary<string, int> Header, List<string[]> Rows) ReadCsv(string path)
    {
        var lines = new List<string[]>();
        using (var reader = new StreamReader(path, Encoding.UTF8))
        {
            var field = new StringBuilder();
            var row = new List<string>();
            var quoted = false;
            int ch;
            while ((ch = reader.Read()) >= 0)
            {
                var c = (char)ch;
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            field.Append('"');
                            reader.Read();
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    row.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\n')
                {
                    row.Add(field.ToString().TrimEnd('\r'));
                    field.Clear();
                    lines.Add([.. row]);
                    row.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            if (field.Length > 0 || row.Count > 0)
            {
                row.Add(field.ToString());
                lines.Add([.. row]);
            }
        }

        var header = lines[0].Select((name, i) => (name: name.TrimStart('\uFEFF'), i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        return (header, lines.Skip(1).Where(r => r.Length > 1).ToList());
    }

    internal static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The dataset with every BTS made omni (azimuth_deg emptied): the coverage question's "within range" is then a circle.</summary>
    internal static void OmniCopy(string folder, string omni)
    {
        Directory.CreateDirectory(omni);
        foreach (var file in Directory.GetFiles(folder))
        {
            File.Copy(file, Path.Combine(omni, Path.GetFileName(file)), overwrite: true);
        }

        var bts = Path.Combine(omni, "bts.csv");
        if (!File.Exists(bts))
        {
            return;
        }

        var (header, rows) = ReadCsv(bts);
        if (!header.TryGetValue("azimuth_deg", out var k))
        {
            return;
        }

        var names = header.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        using var writer = new StreamWriter(bts, false, new UTF8Encoding(false));
        writer.Write(string.Join(',', names.Select(Quote)) + "\n");
        foreach (var row in rows)
        {
            row[k] = string.Empty;
            writer.Write(string.Join(',', row.Select(Quote)) + "\n");
        }
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>The lateral joins that put the rows of <paramref name="alias"/> in a commune as sotttt does: the commune part containing the point (boundary included), else the nearest commune within 500 m under the deepest unit that contains the point (anywhere when no ancestor has a polygon); <c>{alias}_unit</c> then has code, province and the effective urban flag.</summary>
    private static string At(string alias, string guard = "true") => $"""
         LEFT JOIN LATERAL (SELECT p.code, p.province, p.urban FROM {F}.commune_parts p
                            WHERE {guard} AND ST_Intersects(p.geom, {alias}.geom) LIMIT 1) {alias}_in ON true
         LEFT JOIN LATERAL (SELECT p.code, p.province, p.urban FROM {F}.commune_parts p
                            WHERE {guard} AND {alias}_in.code IS NULL AND ST_DWithin(p.geom, {alias}.geom, 500)
                              AND (EXISTS (SELECT 1 FROM {F}.upper_parts q WHERE q.code = p.parent AND ST_Intersects(q.geom, {alias}.geom))
                                   OR (NOT p.parent_polygon AND EXISTS (SELECT 1 FROM {F}.upper_parts q WHERE q.code = p.grandparent AND ST_Intersects(q.geom, {alias}.geom)))
                                   OR (NOT p.ancestor_polygon AND NOT EXISTS (SELECT 1 FROM {F}.upper_parts q WHERE ST_Intersects(q.geom, {alias}.geom))))
                            ORDER BY p.geom <-> {alias}.geom, p.code LIMIT 1) {alias}_near ON true
        """;

    /// <summary>Tower positions as sotttt infers them: a BTS's tower_id, else the nearest tower within the co-location distance, else single-linkage clusters of such BTS (ST_ClusterDBSCAN, minpoints 1) named "~" + the smallest BTS id; positions are the towers that carry BTS or are existing, plus the inferred ones at the mean of their BTS.</summary>
    private static string PositionsSql(double coLocationM) => $"""
        CREATE TEMP TABLE positions AS
        WITH keyed0 AS (
          SELECT b.id, b.operator, b.geom, COALESCE(b.tower_id, t.id) AS key
          FROM {F}.bts b
          LEFT JOIN LATERAL (SELECT t.id FROM {F}.towers t WHERE b.tower_id IS NULL AND ST_DWithin(t.geom, b.geom, {Sql(coLocationM)})
                             ORDER BY t.geom <-> b.geom, t.id LIMIT 1) t ON true),
        loose AS (SELECT id, operator, geom, ST_ClusterDBSCAN(geom, {Sql(coLocationM)}, 1) OVER () AS cl FROM keyed0 WHERE key IS NULL),
        keyed AS (
          SELECT id, operator, geom, key FROM keyed0 WHERE key IS NOT NULL
          UNION ALL
          SELECT id, operator, geom, '~' || min(id) OVER (PARTITION BY cl) FROM loose),
        grouped AS (
          SELECT key, count(*) AS nbts, count(DISTINCT operator) AS nops, min(operator) AS op, ST_Centroid(ST_Collect(geom)) AS centre
          FROM keyed GROUP BY key),
        towers AS (SELECT DISTINCT ON (id) id, status, geom FROM {F}.towers ORDER BY id)
        SELECT COALESCE(t.id, g.key) AS key, COALESCE(g.nbts, 0) AS nbts, COALESCE(g.nops, 0) AS nops, g.op, COALESCE(t.geom, g.centre) AS geom
        FROM towers t FULL JOIN grouped g ON g.key = t.id
        WHERE g.key IS NOT NULL OR t.status = 'existing'
        """;

    private static string Sql(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Question(string name, string command, string sotttKey)
    {
        public string Name { get; } = name;

        /// <summary>The sotttt command that answers it, as the table prints it.</summary>
        public string Command { get; } = command;

        /// <summary>Which sotttt run answers it (several questions share one command's runs).</summary>
        public string SotttKey { get; } = sotttKey;

        public List<double> SqlSeconds { get; } = [];

        public Func<NpgsqlConnection, Answer>? Sql { get; set; }

        public Func<string, Answer>? Ours { get; set; }

        public IReadOnlyList<Column> Columns { get; set; } = [];

        public string Units { get; set; } = "units";

        public string? Reason { get; set; }

        public Answer? SqlAnswer { get; set; }

        /// <summary>
        /// The question's own sotttt command, when it is narrower than <see cref="Command"/> (<c>indicators --columns</c>:
        /// only the figures it asks for are computed); run through the resident process, its output read by <see cref="Ours"/>.
        /// </summary>
        public string[]? Own { get; set; }

        /// <summary>The file <see cref="Own"/> writes (its <c>--out</c>).</summary>
        public string OwnFile { get; set; } = "indicators_commune.csv";

        /// <summary>How <see cref="Own"/>'s output is read, when not as <see cref="Ours"/> reads the whole command's.</summary>
        public Func<string, Answer>? OwnAnswer { get; set; }

        public List<ProcessRun> OwnRuns { get; } = [];

        public string? OwnOut { get; set; }
    }

    private sealed class Harness(string folder, string url, int runs, TextWriter output)
    {
        private readonly Dictionary<string, List<ProcessRun>> sotttRuns = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> lastOut = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ProcessRun>> residentRuns = new(StringComparer.Ordinal);
        private readonly List<string> residentDifferences = [];
        private readonly string work = Path.Combine(Path.GetTempPath(), $"sotttt-cmp-{Environment.ProcessId}");
        private double coLocationM = 20;
        private double mustShareUrbanM = 100;
        private double mustShareNonUrbanM = 400;
        private double fibreReachM = 500;
        private readonly List<string> techs = [];

        public int Run()
        {
            Directory.CreateDirectory(work);
            try
            {
                return RunInWork();
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        private void Say(string line)
        {
            output.WriteLine(line);
            output.Flush();
        }

        private int RunInWork()
        {
            Say($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} at start; dataset {folder}; {runs} run(s) of each side");
            ReadRules();
            var omni = Path.Combine(work, "omni");
            OmniCopy(folder, omni);

            var baseUrl = url.Split('?')[0];
            var target = PostgisConnection.Parse(baseUrl);
            using var connection = target.Open();
            Execute(connection, $"DROP SCHEMA IF EXISTS {Export} CASCADE; DROP SCHEMA IF EXISTS {F} CASCADE", 0);
            var export = Sotttt("export", folder, "--to", "postgis", "--conn", $"{baseUrl}?schema={Export}", "--layers", string.Join(',', InputLayers));
            if (export.Exit != 0)
            {
                Console.Error.WriteLine(export.Stderr);
                return 1;
            }

            Say($"prep: sotttt export --to postgis {export.Seconds:F1} s");
            var clock = Stopwatch.StartNew();
            Execute(connection, PrepSql(), 0);
            Say($"prep: flat copies, subdivided communes and fibre, GiST and b-tree indexes, ANALYZE {clock.Elapsed.TotalSeconds:F1} s");

            try
            {
                return CompareAll(connection, omni, clock);
            }
            finally
            {
                Execute(connection, $"DROP SCHEMA IF EXISTS {Export} CASCADE; DROP SCHEMA IF EXISTS {F} CASCADE", 0);
            }
        }

        private int CompareAll(NpgsqlConnection connection, string omni, Stopwatch clock)
        {
            var questions = Questions();

            // The resident process (sotttt daemon) with a cache folder of its own, holding both datasets from its start.
            UseCache("resident", daemon: true);
            var started = Sotttt("daemon", "start", "--dataset", folder, "--dataset", omni, "--idle-minutes", "120");
            if (started.Exit != 0)
            {
                throw new InvalidOperationException($"sotttt daemon start exited {started.Exit}: {started.Stderr}");
            }

            Say($"prep: sotttt daemon start --dataset {folder} --dataset omni (reads both datasets from their files into memory) {started.Seconds:F1} s");
            try
            {
                return CompareRuns(connection, omni, clock, questions);
            }
            finally
            {
                UseCache("resident", daemon: true);
                Say($"sotttt daemon at the end: {ResidentMemory()}");
                Sotttt("daemon", "stop");
            }
        }

        private int CompareRuns(NpgsqlConnection connection, string omni, Stopwatch clock, List<Question> questions)
        {
            for (var run = 1; run <= runs; run++)
            {
                SotttRun("indicators", run, "indicators", folder, "--level", "commune", "--out", OutPath("indicators", run, "indicators_commune.csv"), "--timings");
                ResidentRun("indicators", run, "indicators", folder, "--level", "commune", "--out", OutPath("indicators-resident", run, "indicators_commune.csv"), "--timings");
                foreach (var q in questions.Where(q => q.SotttKey == "indicators"))
                {
                    SqlRun(connection, q, run);
                    OwnRun(q, run);
                }

                SotttRun("sharing", run, "sharing", folder, "--level", "province", "--out", OutPath("sharing", run, "sharing.json"), "--timings");
                ResidentRun("sharing", run, "sharing", folder, "--level", "province", "--out", OutPath("sharing-resident", run, "sharing.json"), "--timings");
                foreach (var q in questions.Where(q => q.SotttKey == "sharing"))
                {
                    SqlRun(connection, q, run);
                    OwnRun(q, run);
                }

                SotttRun("coverage", run, "coverage", omni, "--level", "province", "--no-raster", "--out", OutPath("coverage", run, null), "--timings");
                ResidentRun("coverage", run, "coverage", omni, "--level", "province", "--no-raster", "--out", OutPath("coverage-resident", run, null), "--timings");
                if (run == 1)
                {
                    clock.Restart();
                    LoadReach(connection, Path.Combine(lastOut["coverage"], "bts_footprints.csv"));
                    Say($"prep: each BTS's reach (sotttt's max_range_km of the omni copy, bts_footprints.csv) as a GiST-indexed box {clock.Elapsed.TotalSeconds:F1} s");
                }

                foreach (var q in questions.Where(q => q.SotttKey == "coverage"))
                {
                    SqlRun(connection, q, run);
                    OwnRun(q, run);
                }

                // The table so far after every run but the last, so a run cut short still leaves its figures.
                if (run < runs)
                {
                    Report(questions, run);
                }
            }

            Report(questions, runs);
            return 0;
        }

        private string OutPath(string key, int run, string? file)
        {
            var dir = Path.Combine(work, $"{key}-{run}");
            Directory.CreateDirectory(dir);
            return file is null ? dir : Path.Combine(dir, file);
        }

        private void SotttRun(string key, int run, params string[] args)
        {
            // Run 1 of each command starts without the dataset cache (cold); later runs find it (warm). Each command has a
            // cache folder of its own, so clearing one command's for its cold run leaves the others' warm.
            var cache = UseCache(key, daemon: false);
            if (run == 1 && Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }

            var result = Sotttt(args);
            if (result.Exit != 0)
            {
                throw new InvalidOperationException($"sotttt {string.Join(' ', args)} exited {result.Exit}: {result.Stderr}");
            }

            if (!sotttRuns.TryGetValue(key, out var list))
            {
                sotttRuns[key] = list = [];
            }

            list.Add(result);
            lastOut[key] = Path.Combine(work, $"{key}-{run}");
            var timings = result.Stderr.Split('\n').LastOrDefault(l => l.StartsWith("timings:", StringComparison.Ordinal)) ?? string.Empty;
            Say($"run {run}: sotttt {args[0]} {result.Seconds:F1} s, peak RSS {result.PeakMiB:F0} MiB; {timings}; load average {LoadAverage()}");
        }

        /// <summary>The cache folder of <paramref name="key"/> for the sotttt processes started next; without the resident process unless <paramref name="daemon"/>.</summary>
        private string UseCache(string key, bool daemon)
        {
            var cache = Path.Combine(work, "dataset-cache", key);
            Environment.SetEnvironmentVariable("SOTTTT_CACHE_DIR", cache);
            Environment.SetEnvironmentVariable("SOTTTT_DAEMON", daemon ? null : "off");
            return cache;
        }

        /// <summary>
        /// The same command sent to the resident process (its timings line starts with "resident check", which only the
        /// resident process prints, else this throws); its output files are compared byte for byte with the
        /// one-process run's of the same run.
        /// </summary>
        private void ResidentRun(string key, int run, params string[] args)
        {
            UseCache("resident", daemon: true);
            var result = Sotttt(args);
            var timings = result.Stderr.Split('\n').LastOrDefault(l => l.StartsWith("timings:", StringComparison.Ordinal)) ?? string.Empty;
            if (result.Exit != 0 || !timings.StartsWith("timings: resident check", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"sotttt {string.Join(' ', args)} through the resident process exited {result.Exit}: {result.Stderr}");
            }

            if (!residentRuns.TryGetValue(key, out var list))
            {
                residentRuns[key] = list = [];
            }

            list.Add(result);
            var one = Path.Combine(work, $"{key}-{run}");
            var resident = Path.Combine(work, $"{key}-resident-{run}");
            foreach (var file in Directory.EnumerateFiles(one, "*", SearchOption.AllDirectories))
            {
                var twin = Path.Combine(resident, Path.GetRelativePath(one, file));
                if (!File.Exists(twin) || !File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(twin)))
                {
                    residentDifferences.Add($"{key} run {run}: {Path.GetRelativePath(one, file)}");
                }
            }

            Say($"run {run}: sotttt {args[0]} (resident) {result.Seconds:F1} s; {timings}; load average {LoadAverage()}");
        }

        /// <summary>The question's own command (<see cref="Question.Own"/>), through the resident process.</summary>
        private void OwnRun(Question q, int run)
        {
            if (q.Own is null)
            {
                return;
            }

            UseCache("resident", daemon: true);
            var dir = OutPath("own-" + string.Concat(q.Name.Where(char.IsLetterOrDigit)), run, null);
            string[] args = [.. q.Own, "--out", Path.Combine(dir, q.OwnFile), "--timings"];
            var result = Sotttt(args);
            var timings = result.Stderr.Split('\n').LastOrDefault(l => l.StartsWith("timings:", StringComparison.Ordinal)) ?? string.Empty;
            if (result.Exit != 0 || !timings.StartsWith("timings: resident check", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"sotttt {string.Join(' ', args)} through the resident process exited {result.Exit}: {result.Stderr}");
            }

            q.OwnRuns.Add(result);
            q.OwnOut = dir;
            Say($"run {run}: sotttt {OwnText(q)} (resident, the question's own command) {result.Seconds:F2} s; {timings}");
        }

        /// <summary>The question's own command as the table prints it (without the dataset folder).</summary>
        private static string OwnText(Question q) => string.Join(' ', [q.Own![0], .. q.Own.Skip(2)]);

        /// <summary>The resident process's memory now and at its peak (/proc), from the pid its status gives.</summary>
        private static string ResidentMemory()
        {
            var exe = Path.Combine(AppContext.BaseDirectory, "sotttt");
            var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, UseShellExecute = false };
            info.ArgumentList.Add("daemon");
            info.ArgumentList.Add("status");
            using var process = Process.Start(info)!;
            var status = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var pid = status.Split('\n').FirstOrDefault(l => l.StartsWith("pid ", StringComparison.Ordinal))?[4..];
            if (pid is null || !File.Exists($"/proc/{pid}/status"))
            {
                return "not running";
            }

            var lines = File.ReadAllLines($"/proc/{pid}/status");
            string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal))?[(name.Length + 1)..].Trim() ?? "?";
            return $"pid {pid}, resident memory {Field("VmRSS")}, peak {Field("VmHWM")}";
        }

        private void SqlRun(NpgsqlConnection connection, Question q, int run)
        {
            var clock = Stopwatch.StartNew();
            var answer = q.Sql!(connection);
            var s = clock.Elapsed.TotalSeconds;
            q.SqlSeconds.Add(s);
            q.SqlAnswer ??= answer;
            Say($"run {run}: SQL {q.Name} {s:F1} s");
        }

        private void Report(List<Question> questions, int done)
        {
            Say(string.Empty);
            Say($"load average {LoadAverage()} after run {done} of {runs}; medians of {done} run(s); the SQL is timed from the client, data already in PostGIS (prep above not counted); sotttt is the whole process (load, validate, project, analyse, write)");
            Say("sotttt cold: run 1, without the dataset cache; warm: median of runs 2 and later, the cache found (the ratio uses warm when there is one)");
            Say("sotttt resident: the same command sent to the resident process (sotttt daemon, both datasets held since its start): median of every run, the first included; the whole client process");
            Say("sotttt own columns: the question's own command where it is narrower (indicators --columns: only the figures asked for are computed; sharing --only; coverage --no-raster to a .csv: the unit table alone), through the resident process, median of every run; its own agreement with the SQL");
            Say("| question | sotttt command | sotttt cold | sotttt warm median | sotttt resident median | SQL median | SQL ÷ sotttt warm | SQL ÷ sotttt resident | agreement | sotttt peak RSS | own columns (resident) | SQL ÷ own columns | own columns' agreement |");
            Say("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var q in questions)
            {
                var ours = sotttRuns[q.SotttKey];
                var cold = ours[0].Seconds;
                double? warm = ours.Count > 1 ? Median([.. ours.Skip(1).Select(r => r.Seconds)]) : null;
                var sqlMedian = Median(q.SqlSeconds);
                var peaks = ours.Where(r => r.PeakMiB is not null).Select(r => r.PeakMiB!.Value).ToList();
                var agreement = Agreement(q);
                double? resident = residentRuns.TryGetValue(q.SotttKey, out var held) && held.Count > 0 ? Median([.. held.Select(r => r.Seconds)]) : null;
                double? own = q.OwnRuns.Count > 0 ? Median([.. q.OwnRuns.Select(r => r.Seconds)]) : null;
                var ownAgreement = q.OwnOut is { } ownOut ? Agreement(q, ownOut, q.OwnAnswer) : "n/a";
                Say($"| {q.Name} | `{q.Command}` | {cold:F1} s | {(warm is { } w ? $"{w:F1} s" : "n/a")} | {(resident is { } r ? $"{r:F2} s" : "n/a")} | {sqlMedian:F1} s | {sqlMedian / (warm ?? cold):F2} | {(resident is { } r2 ? $"{sqlMedian / r2:F2}" : "n/a")} | {agreement} | {(peaks.Count > 0 ? $"{peaks.Max():F0} MiB" : "n/a")} | {(own is { } o ? $"`{OwnText(q)}` {o:F2} s" : "n/a")} | {(own is { } o2 ? $"{sqlMedian / o2:F2}" : "n/a")} | {ownAgreement} |");
            }

            Say(string.Empty);
            foreach (var (key, list) in sotttRuns)
            {
                Say($"sotttt {key} --timings, median per phase: {MedianPhases(list)}");
                if (residentRuns.TryGetValue(key, out var held))
                {
                    Say($"sotttt {key} --timings (resident), median per phase: {MedianPhases(held)}");
                }
            }

            Say(residentDifferences.Count == 0
                ? "resident output files: byte-identical to the one-process runs' in every run"
                : $"resident output files that differ from the one-process runs': {string.Join("; ", residentDifferences)}");
        }

        private string Agreement(Question q, string? outDir = null, Func<string, Answer>? read = null)
        {
            try
            {
                var ours = (read ?? q.Ours!)(outDir ?? lastOut[q.SotttKey]);
                return Compare(ours, q.SqlAnswer!, q.Columns, q.Units, q.Reason).Text;
            }
            catch (Exception ex) when (ex is IOException or KeyNotFoundException or FormatException or JsonException or InvalidOperationException)
            {
                return $"not compared: {ex.Message}";
            }
        }

        private static string MedianPhases(List<ProcessRun> list)
        {
            var phases = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            foreach (var run in list)
            {
                var line = run.Stderr.Split('\n').LastOrDefault(l => l.StartsWith("timings:", StringComparison.Ordinal));
                if (line is null)
                {
                    continue;
                }

                foreach (var part in line["timings:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    // "cache read 0.52 s": the phase is every word before the number.
                    var words = part.Split(' ');
                    if (words.Length >= 3 && Number(words[^2]) is { } s)
                    {
                        var phase = string.Join(' ', words[..^2]);
                        if (!phases.TryGetValue(phase, out var values))
                        {
                            phases[phase] = values = [];
                        }

                        values.Add(s);
                    }
                }
            }

            return string.Join(", ", phases.Select(kv => $"{kv.Key} {Median(kv.Value):F2} s"));
        }

        private void ReadRules()
        {
            var exe = Path.Combine(AppContext.BaseDirectory, "sotttt");
            var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { "rules", folder, "--format", "json" })
            {
                info.ArgumentList.Add(a);
            }

            using var process = Process.Start(info)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            coLocationM = root.GetProperty("co_location_m").GetDouble();
            var mustShare = root.GetProperty("must_share_m");
            (mustShareUrbanM, mustShareNonUrbanM) = mustShare.ValueKind == JsonValueKind.Number
                ? (mustShare.GetDouble(), mustShare.GetDouble())
                : (mustShare.GetProperty("urban").GetDouble(), mustShare.GetProperty("non_urban").GetDouble());
            fibreReachM = root.GetProperty("indicators").GetProperty("fibre_reach_m").GetDouble();
            Say($"rules: co-location {coLocationM} m, must-share {mustShareUrbanM}/{mustShareNonUrbanM} m, fibre reach {fibreReachM} m");
        }

        private static string PrepSql() => $"""
            SET jit = off;
            SET work_mem = '256MB';
            SET maintenance_work_mem = '512MB';
            CREATE SCHEMA {F};
            CREATE TABLE {F}.admin_units AS SELECT code, level, parent_code, urban, geom FROM {Export}.admin_units;
            CREATE TABLE {F}.settlements AS SELECT id, commune_code, population, geom FROM {Export}.settlements;
            CREATE TABLE {F}.postal_points AS SELECT id, admin_code, geom FROM {Export}.postal_points;
            CREATE TABLE {F}.bts AS SELECT id, operator, tech, tower_id, geom FROM {Export}.bts;
            CREATE TABLE {F}.towers AS SELECT id, status, geom FROM {Export}.towers;
            CREATE TABLE {F}.fibre_routes AS SELECT id, geom FROM {Export}.fibre_routes;
            CREATE TABLE {F}.zones AS SELECT id, kind, geom FROM {Export}.zones;
            CREATE TABLE {F}.communes AS
              SELECT c.code,
                     CASE WHEN d.level = 'province' THEN d.code WHEN p.level = 'province' THEN p.code WHEN c.level = 'province' THEN c.code END AS province,
                     COALESCE(c.urban, d.urban, p.urban, false) AS urban, c.geom,
                     c.parent_code AS parent, d.parent_code AS grandparent,
                     d.geom IS NOT NULL AS parent_polygon, (d.geom IS NOT NULL OR p.geom IS NOT NULL) AS ancestor_polygon
              FROM {F}.admin_units c
              LEFT JOIN {F}.admin_units d ON d.code = c.parent_code
              LEFT JOIN {F}.admin_units p ON p.code = d.parent_code
              WHERE c.level = 'commune';
            CREATE TABLE {F}.commune_parts AS
              SELECT code, province, urban, parent, grandparent, parent_polygon, ancestor_polygon, ST_Subdivide(geom, 64) AS geom
              FROM {F}.communes WHERE geom IS NOT NULL;
            CREATE TABLE {F}.upper_parts AS SELECT code, ST_Subdivide(geom, 64) AS geom FROM {F}.admin_units WHERE level <> 'commune' AND geom IS NOT NULL;
            CREATE TABLE {F}.fibre_parts AS SELECT id, ST_Subdivide(geom, 32) AS geom FROM {F}.fibre_routes;
            CREATE INDEX ON {F}.settlements USING gist (geom);
            CREATE INDEX ON {F}.postal_points USING gist (geom);
            CREATE INDEX ON {F}.bts USING gist (geom);
            CREATE INDEX ON {F}.towers USING gist (geom);
            CREATE INDEX ON {F}.fibre_routes USING gist (geom);
            CREATE INDEX ON {F}.fibre_parts USING gist (geom);
            CREATE INDEX ON {F}.zones USING gist (geom);
            CREATE INDEX ON {F}.communes USING gist (geom);
            CREATE INDEX ON {F}.commune_parts USING gist (geom);
            CREATE INDEX ON {F}.upper_parts USING gist (geom);
            CREATE INDEX ON {F}.admin_units (code);
            CREATE INDEX ON {F}.communes (code);
            CREATE INDEX ON {F}.towers (id);
            CREATE INDEX ON {F}.bts (tower_id);
            ANALYZE {F}.admin_units, {F}.settlements, {F}.postal_points, {F}.bts, {F}.towers, {F}.fibre_routes, {F}.fibre_parts, {F}.zones, {F}.communes, {F}.commune_parts, {F}.upper_parts;
            """;

        private void LoadReach(NpgsqlConnection connection, string footprints)
        {
            var (header, rows) = ReadCsv(footprints);
            Execute(connection, $"DROP TABLE IF EXISTS {F}.ranges; CREATE TABLE {F}.ranges (id text, tech text, km double precision)", 0);
            using (var copy = connection.BeginBinaryImport($"COPY {F}.ranges (id, tech, km) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in rows)
                {
                    copy.StartRow();
                    copy.Write(row[header["id"]]);
                    copy.Write(row[header["tech"]]);
                    copy.Write(Number(row[header["max_range_km"]]) ?? 0.0);
                }

                copy.Complete();
            }

            Execute(connection, $"""
                DROP TABLE IF EXISTS {F}.reach;
                CREATE TABLE {F}.reach AS
                  SELECT b.id, r.tech, r.km * 1000 AS m, b.geom, ST_Expand(b.geom, r.km * 1000) AS box
                  FROM {F}.ranges r JOIN {F}.bts b ON b.id = r.id;
                """, 0);
            techs.Clear();
            using (var list = new NpgsqlCommand($"SELECT DISTINCT tech FROM {F}.reach ORDER BY 1", connection))
            using (var reader = list.ExecuteReader())
            {
                while (reader.Read())
                {
                    techs.Add(reader.GetString(0));
                }
            }

            // One GiST index per technology (partial), so a probe meets only that technology's reaches.
            foreach (var tech in techs)
            {
                Execute(connection, $"CREATE INDEX ON {F}.reach USING gist (box) WHERE tech = '{tech.Replace("'", "''", StringComparison.Ordinal)}'", 0);
            }

            Execute(connection, $"ANALYZE {F}.reach", 0);
        }

        private static void Execute(NpgsqlConnection connection, string sql, int timeoutSeconds)
        {
            using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
            command.ExecuteNonQuery();
        }

        /// <summary>Runs the setup statements, then the query; per row the first column is the key and the others the figures.</summary>
        private static Answer Query(NpgsqlConnection connection, string setup, string query)
        {
            Execute(connection, "SET jit = off; SET work_mem = '256MB'; DROP TABLE IF EXISTS positions; DROP TABLE IF EXISTS single_positions;" + setup, 0);
            var answer = new Answer();
            using var command = new NpgsqlCommand(query, connection) { CommandTimeout = 0 };
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.IsDBNull(0))
                {
                    continue;
                }

                var values = new double?[reader.FieldCount - 1];
                for (var i = 1; i < reader.FieldCount; i++)
                {
                    values[i - 1] = reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
                }

                answer.Units[reader.GetString(0)] = values;
            }

            return answer;
        }

        private static Answer FromCsv(string path, string key, Func<Dictionary<string, int>, string[], double?[]?> figures, Func<string[], Dictionary<string, int>, bool>? keep = null)
        {
            var (header, rows) = ReadCsv(path);
            var answer = new Answer();
            foreach (var row in rows)
            {
                if (keep is not null && !keep(row, header))
                {
                    continue;
                }

                if (figures(header, row) is { } values)
                {
                    answer.Units[row[header[key]]] = values;
                }
            }

            return answer;
        }

        private List<Question> Questions()
        {
            var settlementCommune = $"""
                SELECT s.id, COALESCE(u.code, s_in.code, s_near.code) AS code, s.population, s.geom
                FROM {F}.settlements s LEFT JOIN {F}.admin_units u ON u.code = s.commune_code
                {At("s", "u.code IS NULL")}
                """;
            var postalAccess = $"""
                SELECT s.code,
                       CASE WHEN sum(COALESCE(s.population, 0)) > 0 THEN sum(COALESCE(s.population, 0) * n.d) / sum(COALESCE(s.population, 0)) ELSE avg(n.d) END / 1000 AS access_mean_km,
                       max(n.d) / 1000 AS access_max_km
                FROM s CROSS JOIN LATERAL (SELECT ST_Distance(p.geom, s.geom) AS d FROM {F}.postal_points p ORDER BY p.geom <-> s.geom LIMIT 1) n
                GROUP BY s.code
                """;
            // A route that lies wholly in one commune goes there whole (most do); only the others are cut into segments.
            var fibreMidpoint = $"""
                SELECT code, sum(len) / 1000 AS km FROM (
                  SELECT w.code, ST_Length(f.geom) AS len
                  FROM {F}.fibre_routes f
                  JOIN LATERAL (SELECT c.code FROM {F}.communes c WHERE c.geom ~ f.geom AND ST_CoveredBy(f.geom, c.geom) LIMIT 1) w ON true
                  UNION ALL
                  SELECT COALESCE(m_in.code, m_near.code), m.len
                  FROM (SELECT ST_Length(d.geom) AS len, ST_LineInterpolatePoint(d.geom, 0.5) AS geom
                        FROM (SELECT (ST_DumpSegments(f.geom)).geom FROM {F}.fibre_routes f
                              WHERE NOT EXISTS (SELECT 1 FROM {F}.communes c WHERE c.geom ~ f.geom AND ST_CoveredBy(f.geom, c.geom))) d) m
                  {At("m")}) parts
                GROUP BY 1
                """;
            const string Midpoint = "sotttt scales each commune's km to its own province's VN-2000 TM-3 zone (UnitZoneScale), the SQL measures in the analysis CRS: within 0.5 %";

            var indicators = new Question("commune indicators", "indicators --level commune", "indicators")
            {
                Units = "communes",
                Columns = [new("settlements", 0), new("postal_points", 0), new("bts", 0), new("fibre_km", 0.002, 0.005), new("postal_access_mean_km", 0.0011), new("postal_access_max_km", 0.0011), new("settlements_within_fibre", 0)],
                Reason = "points on a shared commune boundary, or moved to the nearest commune, can land on either side",
                Sql = c => Query(c, string.Empty, $"""
                    WITH s AS ({settlementCommune}),
                    sf AS (
                      SELECT s.code, count(*) AS settlements,
                             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM {F}.fibre_parts f WHERE ST_DWithin(f.geom, s.geom, {Sql(fibreReachM)}))) AS within_fibre
                      FROM s GROUP BY s.code),
                    pa AS ({postalAccess}),
                    pp AS (
                      SELECT COALESCE(u.code, p_in.code, p_near.code) AS code, count(*) AS n
                      FROM {F}.postal_points p LEFT JOIN {F}.admin_units u ON u.code = p.admin_code
                      {At("p", "u.code IS NULL")}
                      GROUP BY 1),
                    bb AS (SELECT COALESCE(b_in.code, b_near.code) AS code, count(*) AS n FROM {F}.bts b {At("b")} GROUP BY 1),
                    ff AS ({fibreMidpoint})
                    SELECT c.code, COALESCE(sf.settlements, 0), COALESCE(pp.n, 0), COALESCE(bb.n, 0), COALESCE(ff.km, 0),
                           pa.access_mean_km, pa.access_max_km, COALESCE(sf.within_fibre, 0)
                    FROM {F}.communes c
                    LEFT JOIN sf ON sf.code = c.code LEFT JOIN pa ON pa.code = c.code LEFT JOIN pp ON pp.code = c.code
                    LEFT JOIN bb ON bb.code = c.code LEFT JOIN ff ON ff.code = c.code
                    """),
                Ours = dir => FromCsv(Path.Combine(dir, "indicators_commune.csv"), "code", (h, r) =>
                {
                    var settlements = Number(r[h["settlements"]]) ?? 0;
                    var pct = Number(r[h["settlements_within_fibre_pct"]]);
                    return [settlements, Number(r[h["postal_points"]]), Number(r[h["bts"]]), Number(r[h["fibre_km"]]), Number(r[h["postal_access_mean_km"]]), Number(r[h["postal_access_max_km"]]), pct is { } p ? Math.Round(p * settlements / 100) : 0];
                }),
            };

            var nearest = new Question("nearest postal point per settlement", "indicators --level commune", "indicators")
            {
                Own = ["indicators", folder, "--level", "commune", "--columns", "settlements,postal_access_mean_km,postal_access_max_km"],
                Units = "communes",
                Columns = [new("postal_access_mean_km", 0.0011), new("postal_access_max_km", 0.0011)],
                Reason = "settlements moved to the nearest commune can land on either side",
                Sql = c => Query(c, string.Empty, $"WITH s AS ({settlementCommune}) {postalAccess}"),
                Ours = dir => FromCsv(Path.Combine(dir, "indicators_commune.csv"), "code", (h, r) =>
                    Number(r[h["settlements"]]) is > 0 ? [Number(r[h["postal_access_mean_km"]]), Number(r[h["postal_access_max_km"]])] : null),
            };

            var fibreMid = new Question("fibre km per commune (midpoint rule)", "indicators --level commune", "indicators")
            {
                Own = ["indicators", folder, "--level", "commune", "--columns", "fibre_km"],
                Units = "communes",
                Columns = [new("fibre_km", 0.002, 0.005)],
                Reason = Midpoint,
                Sql = c => Query(c, string.Empty, fibreMidpoint),
                Ours = dir => FromCsv(Path.Combine(dir, "indicators_commune.csv"), "code", (h, r) => Number(r[h["fibre_km"]]) is > 0 and var km ? [km] : null),
            };

            var fibreExact = new Question("fibre km per commune (exact overlay)", "indicators --level commune", "indicators")
            {
                // Its own command cuts each segment where it crosses a unit's edge, as the overlay does.
                Own = ["indicators", folder, "--level", "commune", "--columns", "fibre_km", "--fibre-split", "exact"],
                Units = "communes",
                Columns = [new("fibre_km", 0.002, 0.005)],
                Reason = "the whole command gives each segment to the commune of its midpoint (a segment crossing a boundary counts whole on one side; --fibre-split exact cuts it), the overlay cuts it at the boundary; and " + Midpoint,
                Sql = c => Query(c, string.Empty, $"""
                    SELECT p.code, sum(ST_Length(ST_Intersection(f.geom, p.geom))) / 1000 AS km
                    FROM {F}.fibre_parts f JOIN {F}.commune_parts p ON ST_Intersects(f.geom, p.geom)
                    GROUP BY p.code
                    """),
                Ours = fibreMid.Ours,
            };

            var positions = new Question("tower positions (`all` rows: positions, shared positions)", "sharing --level province", "sharing")
            {
                Own = ["sharing", folder, "--level", "province", "--only", "units"],
                OwnFile = "sharing_units.csv",
                OwnAnswer = dir => SharingUnitsCsv(Path.Combine(dir, "sharing_units.csv")),
                Units = "provinces",
                Columns = [new("tower_positions", 0), new("shared_positions", 0)],
                Reason = "positions on a shared boundary can land on either side",
                Sql = c => Query(c, PositionsSql(coLocationM), $"""
                    SELECT COALESCE(x_in.province, x_near.province), count(*), count(*) FILTER (WHERE x.nops >= 2)
                    FROM positions x {At("x")}
                    GROUP BY 1
                    """),
                Ours = dir => SharingUnits(Path.Combine(dir, "sharing.json")),
            };

            var mustShare = new Question("must-share pairs (missed sharing)", "sharing --level province", "sharing")
            {
                Own = ["sharing", folder, "--level", "province", "--only", "pairs"],
                OwnFile = "sharing_missed.csv",
                OwnAnswer = dir => MissedPairsCsv(Path.Combine(dir, "sharing_missed.csv")),
                Units = "pairs",
                Columns = [new("distance_m", 0.06)],
                Reason = "urban or not decides the limit (100 / 400 m); a position on a zone or unit boundary can fall either way",
                Sql = c => Query(c, PositionsSql(coLocationM) + $"""
                    ;
                    CREATE TEMP TABLE single_positions AS
                      SELECT x.key, x.op, x.geom,
                             COALESCE(x_in.urban, x_near.urban, false)
                             OR EXISTS (SELECT 1 FROM {F}.zones z WHERE z.kind = 'urban' AND ST_Intersects(z.geom, x.geom)) AS urban
                      FROM positions x {At("x")}
                      WHERE x.nops = 1;
                    CREATE INDEX ON single_positions USING gist (geom);
                    ANALYZE single_positions
                    """, $"""
                    SELECT a.key || ' ' || b.key, ST_Distance(a.geom, b.geom)
                    FROM single_positions a JOIN single_positions b
                      ON a.key < b.key AND a.op <> b.op AND ST_DWithin(a.geom, b.geom, {Sql(Math.Max(mustShareUrbanM, mustShareNonUrbanM))})
                    WHERE ST_Distance(a.geom, b.geom) < CASE WHEN a.urban AND b.urban THEN {Sql(mustShareUrbanM)} ELSE {Sql(mustShareNonUrbanM)} END
                    """),
                Ours = dir => MissedPairs(Path.Combine(dir, "sharing.json")),
            };

            var reach = new Question("settlements within each BTS's range (omni)", "coverage --level province --no-raster (every BTS omni; the settlements, not the 100 m grid)", "coverage")
            {
                // The unit table alone (coverage.csv): the settlements judged until each layer is covered, no footprint
                // file, best servers or uncovered list. The resident process keeps the footprints on flat ground (made
                // by the whole command just before, as the SQL's reach table is made from that command's output).
                Own = ["coverage", Path.Combine(work, "omni"), "--level", "province", "--no-raster"],
                OwnFile = "coverage.csv",
                OwnAnswer = dir => CoverageRows(Path.Combine(dir, "coverage.csv")),
                Units = "province × technology rows",
                Columns = [new("settlements_covered", 0)],
                Reason = "max_range_km is printed to the metre, so a settlement at the edge of a range can fall either way",
                Sql = c => Query(c, string.Empty, $"""
                    WITH s AS (
                      SELECT COALESCE(cu.province, s_in.province, s_near.province) AS province, s.geom
                      FROM {F}.settlements s LEFT JOIN {F}.communes cu ON cu.code = s.commune_code
                      {At("s", "cu.code IS NULL")})
                    {string.Join("\nUNION ALL\n", techs.Select(t => $"""
                        SELECT s.province || ' {t}', count(*) FROM s
                        WHERE EXISTS (SELECT 1 FROM {F}.reach r WHERE r.tech = '{t}' AND r.box && s.geom AND ST_DWithin(r.geom, s.geom, r.m))
                        GROUP BY 1
                        """))}
                    """),
                Ours = dir => CoverageRows(Path.Combine(dir, "coverage.csv")),
            };

            return [indicators, nearest, fibreMid, fibreExact, positions, mustShare, reach];
        }

        /// <summary>coverage.csv rows keyed "province tech" (the CSV has no single key column).</summary>
        private static Answer CoverageRows(string path)
        {
            var (h, rows) = ReadCsv(path);
            var answer = new Answer();
            foreach (var r in rows.Where(r => r[h["operator"]] == "*" && r[h["tech"]] != "*" && r[h["level"]] == "province"))
            {
                if (Number(r[h["settlements_covered"]]) is > 0 and var n)
                {
                    answer.Units[$"{r[h["code"]]} {r[h["tech"]]}"] = [n];
                }
            }

            return answer;
        }

        private static Answer SharingUnits(string path)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var answer = new Answer();
            foreach (var unit in json.RootElement.GetProperty("units").EnumerateArray())
            {
                var positions = unit.GetProperty("tower_positions").GetDouble();
                if (positions > 0)
                {
                    answer.Units[unit.GetProperty("code").GetString()!] = [positions, unit.GetProperty("shared_positions").GetDouble()];
                }
            }

            return answer;
        }

        /// <summary>The all-operator rows of sharing_units.csv (<c>sharing --only units</c>), as <see cref="SharingUnits"/> reads the JSON.</summary>
        private static Answer SharingUnitsCsv(string path)
        {
            var (h, rows) = ReadCsv(path);
            var answer = new Answer();
            foreach (var r in rows.Where(r => r[h["operator"]] == "all"))
            {
                if (Number(r[h["tower_positions"]]) is > 0 and var positions)
                {
                    answer.Units[r[h["code"]]] = [positions, Number(r[h["shared_positions"]])];
                }
            }

            return answer;
        }

        /// <summary>sharing_missed.csv (<c>sharing --only pairs</c>), as <see cref="MissedPairs"/> reads the JSON.</summary>
        private static Answer MissedPairsCsv(string path)
        {
            var (h, rows) = ReadCsv(path);
            var answer = new Answer();
            foreach (var r in rows)
            {
                answer.Units[$"{r[h["position_a"]]} {r[h["position_b"]]}"] = [Number(r[h["distance_m"]])];
            }

            return answer;
        }

        private static Answer MissedPairs(string path)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var answer = new Answer();
            foreach (var pair in json.RootElement.GetProperty("missed_sharing").EnumerateArray())
            {
                answer.Units[$"{pair.GetProperty("position_a").GetString()} {pair.GetProperty("position_b").GetString()}"] = [pair.GetProperty("distance_m").GetDouble()];
            }

            return answer;
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
