using NetTopologySuite.Geometries;
using SoTTTT.Core.Terrain;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// The mountain profile's terrain: a drainage network of valleys and a DEM carved around it.
/// <list type="number">
/// <item>Trunks: a large river down the east side (floor 420 → 200 m, as the Đà crosses Điện Biên's north-east), a
/// flat basin in the south (floor 470 m, as the Mường Thanh valley holds the provincial city) drained by a river to the
/// south, and a river leaving to the west.</item>
/// <item>Branches grow by space colonisation: while some point of the province lies more than
/// <see cref="MaxValleyDistanceM"/> from every valley, a meandering branch runs from the nearest valley to it, its floor
/// climbing from the junction by a gradient that steepens with the branch level (tributaries are steeper), up to
/// <see cref="MaxFloorM"/>.</item>
/// <item>Elevation: every valley point raises a surface that is flat across the valley floor and then climbs with the
/// distance d from it, F + H·tanh(d / W) + R·d (W = 2.2 km, R = <see cref="RiseM"/>); each DEM pixel takes the lowest of these surfaces (the lower
/// envelope, carried between neighbouring pixels as a distance transform carries the nearest source), so ridges form
/// where two valleys' slopes meet, plus a roughness N that is 0 on the valley floor. The relief amplitude H
/// (≈ 400–1,400 m, up to ≈ 2,000 m in the high massifs, <see cref="MassifM"/>) and N (± 200 m) are fractal value
/// noise; clamped to 180–2,560 m and rounded to whole metres (the DEM is written as Int16).</item>
/// </list>
/// All in the analysis CRS (metres); the DEM is a square grid of <see cref="SynthOptions.DemPixelM"/> aligned to its
/// multiples, covering the outline with a <see cref="MarginM"/> margin (sites near the border see terrain beyond it).
/// </summary>
internal sealed class MountainTerrain
{
    public const double MarginM = 6_000;
    public const double MaxValleyDistanceM = 4_000;
    public const double MaxFloorM = 1_100;
    public const double BasinFloorM = 470;
    private const double ValleyPointSpacingM = 200;
    private const double ReliefWidthM = 2_200;

    /// <summary>
    /// Extra relief amplitude of the high massifs (as the ranges along the Lao and Chinese borders rise to 2,000–3,000 m,
    /// Pu Si Lung 3,076 m): added where a broad noise (wavelength 50 km) is high, so a few ranges reach ≈ 2,500 m.
    /// </summary>
    private const double MassifM = 600;

    /// <summary>
    /// The steady rise of the ground away from a valley, metres per metre, beyond what the slope's tanh levels off at: without
    /// it the lower envelope of distant low valleys would cap the whole province at one plateau height and bury the high
    /// tributaries (whose floors climb to <see cref="MaxFloorM"/>).
    /// </summary>
    private const double RiseM = 0.03;

    private readonly float[] floorM;
    private readonly float[] distanceM;
    private readonly PointGrid valleyGrid = new(1_000);

    private MountainTerrain(ElevationGrid dem, List<Valley> valleys, Geometry basin, List<ValleyPoint> valleyPoints, float[] floorM, float[] distanceM)
    {
        Dem = dem;
        Valleys = valleys;
        Basin = basin;
        ValleyPoints = valleyPoints;
        this.floorM = floorM;
        this.distanceM = distanceM;
        foreach (var p in valleyPoints)
        {
            valleyGrid.Add(p.At);
        }
    }

    /// <summary>The DEM (whole metres), in the analysis CRS.</summary>
    public ElevationGrid Dem { get; }

    public List<Valley> Valleys { get; }

    /// <summary>The flat basin around the provincial city.</summary>
    public Geometry Basin { get; }

    public Coordinate BasinCentre => Basin.Centroid.Coordinate;

    /// <summary>Points on valley floors inside and near the province, in the order of <see cref="Valleys"/> (basin grid last).</summary>
    public List<ValleyPoint> ValleyPoints { get; }

    /// <summary>Ground elevation (bilinear), metres; NaN off the DEM.</summary>
    public double ElevationM(Coordinate c) => Dem.Sample(c.X, c.Y);

    /// <summary>How far the ground stands above the floor of the nearest valley, metres (0 off the DEM).</summary>
    public double HeightAboveFloorM(Coordinate c) =>
        Pixel(c) is var p and >= 0 ? Math.Max(0, ElevationM(c) - floorM[p]) : 0;

    /// <summary>Distance to the nearest valley floor line, metres (∞ off the DEM).</summary>
    public double DistanceToValleyM(Coordinate c) => Pixel(c) is var p and >= 0 ? distanceM[p] : double.PositiveInfinity;

