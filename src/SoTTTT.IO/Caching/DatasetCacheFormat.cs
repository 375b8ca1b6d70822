using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Caching;

/// <summary>
/// The binary layout of a cached dataset: every property of every model record, field by field, in the order of
/// <see cref="Properties"/> (a test compares that list with the records' public properties, so a property added to a
/// model record fails the build's tests until it is stored here too). Geometries keep every ordinate of every
/// coordinate sequence and are rebuilt with the dataset's own factory, so a cached dataset equals a fresh load.
/// </summary>
internal static class DatasetCacheFormat
{
    /// <summary>The properties stored for each record type, in the order written.</summary>
    public static IReadOnlyDictionary<Type, string[]> Properties { get; } = new Dictionary<Type, string[]>
    {
        [typeof(CrsDefinition)] = ["Name", "IsGeographic", "IsVn2000", "CentralMeridianDeg", "ScaleFactor", "FalseEastingM", "Epsg"],
        [typeof(AdminUnit)] = ["Code", "Name", "Level", "ParentCode", "AreaKm2", "Population", "Urban", "Boundary"],
        [typeof(Settlement)] = ["Id", "Location", "Name", "CommuneCode", "Population"],
        [typeof(Tower)] = ["Id", "Location", "Owner", "Type", "HeightM", "Status", "MaxTenants"],
        [typeof(Bts)] = ["Id", "Operator", "Tech", "Location", "TowerId", "BandMHz", "AntennaHeightM", "EirpDbm", "AzimuthDeg", "BeamwidthDeg", "TiltDeg", "Status", "BandwidthMHz"],
        [typeof(FibreRoute)] = ["Id", "Path", "Operator", "Placement", "Cores", "Medium"],
        [typeof(PostalPoint)] = ["Id", "Location", "Name", "Kind", "Operator", "AdminCode"],
        [typeof(Zone)] = ["Id", "Kind", "Area", "Name", "Parameters"],
        [typeof(Measurement)] = ["Id", "Operator", "Tech", "LevelDbm", "Location", "Source", "Date"],
        [typeof(PublicSite)] = ["Id", "Location", "Kind", "Name", "CommuneCode", "Level"],
        [typeof(NetworkNode)] = ["Id", "Location", "Kind", "Operator", "Name"],
        [typeof(SubscriberCount)] = ["UnitCode", "Operator", "Service", "Count", "Date"],
        [typeof(ValidationProblem)] = ["Code", "Message", "File", "Row", "Column", "FeatureId"],
    };

    public static void WriteCrs(BinaryWriter w, CrsDefinition c)
    {
        w.Write(c.Name);
        w.Write(c.IsGeographic);
        w.Write(c.IsVn2000);
        WriteOpt(w, c.CentralMeridianDeg);
        WriteOpt(w, c.ScaleFactor);
        w.Write(c.FalseEastingM);
        WriteOpt(w, c.Epsg);
    }

    public static CrsDefinition ReadCrs(CacheReader r) =>
        new(r.ReadString(), r.ReadBoolean(), r.ReadBoolean(), ReadOptDouble(r), ReadOptDouble(r), r.ReadDouble(), ReadOptInt(r));

