using System.Globalization;
using SoTTTT.Benchmarks;

// Macro benchmarks (seconds-scale, so a stopwatch over repeated runs rather than BenchmarkDotNet). Each mode prints
// the machine and the process's peak working set; load times are reported apart from the analyses. Make data first:
//   dotnet run --project src/SoTTTT.Cli -c Release -- synth --profile national --seed 1 --out /tmp/national
// then: dotnet run --project tests/SoTTTT.Benchmarks -c Release -- MODE /tmp/national [N]
//   load-indicators [REPEATS]   load + province indicators (goal < 15 s, < 3 GB)
//   approve-latency [N]         one application, warm: p95 (goal < 20 ms)
//   approve-batch [N]           10,000 applications (goal < 10 s)
//   sharing [REPEATS]           the sharing analysis (goal < 30 s)
//   coverage [REPEATS] [CELL_M] the coverage analysis, all operators and technologies, 100 m cells (goal < 60 s, < 4 GB)
//   stores URL [REPEATS]        PostGIS / GeoPackage export rows/s and load + indicators from each source; start a
//                               server first: source tests/pg-cluster.sh && pg_cluster_start (URL "$SOTTTT_TEST_PG?schema=bench")
//   postgis-compare URL [RUNS]  every user-facing command as a process against the equivalent tuned SQL on the same
//                               data exported to PostGIS (issue 13): medians, SQL ÷ sotttt, agreement, peak RSS; URL of a
//                               database with PostGIS (tests/postgis-compare.sh starts a throwaway cluster); default 3 runs
//   plan [TARGETS_FILE]        the passive-infrastructure plan (goal < 60 s on the mountain sample; national reported)
//   unit-locator [REPEATS]      placing every settlement, BTS, postal point and fibre segment midpoint in its admin unit,
//                               with the grid of whole cells and without it (same answers checked), points/s
//   crs-throughput [N]          (no dataset) WGS84 → VN-2000 TM-3 points/s for N points over Vietnam (default 1,000,000)
//   profile-throughput [SITES]  (no dataset) terrain profiles/s from a 1″ DEM: SITES × 360 radials of 10 km and 20,000
//                               site–settlement profiles (default 50 sites)
//   viewer-first-render [N]     navigation → first rendered map view in headless Chromium, cold then N warm
//                               (goal < 1 s province sample, < 3 s national; needs chromium, chromium-driver, npm ci in maps/);
//                               DATASET may be a PostGIS URL, served as sotttt serve does (tiles by the database)
//   viewer-tiles [N]            start-to-answer, server memory and vector tile latency p50/p95 (goal < 200 ms) over the
//                               first view's layers: the extent at three zooms + N random tiles (DATASET or PostGIS URL)
//   viewer-load [N] [C] [R]     R rounds of N random layer requests (GeoJSON bbox or vector tile) at concurrency C against
//                               the viewer server: latency p50/p95/p99, memory per round (goal p99 < 1 s, memory flat)
int Number(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
if (args is ["crs-throughput", ..])
{
    return CrsBenchmark.Run(Number(1, 1_000_000));
}

if (args is ["profile-throughput", ..])
{
    return TerrainBenchmark.Run(Number(1, 50));
}

return (args.Length >= 2 ? args[0] : null) switch
{
    "load-indicators" => LoadIndicatorsBenchmark.Run(args[1], Number(2, 3)),
    "approve-latency" => ApprovalBenchmarks.Latency(args[1], args),
    "approve-batch" => ApprovalBenchmarks.Batch(args[1], args),
    "sharing" => SharingBenchmark.Run(args[1], args),
    "plan" => PlanBenchmark.Run(args[1], args),
    "unit-locator" => UnitLocatorBenchmark.Run(args[1], Number(2, 3)),
    "viewer-first-render" => ViewerBenchmark.Run(args[1], Number(2, 3)),
    "viewer-load" => ViewerLoadBenchmark.Run(args[1], Number(2, 1000), Number(3, 100), Number(4, 3)),
    "viewer-tiles" => ViewerTilesBenchmark.Run(args[1], Number(2, 200)),
    "coverage" => CoverageBenchmark.Run(args[1], args),
    "stores" when args.Length >= 3 => StoresBenchmark.Run(args[1], args[2], Number(3, 2)),
    "postgis-compare" when args.Length >= 3 => PostgisCompareBenchmark.Run(args[1], args[2], Number(3, 3)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: crs-throughput [N] | profile-throughput [SITES] | load-indicators|approve-latency|approve-batch|sharing|plan|unit-locator|coverage|viewer-first-render|viewer-tiles DATASET_FOLDER [N] | viewer-load DATASET [REQUESTS] [CONCURRENCY] [ROUNDS] | stores DATASET_FOLDER POSTGRESQL_URL [REPEATS] | postgis-compare DATASET_FOLDER POSTGRESQL_URL [RUNS]");
    return 2;
}
