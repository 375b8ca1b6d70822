using System.Globalization;
using System.Text;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Terrain;

namespace SoTTTT.Tests.Support;

/// <summary>
/// One SPLAT! Data File (SDF) tile and the same terrain as an <see cref="ElevationGrid"/>. The SDF format, as SPLAT!
/// 1.4.2 reads it (splat.cpp, LoadSDF_SDF / GetElevation): a 1° × 1° tile named <c>minlat:maxlat:minwest:maxwest.sdf</c>
/// with longitudes in degrees west (0–360; 103° E is 257° W), four header lines (max west, min north, min west,
/// max north) and 1200 × 1200 integer elevations in metres, one per line (the standard 3″ tile; SPLAT! HD reads
/// 3600 × 3600 from <c>…-hd.sdf</c>). Post [x][y], written x-major, lies at latitude min north + x/1200 and
/// longitude max west − (1199 − y)/1200 west (y = 0 is the eastern column); SPLAT! takes the nearest post (rint) for any point. The grid here has
/// its pixel centres on the posts and the same integer values, so both programs see the same terrain.
/// </summary>
internal sealed class SplatTerrain
{
    public const int PostsPerDegree = 1200;

    private readonly short[] _posts;

    /// <param name="minNorth">Southern latitude of the tile, whole degrees.</param>
    /// <param name="minEast">Western longitude of the tile, whole degrees east.</param>
    /// <param name="elevationM">Terrain height in metres at (longitude east, latitude).</param>
    public SplatTerrain(int minNorth, int minEast, Func<double, double, double> elevationM)
    {
        MinNorth = minNorth;
        MinEast = minEast;
        _posts = new short[PostsPerDegree * PostsPerDegree];
        Parallel.For(0, PostsPerDegree, x =>
        {
            for (var y = 0; y < PostsPerDegree; y++)
            {
                var (lon, lat) = PostLonLat(x, y);
                _posts[(x * PostsPerDegree) + y] = (short)Math.Round(elevationM(lon, lat), MidpointRounding.ToEven);
            }
        });
    }

    public int MinNorth { get; }

    public int MinEast { get; }

    /// <summary>max west of the tile: 360 − western longitude east.</summary>
    public int MaxWest => 360 - MinEast;

    public string FileName => string.Create(CultureInfo.InvariantCulture, $"{MinNorth}:{MinNorth + 1}:{MaxWest - 1}:{MaxWest}.sdf");

    /// <summary>Longitude east and latitude of post [x][y].</summary>
    public (double Lon, double Lat) PostLonLat(int x, int y) =>
        (360 - (MaxWest - ((PostsPerDegree - 1 - y) / (double)PostsPerDegree)), MinNorth + (x / (double)PostsPerDegree));

    /// <summary>The elevation SPLAT! reads at a point (nearest post), metres; null outside the tile.</summary>
    public short? Nearest(double latitude, double longitudeWest)
    {
        var x = (int)Math.Round(PostsPerDegree * (latitude - MinNorth), MidpointRounding.ToEven);
        var y = PostsPerDegree - 1 - (int)Math.Round(PostsPerDegree * LonDiff(MaxWest, longitudeWest), MidpointRounding.ToEven);
        return x is >= 0 and < PostsPerDegree && y is >= 0 and < PostsPerDegree ? _posts[(x * PostsPerDegree) + y] : null;
    }

    /// <summary>Writes the tile into <paramref name="folder"/>.</summary>
    public void Write(string folder)
    {
        var text = new StringBuilder(PostsPerDegree * PostsPerDegree * 5);
        text.Append(CultureInfo.InvariantCulture, $"{MaxWest}\n{MinNorth}\n{MaxWest - 1}\n{MinNorth + 1}\n");
        foreach (var post in _posts)
        {
            text.Append(post.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, FileName), text.ToString());
    }

    /// <summary>The same terrain as a WGS84 grid whose pixel centres are the posts (row 0 = northern posts, column 0 = western posts).</summary>
    public ElevationGrid ToGrid()
    {
        var n = PostsPerDegree;
        var values = new float[n * n];
        for (var x = 0; x < n; x++)
        {
            for (var y = 0; y < n; y++)
            {
                // y grows westwards (longitude west), columns grow eastwards.
                values[((n - 1 - x) * n) + (n - 1 - y)] = _posts[(x * n) + y];
            }
        }

        var (westLon, northLat) = PostLonLat(n - 1, n - 1);
        var cell = 1.0 / n;
        return new ElevationGrid(new GridGeometry(CrsRegistry.Wgs84, westLon - (cell / 2), northLat + (cell / 2), cell, cell, n, n), values);
    }

    /// <summary>SPLAT!'s LonDiff: lon1 − lon2 folded into −180…180.</summary>
    public static double LonDiff(double lon1, double lon2)
    {
        var diff = lon1 - lon2;
        if (diff <= -180)
        {
            diff += 360;
        }

        if (diff >= 180)
        {
            diff -= 360;
        }

        return diff;
    }
}