    /// <summary>Writes the layers and notices of a successful load.</summary>
    public static void WriteLayers(BinaryWriter w, Dataset d, IReadOnlyList<ValidationProblem> notices)
    {
        WriteList(w, d.AdminUnits, (w, u) =>
        {
            w.Write(u.Code);
            w.Write(u.Name);
            w.Write((int)u.Level);
            WriteOpt(w, u.ParentCode);
            WriteOpt(w, u.AreaKm2);
            WriteOpt(w, u.Population);
            WriteOpt(w, u.Urban);
            WriteGeometry(w, u.Boundary);
        });
        WriteList(w, d.Settlements, (w, s) =>
        {
            w.Write(s.Id);
            WriteGeometry(w, s.Location);
            WriteOpt(w, s.Name);
            WriteOpt(w, s.CommuneCode);
            WriteOpt(w, s.Population);
        });
        WriteList(w, d.Towers, (w, t) =>
        {
            w.Write(t.Id);
            WriteGeometry(w, t.Location);
            WriteOpt(w, t.Owner);
            WriteOpt(w, t.Type);
            WriteOpt(w, t.HeightM);
            w.Write((int)t.Status);
            WriteOpt(w, t.MaxTenants);
        });
        WriteList(w, d.Bts, (w, b) =>
        {
            w.Write(b.Id);
            w.Write(b.Operator);
            w.Write((int)b.Tech);
            WriteGeometry(w, b.Location);
            WriteOpt(w, b.TowerId);
            WriteOpt(w, b.BandMHz);
            WriteOpt(w, b.AntennaHeightM);
            WriteOpt(w, b.EirpDbm);
            WriteOpt(w, b.AzimuthDeg);
            WriteOpt(w, b.BeamwidthDeg);
            WriteOpt(w, b.TiltDeg);
            WriteOpt(w, b.Status);
            WriteOpt(w, b.BandwidthMHz);
        });
        WriteList(w, d.FibreRoutes, WriteRoute);
        WriteList(w, d.CopperRoutes, WriteRoute);
        WriteList(w, d.PostalPoints, (w, p) =>
        {
            w.Write(p.Id);
            WriteGeometry(w, p.Location);
            WriteOpt(w, p.Name);
            WriteOpt(w, p.Kind is { } k ? (int)k : null);
            WriteOpt(w, p.Operator);
            WriteOpt(w, p.AdminCode);
        });
        WriteList(w, d.Zones, (w, z) =>
        {
            w.Write(z.Id);
            w.Write(z.Kind);
            WriteGeometry(w, z.Area);
            WriteOpt(w, z.Name);
            w.Write(z.Parameters.Count);
            foreach (var (key, value) in z.Parameters)
            {
                w.Write(key);
                w.Write(value);
            }
        });
        WriteList(w, d.Measurements, (w, m) =>
        {
            w.Write(m.Id);
            w.Write(m.Operator);
            w.Write((int)m.Tech);
            w.Write(m.LevelDbm);
            WriteGeometry(w, m.Location);
            WriteOpt(w, m.Source);
            WriteOpt(w, m.Date);
        });
        WriteList(w, d.PublicSites, (w, p) =>
        {
            w.Write(p.Id);
            WriteGeometry(w, p.Location);
            w.Write((int)p.Kind);
            WriteOpt(w, p.Name);
            WriteOpt(w, p.CommuneCode);
            WriteOpt(w, p.Level is { } l ? (int)l : null);
        });
        WriteList(w, d.Nodes, (w, n) =>
        {
            w.Write(n.Id);
            WriteGeometry(w, n.Location);
            w.Write((int)n.Kind);
            WriteOpt(w, n.Operator);
            WriteOpt(w, n.Name);
        });
        WriteList(w, d.Subscribers, (w, s) =>
        {
            w.Write(s.UnitCode);
            WriteOpt(w, s.Operator);
            w.Write((int)s.Service);
            w.Write(s.Count);
            WriteOpt(w, s.Date);
        });
        WriteList(w, d.Layers.Order(StringComparer.Ordinal).ToList(), (w, l) => w.Write(l));
        WriteList(w, notices, (w, p) =>
        {
            w.Write(p.Code);
            w.Write(p.Message);
            w.Write(p.File);
            WriteOpt(w, p.Row);
            WriteOpt(w, p.Column);
            WriteOpt(w, p.FeatureId);
        });
    }

