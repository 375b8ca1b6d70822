using System.Globalization;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Reads the WKT that layer files nearly always hold — a two-dimensional POINT, LINESTRING, POLYGON, MULTILINESTRING
/// or MULTIPOLYGON of finite numbers — several times faster than NetTopologySuite's <c>WKTReader</c>, building the
/// geometry with the same factory and the same calls, so the result is the one <c>WKTReader</c> gives. Anything else
/// (EMPTY, Z or M, SRID=, other types, NaN or infinite numbers, a third ordinate, comments, an unclosed ring or a line
/// of one point, any text <c>WKTReader</c> would refuse) gives null: the caller then reads the text with
/// <c>WKTReader</c>, which parses it or says what is wrong. A test compares both readers on mutated text.
/// </summary>
internal sealed class PlainWktReader(NtsGeometryServices services)
{
    private const NumberStyles NumberStyle = NumberStyles.Float | NumberStyles.AllowThousands;

    // The factory WKTReader builds a two-dimensional geometry with (no SRID in the text).
    private readonly GeometryFactory factory = services.CreateGeometryFactory(services.DefaultPrecisionModel, services.DefaultSRID, services.DefaultCoordinateSequenceFactory);

    private enum Kind
    {
        Point,
        LineString,
        Polygon,
        MultiLineString,
        MultiPolygon,
    }

    /// <summary>The geometry of <paramref name="text"/>, or null when the text is not plain (see the class).</summary>
    public Geometry? TryRead(string text)
    {
        try
        {
            var scan = new Scanner(text);
            if (!scan.Word(out var word) || KindOf(word) is not { } kind || !scan.Opener())
            {
                return null;
            }

            Geometry? geometry = kind switch
            {
                Kind.Point => Point(ref scan),
                Kind.LineString => LineString(ref scan),
                Kind.Polygon => Polygon(ref scan),
                Kind.MultiLineString => MultiLineString(ref scan),
                _ => MultiPolygon(ref scan),
            };
            return geometry is not null && scan.AtEnd() ? geometry : null;
        }
        catch (ArgumentException)
        {
            // A structure the factory refuses: WKTReader reports it in its own words.
            return null;
        }
    }

    private static Kind? KindOf(ReadOnlySpan<char> word) =>
        word.Equals("POINT", StringComparison.OrdinalIgnoreCase) ? Kind.Point
        : word.Equals("LINESTRING", StringComparison.OrdinalIgnoreCase) ? Kind.LineString
        : word.Equals("POLYGON", StringComparison.OrdinalIgnoreCase) ? Kind.Polygon
        : word.Equals("MULTILINESTRING", StringComparison.OrdinalIgnoreCase) ? Kind.MultiLineString
        : word.Equals("MULTIPOLYGON", StringComparison.OrdinalIgnoreCase) ? Kind.MultiPolygon
        : null;

    /// <summary>The coordinates after an opening parenthesis, through the closing one.</summary>
    private Coordinate[]? Coordinates(ref Scanner scan)
    {
        var coordinates = new List<Coordinate>();
        while (true)
        {
            if (!scan.Number(out var x) || !scan.Number(out var y))
            {
                return null;
            }

            coordinates.Add(new Coordinate(factory.PrecisionModel.MakePrecise(x), factory.PrecisionModel.MakePrecise(y)));
            switch (scan.Punctuation())
            {
                case ',':
                    continue;
                case ')':
                    return [.. coordinates];
                default:
                    return null;
            }
        }
    }

    private Point? Point(ref Scanner scan) =>
        Coordinates(ref scan) is { Length: 1 } c ? factory.CreatePoint(factory.CoordinateSequenceFactory.Create(c)) : null;

    private LineString? LineString(ref Scanner scan) =>
        Coordinates(ref scan) is { Length: >= 2 } c ? factory.CreateLineString(factory.CoordinateSequenceFactory.Create(c)) : null;

    private LinearRing? Ring(ref Scanner scan) =>
        scan.Opener() && Coordinates(ref scan) is { Length: >= 4 } c && c[0].Equals2D(c[^1])
            ? factory.CreateLinearRing(factory.CoordinateSequenceFactory.Create(c))
            : null;

    /// <summary>The rings after the polygon's opening parenthesis, through the closing one.</summary>
    private Polygon? Polygon(ref Scanner scan)
    {
        if (Ring(ref scan) is not { } shell)
        {
            return null;
        }

        var holes = new List<LinearRing>();
        while (true)
        {
            switch (scan.Punctuation())
            {
                case ',':
                    if (Ring(ref scan) is not { } hole)
                    {
                        return null;
                    }

                    holes.Add(hole);
                    continue;
                case ')':
                    return factory.CreatePolygon(shell, [.. holes]);
                default:
                    return null;
            }
        }
    }

    private MultiLineString? MultiLineString(ref Scanner scan)
    {
        var lines = new List<LineString>();
        while (true)
        {
            if (!scan.Opener() || LineString(ref scan) is not { } line)
            {
                return null;
            }

            lines.Add(line);
            switch (scan.Punctuation())
            {
                case ',':
                    continue;
                case ')':
                    return factory.CreateMultiLineString([.. lines]);
                default:
                    return null;
            }
        }
    }

    private MultiPolygon? MultiPolygon(ref Scanner scan)
    {
        var polygons = new List<Polygon>();
        while (true)
        {
            if (!scan.Opener() || Polygon(ref scan) is not { } polygon)
            {
                return null;
            }

            polygons.Add(polygon);
            switch (scan.Punctuation())
            {
                case ',':
                    continue;
                case ')':
                    return factory.CreateMultiPolygon([.. polygons]);
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// WKTReader's tokens: words are runs of ASCII letters, digits, '.', '+' and '-'; '(' ')' ',' stand alone; every
    /// character up to ' ' is white space. Any other character (a '#' starting a comment among them) is not plain.
    /// </summary>
    private ref struct Scanner(string text)
    {
        private readonly ReadOnlySpan<char> text = text;
        private int pos;

        public bool Word(out ReadOnlySpan<char> word)
        {
            SkipSpace();
            var start = pos;
            while (pos < text.Length && IsWordChar(text[pos]))
            {
                pos++;
            }

            word = text[start..pos];
            return pos > start;
        }

        /// <summary>A finite number (NaN and infinities, which WKTReader spells its own way, are not plain).</summary>
        public bool Number(out double value)
        {
            value = 0;
            return Word(out var word) && (word[0] is (>= '0' and <= '9') or '-' or '+' or '.')
                && double.TryParse(word, NumberStyle, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        }

        public bool Opener() => Punctuation() == '(';

        /// <summary>The next '(', ')' or ','; '\0' when the next token is anything else (left unread).</summary>
        public char Punctuation()
        {
            SkipSpace();
            if (pos < text.Length && text[pos] is '(' or ')' or ',')
            {
                return text[pos++];
            }

            return '\0';
        }

        public bool AtEnd()
        {
            SkipSpace();
            return pos == text.Length;
        }

        private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-';

        private void SkipSpace()
        {
            while (pos < text.Length && text[pos] <= ' ')
            {
                pos++;
            }
        }
    }
}
