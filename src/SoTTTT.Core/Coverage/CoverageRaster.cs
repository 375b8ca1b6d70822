using System.Numerics;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// A province raster of square cells in the analysis CRS, judged at cell centres: per cell the deepest admin unit
/// whose polygon contains the centre (the mask) and one covered bit per operator × technology layer. Stored in
/// tiles of 256 × 256 cells, only where there is land, so a national 100 m grid fits in memory. Row 0 is the
/// southernmost. Read-only after <see cref="CoverageRasterBuilder"/> built it.
/// </summary>
public sealed class CoverageRaster
{
    internal const int TileShift = 8;
    internal const int TileSize = 1 << TileShift;
    internal const int TileCells = TileSize * TileSize;
    internal const int TileWords = TileCells / 64;

    internal CoverageRaster(double originX, double originY, double cellM, int width, int height, IReadOnlyList<CoverageLayer> layers, IReadOnlyList<Technology> techs)
    {
        OriginX = originX;
        OriginY = originY;
        CellM = cellM;
        Width = width;
        Height = height;
        Layers = layers;
        Techs = techs;
        TilesX = (width + TileSize - 1) >> TileShift;
        TilesY = (height + TileSize - 1) >> TileShift;
        Tiles = new Tile?[TilesX * TilesY];
    }

    /// <summary>Easting of the south-west corner of cell (0, 0).</summary>
    public double OriginX { get; }

    /// <summary>Northing of the south-west corner of cell (0, 0).</summary>
    public double OriginY { get; }

    public double CellM { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The operator layers, in the order of the covered bits.</summary>
    public IReadOnlyList<CoverageLayer> Layers { get; }

    public IReadOnlyList<Technology> Techs { get; }

    /// <summary>Width × height.</summary>
    public long CellCount => (long)Width * Height;

    internal int TilesX { get; }

    internal int TilesY { get; }

    internal Tile?[] Tiles { get; }

    /// <summary>Index in <see cref="Dataset.AdminUnits"/> of the unit at the cell, −1 outside every unit.</summary>
    public int UnitAt(int i, int j) =>
        TileAt(i, j) is { } t ? t.Units[Local(i, j)] : -1;

    /// <summary>Whether the layer covers the cell's centre.</summary>
    public bool Covered(int layer, int i, int j) =>
        TileAt(i, j) is { } t && t.Layers[layer] is { } bits && Bit(bits, Local(i, j));

    /// <summary>Whether any selected operator covers the cell with the technology.</summary>
    public bool CoveredByAny(Technology tech, int i, int j) =>
        TileAt(i, j) is { } t && t.Any[(int)tech] is { } bits && Bit(bits, Local(i, j));

    /// <summary>How many operator layers of the technology cover the cell.</summary>
    public int OperatorsCovering(Technology tech, int i, int j)
    {
        if (TileAt(i, j) is not { } t)
        {
            return 0;
        }

        var n = 0;
        var local = Local(i, j);
        for (var l = 0; l < Layers.Count; l++)
        {
            if (Layers[l].Tech == tech && t.Layers[l] is { } bits && Bit(bits, local))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The cell holding a point, or null outside the grid.</summary>
    public (int I, int J)? CellOf(double x, double y)
    {
        var i = (int)Math.Floor((x - OriginX) / CellM);
        var j = (int)Math.Floor((y - OriginY) / CellM);
        return i >= 0 && j >= 0 && i < Width && j < Height ? (i, j) : null;
    }

    /// <summary>The number of cells inside admin units.</summary>
    public long MaskCells()
    {
        long n = 0;
        foreach (var t in Tiles)
        {
            if (t is not null)
            {
                foreach (var w in t.Mask)
                {
                    n += BitOperations.PopCount(w);
                }
            }
        }

        return n;
    }

    /// <summary>Tiles across (west to east) of <see cref="TileCells"/> cells each.</summary>
    public int TileColumns => TilesX;

    /// <summary>Tiles up (south to north).</summary>
    public int TileRows => TilesY;

    /// <summary>Cells along a tile side.</summary>
    public static int TileSide => TileSize;

    /// <summary>
    /// Per cell of tile (<paramref name="tx"/>, <paramref name="ty"/>) — row 0 of the tile northernmost, as raster files
    /// store it — the number of operator layers of <paramref name="tech"/> covering it, <paramref name="outside"/> where the
    /// cell lies in no admin unit; null when the tile holds no unit at all (a sparse tile).
    /// </summary>
    public byte[]? OperatorCountTile(int tx, int ty, Technology tech, byte outside)
    {
        if (Tiles[(ty * TilesX) + tx] is not { } tile)
        {
            return null;
        }

        var layers = Enumerable.Range(0, Layers.Count).Where(l => Layers[l].Tech == tech && tile.Layers[l] is not null).Select(l => tile.Layers[l]!).ToArray();
        var cells = new byte[TileCells];
        for (var local = 0; local < TileCells; local++)
        {
            var row = TileSize - 1 - (local >> TileShift);
            var column = local & (TileSize - 1);
            byte n = outside;
            if (Bit(tile.Mask, local))
            {
                n = 0;
                foreach (var bits in layers)
                {
                    n += Bit(bits, local) ? (byte)1 : (byte)0;
                }
            }

            cells[(row * TileSize) + column] = n;
        }

        return cells;
    }

    internal Tile? TileAt(int i, int j) =>
        i < 0 || j < 0 || i >= Width || j >= Height ? null : Tiles[((j >> TileShift) * TilesX) + (i >> TileShift)];

    internal static int Local(int i, int j) => (i & (TileSize - 1)) | ((j & (TileSize - 1)) << TileShift);

    internal static bool Bit(ulong[] bits, int local) => (bits[local >> 6] & (1UL << (local & 63))) != 0;

    internal static void Set(ulong[] bits, int local) => bits[local >> 6] |= 1UL << (local & 63);

    /// <summary>Sets bits [from, to] (inclusive) of one tile row (nothing when from &gt; to): whole words at once, the
    /// partial words at either end by a mask.</summary>
    internal static void SetRange(ulong[] bits, int from, int to)
    {
        if (from > to)
        {
            return;
        }

        var first = from >> 6;
        var last = to >> 6;
        var head = ulong.MaxValue << (from & 63);
        var tail = ulong.MaxValue >> (63 - (to & 63));
        if (first == last)
        {
            bits[first] |= head & tail;
            return;
        }

        bits[first] |= head;
        for (var w = first + 1; w < last; w++)
        {
            bits[w] = ulong.MaxValue;
        }

        bits[last] |= tail;
    }

    internal sealed class Tile(int tx, int ty, int layerCount)
    {
        public int Tx { get; } = tx;

        public int Ty { get; } = ty;

        public int[] Units { get; } = CreateUnits();

        public ulong[] Mask { get; } = new ulong[TileWords];

        public ulong[]?[] Layers { get; } = new ulong[]?[layerCount];

        /// <summary>Per technology (index = (int)tech), the union of the operator layers.</summary>
        public ulong[]?[] Any { get; } = new ulong[]?[4];

        private static int[] CreateUnits()
        {
            var units = new int[TileCells];
            Array.Fill(units, -1);
            return units;
        }
    }
}