    /// <summary>Reads what <see cref="WriteLayers"/> wrote into a dataset of the given name and CRS (rules and date are the caller's).</summary>
    public static (Dataset Dataset, ValidationProblem[] Notices) ReadLayers(CacheReader r, string name, CrsDefinition crs)
    {
        var f = Core.Spatial.GeometryFactories.For(crs);
        var admin = ReadList(r, (r, strings) => new AdminUnit(r.ReadString(), r.ReadString(), (AdminLevel)r.ReadInt32(), strings.Opt(r), ReadOptDouble(r), ReadOptLong(r), ReadOptBool(r), ReadGeometry(r, f)));
        var settlements = ReadList(r, (r, strings) => new Settlement(r.ReadString(), ReadPoint(r, f), ReadOptString(r), strings.Opt(r), ReadOptLong(r)));
        var towers = ReadList(r, (r, strings) => new Tower(r.ReadString(), ReadPoint(r, f), strings.Opt(r), strings.Opt(r), ReadOptDouble(r), (TowerStatus)r.ReadInt32(), ReadOptInt(r)));
        var bts = ReadList(r, (r, strings) => new Bts(
            r.ReadString(),
            strings.Get(r),
            (Technology)r.ReadInt32(),
            ReadPoint(r, f),
            ReadOptString(r),
            ReadOptDouble(r),
            ReadOptDouble(r),
            ReadOptDouble(r),
            ReadOptDouble(r),
            ReadOptDouble(r),
            ReadOptDouble(r),
            strings.Opt(r))
        {
            BandwidthMHz = ReadOptDouble(r),
        });
        FibreRoute Route(CacheReader r, StringPool strings) =>
            new(r.ReadString(), ReadGeometry(r, f)!, strings.Opt(r), ReadOptInt(r) is { } p ? (CablePlacement)p : null, ReadOptInt(r)) { Medium = (CableMedium)r.ReadInt32() };
        var fibre = ReadList(r, Route);
        var copper = ReadList(r, Route);
        var postal = ReadList(r, (r, strings) => new PostalPoint(r.ReadString(), ReadPoint(r, f), ReadOptString(r), ReadOptInt(r) is { } k ? (PostalKind)k : null, strings.Opt(r), strings.Opt(r)));
        var zones = ReadList(r, (r, strings) =>
        {
            var id = r.ReadString();
            var kind = r.ReadString();
            var area = ReadGeometry(r, f)!;
            var zoneName = ReadOptString(r);
            var count = r.ReadInt32();
            var parameters = new Dictionary<string, string>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                parameters[r.ReadString()] = r.ReadString();
            }

            return new Zone(id, kind, area, zoneName, parameters);
        });
        var measurements = ReadList(r, (r, strings) => new Measurement(r.ReadString(), strings.Get(r), (Technology)r.ReadInt32(), r.ReadDouble(), ReadPoint(r, f), strings.Opt(r), strings.Opt(r)));
        var sites = ReadList(r, (r, strings) => new PublicSite(r.ReadString(), ReadPoint(r, f), (PublicSiteKind)r.ReadInt32(), ReadOptString(r), strings.Opt(r), ReadOptInt(r) is { } l ? (SchoolLevel)l : null));
        var nodes = ReadList(r, (r, strings) => new NetworkNode(r.ReadString(), ReadPoint(r, f), (NodeKind)r.ReadInt32(), strings.Opt(r), ReadOptString(r)));
        var subscribers = ReadList(r, (r, strings) => new SubscriberCount(strings.Get(r), strings.Opt(r), (SubscriberService)r.ReadInt32(), r.ReadInt64(), strings.Opt(r)));
        var layers = ReadList(r, (r, strings) => r.ReadString());
        var notices = ReadList(r, (r, strings) => new ValidationProblem(r.ReadString(), r.ReadString(), r.ReadString(), ReadOptInt(r), ReadOptString(r), ReadOptString(r)));
        var dataset = new Dataset(name, crs, admin.Result, settlements.Result, towers.Result, bts.Result, fibre.Result, postal.Result, zones.Result, new HashSet<string>(layers.Result, StringComparer.Ordinal))
        {
            Measurements = measurements.Result,
            PublicSites = sites.Result,
            CopperRoutes = copper.Result,
            Subscribers = subscribers.Result,
            Nodes = nodes.Result,
        };
        return (dataset, notices.Result);
    }

    private static void WriteRoute(BinaryWriter w, FibreRoute f)
    {
        w.Write(f.Id);
        WriteGeometry(w, f.Path);
        WriteOpt(w, f.Operator);
        WriteOpt(w, f.Placement is { } p ? (int)p : null);
        WriteOpt(w, f.Cores);
        w.Write((int)f.Medium);
    }

    /// <summary>Writes the list as a section of its own (byte length first), so that the sections can be read in parallel.</summary>
    private static void WriteList<T>(BinaryWriter w, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        // A list is written in chunks of ChunkItems items, each with its item and byte counts, so that a reader can
        // decode the chunks of one long list (350,000 national BTS) on every core.
        using var section = new MemoryStream();
        using (var sw = new BinaryWriter(section, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            sw.Write(items.Count);
            var chunks = (items.Count + ChunkItems - 1) / ChunkItems;
            sw.Write(chunks);
            using var chunk = new MemoryStream();
            using var cw = new BinaryWriter(chunk, System.Text.Encoding.UTF8, leaveOpen: true);
            for (var c = 0; c < chunks; c++)
            {
                chunk.SetLength(0);
                var start = c * ChunkItems;
                var end = Math.Min(items.Count, start + ChunkItems);
                for (var i = start; i < end; i++)
                {
                    write(cw, items[i]);
                }

                cw.Flush();
                sw.Write(end - start);
                sw.Write(checked((int)chunk.Length));
                sw.Write(chunk.GetBuffer(), 0, (int)chunk.Length);
            }
        }

        w.Write(checked((int)section.Length));
        w.Write(section.GetBuffer(), 0, (int)section.Length);
    }

    /// <summary>Starts reading one section on the thread pool; the reader moves past it at once.</summary>
    private static Task<T[]> ReadList<T>(CacheReader r, Func<CacheReader, StringPool, T> read)
    {
        var length = r.ReadInt32();
        if (length < 0 || length > r.Remaining)
        {
            throw new InvalidDataException($"a section of {length} bytes cannot be in the cache");
        }

        var section = r.Section(length);
        return Task.Run(() =>
        {
            var count = section.ReadInt32();
            var chunkCount = section.ReadInt32();
            if (count < 0 || count > length || chunkCount < 0 || chunkCount > length)
            {
                throw new InvalidDataException($"a list of {count} items in {chunkCount} chunks cannot be in a section of {length} bytes");
            }

            var chunks = new (int Start, int Count, CacheReader Reader)[chunkCount];
            var start = 0;
            for (var c = 0; c < chunkCount; c++)
            {
                var items = section.ReadInt32();
                var bytes = section.ReadInt32();
                if (items < 0 || items > count - start || bytes < 0 || bytes > section.Remaining)
                {
                    throw new InvalidDataException($"a chunk of {items} items and {bytes} bytes cannot be in the cache");
                }

                chunks[c] = (start, items, section.Section(bytes));
                start += items;
            }

            if (start != count || !section.AtEnd)
            {
                throw new InvalidDataException("the chunks of a section do not add up to its list");
            }

            var list = new T[count];
            Parallel.For(0, chunkCount, c =>
            {
                var (first, items, reader) = chunks[c];
                var strings = new StringPool();
                for (var i = 0; i < items; i++)
                {
                    list[first + i] = read(reader, strings);
                }

                if (!reader.AtEnd)
                {
                    throw new InvalidDataException("bytes left over at the end of a chunk");
                }
            });
            return list;
        });
    }

    private static void WriteOpt(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static void WriteOpt(BinaryWriter w, double? value)
    {
        w.Write(value.HasValue);
        if (value is { } v)
        {
            w.Write(v);
        }
    }

    private static void WriteOpt(BinaryWriter w, long? value)
    {
        w.Write(value.HasValue);
        if (value is { } v)
        {
            w.Write(v);
        }
    }

    private static void WriteOpt(BinaryWriter w, int? value)
    {
        w.Write(value.HasValue);
        if (value is { } v)
        {
            w.Write(v);
        }
    }

    private static void WriteOpt(BinaryWriter w, bool? value)
    {
        w.Write(value.HasValue);
        if (value is { } v)
        {
            w.Write(v);
        }
    }

    private static string? ReadOptString(CacheReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static double? ReadOptDouble(CacheReader r) => r.ReadBoolean() ? r.ReadDouble() : null;

    private static long? ReadOptLong(CacheReader r) => r.ReadBoolean() ? r.ReadInt64() : null;

    private static int? ReadOptInt(CacheReader r) => r.ReadBoolean() ? r.ReadInt32() : null;

    private static bool? ReadOptBool(CacheReader r) => r.ReadBoolean() ? r.ReadBoolean() : null;

    private const byte NoGeometry = 0;
    private const byte PointTag = 1;
    private const byte LineStringTag = 2;
    private const byte PolygonTag = 3;
    private const byte MultiPointTag = 4;
    private const byte MultiLineStringTag = 5;
    private const byte MultiPolygonTag = 6;
    private const byte CollectionTag = 7;
    private const byte LinearRingTag = 8;

    private static void WriteGeometry(BinaryWriter w, Geometry? g)
    {
        switch (g)
        {
            case null:
                w.Write(NoGeometry);
                break;
            case Point p:
                w.Write(PointTag);
                WriteSequence(w, p.CoordinateSequence);
                break;
            case LinearRing ring:
                w.Write(LinearRingTag);
                WriteSequence(w, ring.CoordinateSequence);
                break;
            case LineString l:
                w.Write(LineStringTag);
                WriteSequence(w, l.CoordinateSequence);
                break;
            case Polygon poly:
                w.Write(PolygonTag);
                w.Write(poly.NumInteriorRings);
                WriteSequence(w, poly.Shell.CoordinateSequence);
                foreach (var hole in poly.Holes)
                {
                    WriteSequence(w, hole.CoordinateSequence);
                }

                break;
            default:
                w.Write(g switch
                {
                    MultiPoint => MultiPointTag,
                    MultiLineString => MultiLineStringTag,
                    MultiPolygon => MultiPolygonTag,
                    GeometryCollection => CollectionTag,
                    _ => throw new NotSupportedException($"the dataset cache cannot hold a {g.GeometryType}"),
                });
                w.Write(g.NumGeometries);
                for (var i = 0; i < g.NumGeometries; i++)
                {
                    WriteGeometry(w, g.GetGeometryN(i));
                }

                break;
        }
    }

    private static Point ReadPoint(CacheReader r, GeometryFactory f) =>
        ReadGeometry(r, f) as Point ?? throw new InvalidDataException("a point was expected in the cache");

    private static Geometry? ReadGeometry(CacheReader r, GeometryFactory f)
    {
        var tag = r.ReadByte();
        switch (tag)
        {
            case NoGeometry:
                return null;
            case PointTag:
                return f.CreatePoint(ReadSequence(r, f));
            case LinearRingTag:
                return f.CreateLinearRing(ReadSequence(r, f));
            case LineStringTag:
                return f.CreateLineString(ReadSequence(r, f));
            case PolygonTag:
                var holes = new LinearRing[r.ReadInt32()];
                var shell = f.CreateLinearRing(ReadSequence(r, f));
                for (var i = 0; i < holes.Length; i++)
                {
                    holes[i] = f.CreateLinearRing(ReadSequence(r, f));
                }

                return f.CreatePolygon(shell, holes);
            default:
                var parts = new Geometry[r.ReadInt32()];
                for (var i = 0; i < parts.Length; i++)
                {
                    parts[i] = ReadGeometry(r, f)!;
                }

                return tag switch
                {
                    MultiPointTag => f.CreateMultiPoint([.. parts.Cast<Point>()]),
                    MultiLineStringTag => f.CreateMultiLineString([.. parts.Cast<LineString>()]),
                    MultiPolygonTag => f.CreateMultiPolygon([.. parts.Cast<Polygon>()]),
                    CollectionTag => f.CreateGeometryCollection(parts),
                    _ => throw new InvalidDataException($"unknown geometry tag {tag} in the cache"),
                };
        }
    }

    private static void WriteSequence(BinaryWriter w, CoordinateSequence s)
    {
        w.Write(s.Count);
        w.Write((byte)s.Dimension);
        w.Write((byte)s.Measures);
        for (var i = 0; i < s.Count; i++)
        {
            for (var d = 0; d < s.Dimension; d++)
            {
                w.Write(s.GetOrdinate(i, d));
            }
        }
    }

    private static CoordinateSequence ReadSequence(CacheReader r, GeometryFactory f)
    {
        var count = r.ReadInt32();
        var dimension = r.ReadByte();
        var measures = r.ReadByte();
        if (count < 0 || (long)count * dimension * 8 > r.Remaining)
        {
            throw new InvalidDataException($"a sequence of {count} coordinates cannot be in the cache");
        }

        if (dimension == 2 && measures == 0 && f.CoordinateSequenceFactory is CoordinateArraySequenceFactory)
        {
            // Plain x, y (every geometry a loader makes): the coordinates at once, as the factory would hold them.
            return f.CoordinateSequenceFactory.Create(r.ReadXy(count));
        }

        var s = f.CoordinateSequenceFactory.Create(count, dimension, measures);
        for (var i = 0; i < count; i++)
        {
            for (var d = 0; d < dimension; d++)
            {
                s.SetOrdinate(i, d, r.ReadDouble());
            }
        }

        return s;
    }

    /// <summary>One string object per distinct value of the few-valued columns (operators, codes, statuses), as a fresh load shares them less but equals them.</summary>
    /// <summary>Items per chunk of a list section written from now on (any size reads back; tests make it small).</summary>
    internal static int ChunkItems { get; set; } = 16_384;

    private sealed class StringPool
    {
        private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);

        public string Get(CacheReader r)
        {
            var s = r.ReadString();
            if (pool.TryGetValue(s, out var shared))
            {
                return shared;
            }

            pool[s] = s;
            return s;
        }

        public string? Opt(CacheReader r) => r.ReadBoolean() ? Get(r) : null;
    }
}
