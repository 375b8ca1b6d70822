using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using Npgsql;

namespace SoTTTT.IO.Postgis;

/// <summary>
/// A PostGIS dataset location as users write it: <c>postgresql://user[:password]@host[:port]/database?schema=name</c>,
/// optionally <c>&amp;province=code</c> to read one province of a multi-province schema. The password may also come
/// from <c>PGPASSWORD</c> or <c>~/.pgpass</c>, as for psql. The default schema is <c>sotttt</c>. The libpq parameters users
/// carry over from psql URLs are accepted: <c>sslmode</c> (disable, allow, prefer, require, verify-ca, verify-full),
/// <c>sslrootcert</c> (a CA file), <c>connect_timeout</c> (seconds) and <c>application_name</c>; anything else is refused
/// by name. Messages and <see cref="ToString"/> never show the password (<see cref="CredentialMask"/>).
/// </summary>
public sealed record PostgisConnection(string ConnectionString, string Schema, string? Province)
{
    public const string DefaultSchema = "sotttt";

    /// <summary>The query parameters a URL may carry, in the order messages list them.</summary>
    public static readonly IReadOnlyList<string> Parameters = ["schema", "province", "sslmode", "sslrootcert", "connect_timeout", "application_name"];

    private static readonly (string Name, SslMode Mode)[] SslModes =
    [
        ("disable", SslMode.Disable), ("allow", SslMode.Allow), ("prefer", SslMode.Prefer), ("require", SslMode.Require),
        ("verify-ca", SslMode.VerifyCA), ("verify-full", SslMode.VerifyFull),
    ];

    /// <summary>The URL as messages show it: user, host, port, database and parameters, the password as <c>***</c>.</summary>
    public string Display { get; init; } = string.Empty;

    // One data source (and so one connection pool) per connection string for the life of the process.
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> DataSources = new(StringComparer.Ordinal);

    public static bool IsConnectionUrl(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the URL; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string url, out PostgisConnection? connection, out string? error)
    {
        connection = null;
        error = null;
        var shown = CredentialMask.Apply(url);
        if (!IsConnectionUrl(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            error = $"'{shown}' is not a PostgreSQL URL (postgresql://user@host:port/database?schema=name)";
            return false;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0)
        {
            error = $"'{shown}' names no database (postgresql://user@host:port/database?schema=name)";
            return false;
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
            // Exports stream large COPYs; analyses read whole layers.
            CommandTimeout = 600,
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        var schema = DefaultSchema;
        string? province = null;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            switch (kv[0])
            {
                case "schema":
                    schema = value;
                    break;
                case "province":
                    province = value;
                    break;
                case "sslmode":
                    var mode = SslModes.FirstOrDefault(m => string.Equals(m.Name, value, StringComparison.OrdinalIgnoreCase));
                    if (mode.Name is null)
                    {
                        error = $"sslmode '{value}' in '{shown}' is not one of {string.Join(", ", SslModes.Select(m => m.Name))}";
                        return false;
                    }

                    builder.SslMode = mode.Mode;
                    break;
                case "sslrootcert":
                    builder.RootCertificate = value;
                    break;
                case "connect_timeout":
                    if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds > 1024)
                    {
                        error = $"connect_timeout '{value}' in '{shown}' is not a number of seconds (0–1024)";
                        return false;
                    }

                    builder.Timeout = seconds;
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                default:
                    error = $"unknown parameter '{kv[0]}' in '{shown}' (accepted: {string.Join(", ", Parameters)})";
                    return false;
            }
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(schema, "^[a-z_][a-z0-9_]*$"))
        {
            error = $"schema '{schema}' must be lower-case letters, digits and underscores";
            return false;
        }

        connection = new PostgisConnection(builder.ConnectionString, schema, province) { Display = shown };
        return true;
    }

    /// <summary>As <see cref="TryParse"/>, throwing <see cref="ArgumentException"/> on a malformed URL.</summary>
    public static PostgisConnection Parse(string url) =>
        TryParse(url, out var connection, out var error) ? connection! : throw new ArgumentException(error, nameof(url));

    /// <summary>
    /// The data source of this database, with PostGIS types mapped to NetTopologySuite geometries (Npgsql.NetTopologySuite,
    /// 2D: Z and M are neither read nor written); a geometry read carries the SRID stored with it.
    /// </summary>
    public NpgsqlDataSource DataSource => DataSources.GetOrAdd(ConnectionString, cs =>
    {
        var builder = new NpgsqlDataSourceBuilder(cs);
        builder.UseNetTopologySuite(handleOrdinates: Ordinates.XY);
        return builder.Build();
    });

    /// <summary>An open connection from <see cref="DataSource"/>.</summary>
    public NpgsqlConnection Open() => DataSource.OpenConnection();

    /// <summary>The masked URL (<see cref="Display"/>), never the connection string with its password.</summary>
    public override string ToString() => Display.Length > 0 ? Display : CredentialMask.Apply(ConnectionString);

    /// <summary>The schema-qualified, quoted name of a table.</summary>
    public string Table(string name) => $"\"{Schema}\".\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
