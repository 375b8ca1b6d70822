using Npgsql;
using NUnit.Framework;
using SoTTTT.IO.Postgis;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>
/// Issue 13 item 4, against the throwaway PostGIS cluster of tests/run.sh (SOTTTT_TEST_PG): <c>sotttt export --to
/// postgis</c> replacing a province (the real program as a child process) killed with SIGKILL at five moments leaves
/// the province's old rows, all of them, to every reader; the next export succeeds. The moments are made, not timed:
/// the test holds a lock on one table so that the export waits at a known step (replacing that layer's rows, or
/// updating the provinces' metadata after every layer), sees it waiting in <c>pg_stat_activity</c>, and kills it there.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PostgisExportKillTests
{
    private static readonly string[] LayerNames = KillDatasets.Layers.Split(',');

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private KillDatasets data = null!;

    [OneTimeSetUp]
    public void CreateDatasets()
    {
        ExternalTools.PostgisUrl();
        data = new KillDatasets();
    }

    [OneTimeTearDown]
    public void DeleteDatasets() => data?.Dispose();

    [TestCase("connected", null, null)]
    [TestCase("replacing-first-layer", "admin_units", "ACCESS EXCLUSIVE")]
    [TestCase("replacing-bts", "bts", "ACCESS EXCLUSIVE")]
    [TestCase("replacing-last-layer", "zones", "ACCESS EXCLUSIVE")]
    [TestCase("updating-provinces", PostgisWriter.ProvincesTable, "EXCLUSIVE")]
    public void ExportPostgis_KilledReplacingProvince_ReadersSeeTheOldRows(string moment, string? lockedLayer, string? lockMode)
    {
        using var schema = new PostgisSchema();
        var (exit, _, error) = CliRunner.Run("export", data.Old, "--to", "postgis", "--conn", schema.Url(), "--layers", KillDatasets.Layers);
        Assert.That(exit, Is.Zero, error);
        var old = Content(schema);
        var application = "sotttt_kill_" + Guid.NewGuid().ToString("N")[..12];
        var conn = schema.Url() + "&application_name=" + application;

        string? blockedIn = null;
        KillableCli.Outcome outcome;
        using (var monitor = PostgisConnection.Parse(schema.Url()).Open())
        using (var holder = PostgisConnection.Parse(schema.Url()).Open())
        {
            using var hold = holder.BeginTransaction();
            if (lockedLayer is not null)
            {
                Execute(holder, $"LOCK TABLE \"{schema.Name}\".\"{lockedLayer}\" IN {lockMode} MODE");
            }

            outcome = KillableCli.RunUntil(
                _ =>
                {
                    var (exists, waiting, query) = Backend(monitor, application);
                    blockedIn = query;
                    return lockedLayer is null ? exists : waiting;
                },
                Limit,
                "export",
                data.New,
                "--to",
                "postgis",
                "--conn",
                conn,
                "--layers",
                KillDatasets.Layers);
            hold.Rollback();
        }

        Assert.That(outcome.Killed, Is.True, $"the export was not caught at '{moment}': exit {outcome.Exit}, {outcome.Stderr}");
        TestContext.Out.WriteLine($"{moment}: killed after {outcome.Seconds:F2} s in: {blockedIn}");
        WaitUntilGone(schema, application);

        Assert.Multiple(() =>
        {
            Assert.That(Content(schema), Is.EqualTo(old), $"killed after {outcome.Seconds:F2} s while waiting in: {blockedIn}");
            Assert.That(schema.Scalar($"SELECT count(*) FROM pg_tables WHERE schemaname = '{schema.Name}' AND tablename LIKE '%\\_new'"), Is.EqualTo(0L), "staging tables left");
        });

        var next = KillableCli.Run(Limit, "export", data.New, "--to", "postgis", "--conn", schema.Url(), "--layers", KillDatasets.Layers);
        Assert.Multiple(() =>
        {
            Assert.That(next.Exit, Is.Zero, next.Stderr);
            Assert.That(schema.Scalar($"SELECT count(*) FROM \"{schema.Name}\".bts"), Is.EqualTo((long)(File.ReadLines(Path.Combine(data.New, "bts.csv")).Count() - 1)));
        });
    }

    /// <summary>Each layer's row count and a digest of every row in fid order, and the provinces' metadata rows.</summary>
    private static Dictionary<string, string> Content(PostgisSchema schema)
    {
        var content = new Dictionary<string, string>();
        foreach (var layer in LayerNames)
        {
            content[layer] = (string)schema.Scalar($"SELECT count(*) || ' rows, ' || md5(string_agg(t::text, '|' ORDER BY province_code, fid)) FROM \"{schema.Name}\".\"{layer}\" t")!;
        }

        content[PostgisWriter.ProvincesTable] = (string)schema.Scalar($"SELECT string_agg(t::text, '|' ORDER BY province_code) FROM \"{schema.Name}\".{PostgisWriter.ProvincesTable} t")!;
        return content;
    }

    /// <summary>Whether the export's session is connected, whether it waits for a lock, and its current statement.</summary>
    private static (bool Exists, bool Waiting, string? Query) Backend(NpgsqlConnection monitor, string application)
    {
        using var command = new NpgsqlCommand("SELECT wait_event_type = 'Lock', query FROM pg_stat_activity WHERE application_name = @a", monitor);
        command.Parameters.AddWithValue("a", application);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (true, !reader.IsDBNull(0) && reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : (false, false, null);
    }

    /// <summary>Waits (at most 30 s) until the server has ended the killed export's session, which rolls its transaction back.</summary>
    private static void WaitUntilGone(PostgisSchema schema, string application)
    {
        using var monitor = PostgisConnection.Parse(schema.Url()).Open();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Backend(monitor, application).Exists)
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the killed export's session is still there");
            Thread.Sleep(20);
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