    /// <summary>Index in <see cref="ValleyPoints"/> of the nearest valley point within <paramref name="maxM"/>, or −1.</summary>
    public int NearestValleyPoint(Coordinate c, double maxM) => valleyGrid.Nearest(c, maxM);

    public static MountainTerrain Build(SynthWorld world)
    {
        var random = world.StageRandom(SynthStage.Terrain);
        var relief = new ValueNoise(random.Next());
        var rough = new ValueNoise(random.Next());
        var massifs = new ValueNoise(random.Next());
        var pixel = world.Options.DemPixelM;
        var env = world.Outline.EnvelopeInternal;
        var originX = Math.Floor((env.MinX - MarginM) / pixel) * pixel;
        var originY = Math.Ceiling((env.MaxY + MarginM) / pixel) * pixel;
        var columns = (int)Math.Ceiling((env.MaxX + MarginM - originX) / pixel);
        var rows = (int)Math.Ceiling((originY - (env.MinY - MarginM)) / pixel);
        var geometry = new GridGeometry(world.Crs, originX, originY, pixel, pixel, columns, rows);

        var valleys = new List<Valley>();
        var basin = Trunks(random, world, valleys);
        Colonise(random, world, valleys);

        // Sources of the distance transform: every valley point, and the basin's pixel centres.
        var sources = new List<(double X, double Y, double Floor, int Level)>();
        foreach (var v in valleys)
        {
            for (var i = 0; i < v.Points.Count; i++)
            {
                sources.Add((v.Points[i].X, v.Points[i].Y, v.FloorM[i], v.Level));
            }
        }

        var basinPoints = new List<ValleyPoint>();
        var basinEnv = basin.EnvelopeInternal;
        for (var y = Math.Ceiling(basinEnv.MinY / pixel) * pixel; y <= basinEnv.MaxY; y += pixel)
        {
            for (var x = Math.Ceiling(basinEnv.MinX / pixel) * pixel; x <= basinEnv.MaxX; x += pixel)
            {
                var c = new Coordinate(x + (pixel / 2), y + (pixel / 2));
                if (basin.Contains(world.Factory.CreatePoint(c)))
                {
                    sources.Add((c.X, c.Y, BasinFloorM, 0));
                    if (Math.Round(x / pixel) % 3 == 0 && Math.Round(y / pixel) % 3 == 0)
                    {
                        basinPoints.Add(new ValleyPoint(c, -1, 0, BasinFloorM, 0));
                    }
                }
            }
        }

        // The relief amplitude of each pixel, then each pixel's cheapest valley: the lowest surface any valley raises there.
        var amplitude = new float[geometry.Cells];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var (x, y) = (geometry.CenterX(c), geometry.CenterY(r));
                amplitude[(r * columns) + c] = (float)(380 + (500 * (1 + relief.Fractal(x, y, 28_000, 3))) + (MassifM * SmoothStep(0.15, 0.65, massifs.Fractal(x, y, 50_000, 2))));
            }
        }

        var owner = LowestSurface(geometry, sources, amplitude);
        var values = new float[geometry.Cells];
        var floor = new float[geometry.Cells];
        var distance = new float[geometry.Cells];
        for (var r = 0; r < rows; r++)
        {
            var y = geometry.CenterY(r);
            for (var c = 0; c < columns; c++)
            {
                var x = geometry.CenterX(c);
                var p = (r * columns) + c;
                var s = sources[owner[p]];
                var d = Math.Sqrt(((x - s.X) * (x - s.X)) + ((y - s.Y) * (y - s.Y)));
                var slope = Math.Max(0, d - FlatHalfWidthM(s.Level));
                var z = Surface(s.Floor, amplitude[p], d, s.Level) + (200 * rough.Fractal(x, y, 6_000, 4) * Math.Min(1, slope / 800));
                values[p] = (float)Math.Round(Math.Clamp(z, 180, 2_560));
                floor[p] = (float)s.Floor;
                distance[p] = (float)d;
            }
        }

        var points = new List<ValleyPoint>();
        foreach (var v in valleys)
        {
            var next = 0.0;
            for (var i = 0; i < v.Points.Count; i++)
            {
                if (v.ArcM[i] >= next)
                {
                    points.Add(new ValleyPoint(v.Points[i], v.Index, v.ArcM[i], v.FloorM[i], v.Level));
                    next = v.ArcM[i] + ValleyPointSpacingM;
                }
            }
        }

        points.AddRange(basinPoints);
        return new MountainTerrain(new ElevationGrid(geometry, values), valleys, basin, points, floor, distance);
    }

    private int Pixel(Coordinate c)
    {
        var g = Dem.Geometry;
        var col = (int)Math.Floor((c.X - g.OriginX) / g.PixelWidth);
        var row = (int)Math.Floor((g.OriginY - c.Y) / g.PixelHeight);
        return col >= 0 && col < g.Columns && row >= 0 && row < g.Rows ? (row * g.Columns) + col : -1;
    }

    /// <summary>The trunks and the basin; returns the basin polygon.</summary>
    private static Polygon Trunks(Random random, SynthWorld world, List<Valley> valleys)
    {
        var env = world.Outline.EnvelopeInternal;
        var (w, h) = (env.Width, env.Height);

        // The large river down the east side, from the northern border to the eastern one.
        var north = new Coordinate(env.MinX + (0.62 * w), env.MaxY + 5_000);
        var east = new Coordinate(env.MaxX + 5_000, env.MinY + (0.42 * h));
        AddValley(valleys, Meander(random, north, east, 5, 6_000), 0, -1, 0, arc => 420 - (220 * arc));

        // The basin in the south, drained by a river leaving southwards.
        var inner = world.Outline.Buffer(-9_000);
        var centre = new Coordinate(env.MinX + (0.45 * w), env.MinY + (0.2 * h));
        var target = world.Outline.Centroid.Coordinate;
        for (var step = 0; step < 100 && !inner.Contains(world.Factory.CreatePoint(centre)); step++)
        {
            centre = new Coordinate(centre.X + (0.05 * (target.X - centre.X)), centre.Y + (0.05 * (target.Y - centre.Y)));
        }

        var (a, b, tilt) = (7_500.0, 2_800.0, random.Uniform(-0.2, 0.2));
        var ring = new Coordinate[73];
        for (var i = 0; i < 72; i++)
        {
            var t = 2 * Math.PI * i / 72;
            var (ex, ey) = (b * Math.Cos(t), a * Math.Sin(t));
            ring[i] = new Coordinate(centre.X + (ex * Math.Cos(tilt)) - (ey * Math.Sin(tilt)), centre.Y + (ex * Math.Sin(tilt)) + (ey * Math.Cos(tilt)));
        }

        ring[72] = ring[0].Copy();
        var basin = world.Factory.CreatePolygon(ring);
        var head = new Coordinate(centre.X - ((a + 4_000) * Math.Sin(tilt)), centre.Y + ((a + 4_000) * Math.Cos(tilt)));
        var mouth = new Coordinate(centre.X + random.Uniform(-3_000, 3_000), env.MinY - 5_000);
        var upper = WigglyPath.Build(random, head, centre, 0.05, 300, 500);
        var lower = Meander(random, centre, mouth, 2, 3_000);
        var upperShare = WigglyPath.Length(upper) / (WigglyPath.Length(upper) + WigglyPath.Length(lower));
        AddValley(valleys, [.. upper, .. lower.Skip(1)], 0, -1, 0, arc => arc <= upperShare
            ? 520 - (50 * arc / upperShare)
            : BasinFloorM - (70 * (arc - upperShare) / (1 - upperShare)));

        // A river leaving to the west in the north-west, from its outlet inwards.
        var outlet = new Coordinate(env.MinX - 5_000, env.MinY + (0.7 * h));
        var inland = new Coordinate(env.MinX + (0.3 * w), env.MinY + (0.62 * h));
        AddValley(valleys, Meander(random, outlet, inland, 2, 4_000), 0, -1, 0, arc => 330 + (150 * arc));
        return basin;
    }

    /// <summary>A river between two points through <paramref name="bends"/> waypoints shifted up to <paramref name="shiftM"/> sideways, meandering between them.</summary>
    private static Coordinate[] Meander(Random random, Coordinate from, Coordinate to, int bends, double shiftM)
    {
        var (dx, dy) = (to.X - from.X, to.Y - from.Y);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        var (nx, ny) = (-dy / length, dx / length);
        var waypoints = new List<Coordinate> { from };
        for (var k = 1; k <= bends; k++)
        {
            var t = k / (double)(bends + 1);
            var shift = random.Uniform(-shiftM, shiftM);
            waypoints.Add(new Coordinate(from.X + (t * dx) + (shift * nx), from.Y + (t * dy) + (shift * ny)));
        }

        waypoints.Add(to);
        var path = new List<Coordinate> { from.Copy() };
        for (var k = 1; k < waypoints.Count; k++)
        {
            path.AddRange(WigglyPath.Build(random, waypoints[k - 1], waypoints[k], 0.08, 300, 500).Skip(1));
        }

        return [.. path];
    }

    /// <summary>Branches towards the point farthest from every valley until none is farther than <see cref="MaxValleyDistanceM"/>.</summary>
    private static void Colonise(Random random, SynthWorld world, List<Valley> valleys)
    {
        const double spacing = 1_000;
        var env = world.Outline.EnvelopeInternal;
        var columns = (int)Math.Ceiling(env.Width / spacing) + 1;
        var rows = (int)Math.Ceiling(env.Height / spacing) + 1;
        var inside = new bool[columns * rows];
        var distance = new double[columns * rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                inside[(r * columns) + c] = world.InOutline(new Coordinate(env.MinX + (c * spacing), env.MinY + (r * spacing)));
                distance[(r * columns) + c] = double.PositiveInfinity;
            }
        }

        var grid = new PointGrid(2_000);
        var refs = new List<(int Valley, int Point)>();
        void Absorb(Valley v)
        {
            for (var i = 0; i < v.Points.Count; i += 2)
            {
                var p = v.Points[i];
                grid.Add(p);
                refs.Add((v.Index, i));
                var reach = 3 * MaxValleyDistanceM;
                var c0 = Math.Max(0, (int)Math.Floor((p.X - reach - env.MinX) / spacing));
                var c1 = Math.Min(columns - 1, (int)Math.Ceiling((p.X + reach - env.MinX) / spacing));
                var r0 = Math.Max(0, (int)Math.Floor((p.Y - reach - env.MinY) / spacing));
                var r1 = Math.Min(rows - 1, (int)Math.Ceiling((p.Y + reach - env.MinY) / spacing));
                for (var r = r0; r <= r1; r++)
                {
                    for (var c = c0; c <= c1; c++)
                    {
                        var dx = env.MinX + (c * spacing) - p.X;
                        var dy = env.MinY + (r * spacing) - p.Y;
                        var d = Math.Sqrt((dx * dx) + (dy * dy));
                        var k = (r * columns) + c;
                        if (d < distance[k])
                        {
                            distance[k] = d;
                        }
                    }
                }
            }
        }

        foreach (var v in valleys)
        {
            Absorb(v);
        }

        for (var iteration = 0; iteration < 1_000; iteration++)
        {
            var far = -1;
            for (var k = 0; k < distance.Length; k++)
            {
                if (inside[k] && (far < 0 || distance[k] > distance[far]))
                {
                    far = k;
                }
            }

            if (far < 0 || distance[far] < MaxValleyDistanceM)
            {
                return;
            }

            var target = new Coordinate(env.MinX + ((far % columns) * spacing), env.MinY + ((far / columns) * spacing));
            var (vi, pi) = refs[grid.Nearest(target, 1e7)];
            var parent = valleys[vi];
            var level = parent.Level + 1;
            var gradient = random.Uniform(0.8, 1.25) * level switch { 1 => 6.0, 2 => 9.0, 3 => 12.0, _ => 15.0 } / 1000;
            var start = parent.FloorM[pi];
            var path = WigglyPath.Build(random, parent.Points[pi], target, 0.12, 250, 400);
            var length = WigglyPath.Length(path);
            var branch = AddValley(valleys, path, level, vi, parent.ArcM[pi], t => Math.Min(MaxFloorM, start + (gradient * t * length)));
            Absorb(branch);
        }
    }

    /// <summary>Adds a valley along <paramref name="path"/>, densified to 100 m, with the floor given as a function of the share of its length.</summary>
    private static Valley AddValley(List<Valley> valleys, Coordinate[] path, int level, int parent, double junctionArcM, Func<double, double> floorAtShare)
    {
        var valley = new Valley(valleys.Count, level, parent, junctionArcM);
        var total = WigglyPath.Length(path);
        var arc = 0.0;
        for (var i = 0; i < path.Length; i++)
        {
            if (i > 0)
            {
                var a = path[i - 1];
                var b = path[i];
                var length = a.Distance(b);
                var steps = Math.Max(1, (int)Math.Ceiling(length / 100));
                for (var s = 1; s <= steps; s++)
                {
                    var t = s / (double)steps;
                    valley.Points.Add(new Coordinate(a.X + (t * (b.X - a.X)), a.Y + (t * (b.Y - a.Y))));
                    valley.ArcM.Add(arc + (t * length));
                    valley.FloorM.Add(floorAtShare(total > 0 ? (arc + (t * length)) / total : 0));
                }

                arc += length;
            }
            else
            {
                valley.Points.Add(path[0].Copy());
                valley.ArcM.Add(0);
                valley.FloorM.Add(floorAtShare(0));
            }
        }

        valleys.Add(valley);
        return valley;
    }

    /// <summary>Half the width of a valley's flat floor, metres: wide along the trunks, narrow up the tributaries.</summary>
    /// <summary>0 below <paramref name="from"/>, 1 above <paramref name="to"/>, the cubic smoothstep between.</summary>
    private static double SmoothStep(double from, double to, double v)
    {
        var t = Math.Clamp((v - from) / (to - from), 0, 1);
        return t * t * (3 - (2 * t));
    }

    private static double FlatHalfWidthM(int level) => level switch { 0 => 300, 1 => 150, _ => 60 };

    /// <summary>
    /// The ground a valley of floor <paramref name="floorM"/> raises at <paramref name="distanceM"/> from its floor line:
    /// flat across its floor, then up a slope that levels off towards <paramref name="amplitudeM"/> above the floor
    /// (tanh, half of it within ≈ 1.2 km of the floor's edge).
    /// </summary>
    private static double Surface(double floorM, double amplitudeM, double distanceM, int level) =>
        floorM + (amplitudeM * Math.Tanh(Math.Max(0, distanceM - FlatHalfWidthM(level)) / ReliefWidthM)) + (RiseM * Math.Max(0, distanceM - FlatHalfWidthM(level)));

    /// <summary>
    /// For every pixel, the source point whose valley raises the lowest surface there (<see cref="Surface"/>): the lower
    /// envelope of the valleys' slopes, which is continuous, so ridges form where two valleys' slopes meet and a high
    /// tributary never cuts a cliff into a lower valley's side. Found by carrying candidates between neighbouring pixels
    /// in two raster passes each way, twice (as Danielsson's distance transform carries the nearest source).
    /// </summary>
    private static int[] LowestSurface(GridGeometry g, List<(double X, double Y, double Floor, int Level)> sources, float[] amplitude)
    {
        var (columns, rows) = (g.Columns, g.Rows);
        var owner = new int[columns * rows];
        var best = new double[columns * rows];
        Array.Fill(owner, -1);
        Array.Fill(best, double.PositiveInfinity);
        void Offer(int p, int s)
        {
            if (s < 0 || s == owner[p])
            {
                return;
            }

            var dx = g.CenterX(p % columns) - sources[s].X;
            var dy = g.CenterY(p / columns) - sources[s].Y;
            var z = Surface(sources[s].Floor, amplitude[p], Math.Sqrt((dx * dx) + (dy * dy)), sources[s].Level);
            if (z < best[p] || (z == best[p] && s < owner[p]))
            {
                best[p] = z;
                owner[p] = s;
            }
        }

        for (var s = 0; s < sources.Count; s++)
        {
            var c = (int)Math.Floor((sources[s].X - g.OriginX) / g.PixelWidth);
            var r = (int)Math.Floor((g.OriginY - sources[s].Y) / g.PixelHeight);
            if (c >= 0 && c < columns && r >= 0 && r < rows)
            {
                Offer((r * columns) + c, s);
            }
        }

        for (var round = 0; round < 2; round++)
        {
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    var p = (r * columns) + c;
                    if (c > 0)
                    {
                        Offer(p, owner[p - 1]);
                    }

                    if (r > 0)
                    {
                        Offer(p, owner[p - columns]);
                        if (c > 0)
                        {
                            Offer(p, owner[p - columns - 1]);
                        }

                        if (c < columns - 1)
                        {
                            Offer(p, owner[p - columns + 1]);
                        }
                    }
                }

                for (var c = columns - 2; c >= 0; c--)
                {
                    Offer((r * columns) + c, owner[(r * columns) + c + 1]);
                }
            }

            for (var r = rows - 1; r >= 0; r--)
            {
                for (var c = columns - 1; c >= 0; c--)
                {
                    var p = (r * columns) + c;
                    if (c < columns - 1)
                    {
                        Offer(p, owner[p + 1]);
                    }

                    if (r < rows - 1)
                    {
                        Offer(p, owner[p + columns]);
                        if (c < columns - 1)
                        {
                            Offer(p, owner[p + columns + 1]);
                        }

                        if (c > 0)
                        {
                            Offer(p, owner[p + columns - 1]);
                        }
                    }
                }

                for (var c = 1; c < columns; c++)
                {
                    Offer((r * columns) + c, owner[(r * columns) + c - 1]);
                }
            }
        }

        return owner;
    }
}
