using Npgsql;
using NUnit.Framework;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Postgis;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Coverage;

/// <summary>
/// The omni coverage question answered by an independent engine: PostGIS ST_DWithin with each BTS's reported
/// max_range_km, against the throwaway cluster of tests/run.sh (SOTTTT_TEST_PG).
/// </summary>
[TestFixture]
public sealed class CoveragePostgisTests
{
    [Test]
    public void OmniSites_CoveredSettlements_EqualPostgisDWithin()
    {
        using var schema = new PostgisSchema();
        var random = new Random(7);
        var province = new CoverageProvince();
        double[] bands = [900, 1800, 2100, 3500];
        for (var b = 0; b < 60; b++)
        {
            province.Bts($"B{b:000}", b % 2 == 0 ? "Viettel" : "MobiFone", b % 3 == 0 ? Technology.G2 : Technology.G4, 600000 + (random.NextDouble() * 10000), 2300000 + (random.NextDouble() * 10000),
                bandMHz: bands[random.Next(bands.Length)], heightM: 15 + (random.NextDouble() * 40), eirpDbm: 10 + (random.NextDouble() * 35));
        }

        for (var s = 0; s < 1000; s++)
        {
            province.Settlement($"S{s:0000}", 600000 + (random.NextDouble() * 10000), 2300000 + (random.NextDouble() * 10000));
        }

        var dataset = province.Build();
        var result = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Province) { Raster = false });
        PostgisWriter.Export(PostgisConnection.Parse(schema.Url()), dataset, LayerCatalog.Default.Build(dataset, null, out _), DatasetMetadata.Of(dataset));

        using var connection = PostgisConnection.Parse(schema.Url()).Open();
        Execute(connection, $"CREATE TABLE \"{schema.Name}\".ranges (id text PRIMARY KEY, tech text NOT NULL, max_range_km double precision NOT NULL)");
        foreach (var f in result.Footprints)
        {
            using var insert = new NpgsqlCommand($"INSERT INTO \"{schema.Name}\".ranges VALUES (@id, @tech, @km)", connection);
            insert.Parameters.AddWithValue("id", f.Id);
            insert.Parameters.AddWithValue("tech", Codes.Label(f.Tech));
            insert.Parameters.AddWithValue("km", f.MaxRangeKm);
            insert.ExecuteNonQuery();
        }

        var postgis = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using (var query = new NpgsqlCommand(
            $"""
            SELECT DISTINCT r.tech, s.id FROM "{schema.Name}".ranges r JOIN "{schema.Name}".bts b ON b.id = r.id
            JOIN "{schema.Name}".settlements s ON ST_DWithin(s.geom, b.geom, r.max_range_km * 1000)
            """,
            connection))
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                (postgis.TryGetValue(reader.GetString(0), out var set) ? set : postgis[reader.GetString(0)] = new HashSet<string>(StringComparer.Ordinal)).Add(reader.GetString(1));
            }
        }

        Assert.Multiple(() =>
        {
            foreach (var tech in result.Techs)
            {
                var ours = result.Settlements
                    .Where(s => CoverageAnalysis.IsCovered(s, result.Layers, tech, result.Rules.For(tech).ThresholdDbm))
                    .Select(s => s.Settlement.Id)
                    .ToHashSet(StringComparer.Ordinal);
                var theirs = postgis.GetValueOrDefault(Codes.Label(tech)) ?? [];
                Assert.That(ours, Is.EquivalentTo(theirs), Codes.Label(tech));
                Assert.That(ours, Is.Not.Empty, Codes.Label(tech));
            }
        });
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
