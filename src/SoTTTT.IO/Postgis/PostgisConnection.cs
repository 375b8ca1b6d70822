using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using Npgsql;

namespace SoTTTT.IO.Postgis;

/// <summary>
/// A PostGIS dataset location as users write it: <c>postgresql://user[:password]@host[:port]/database?schema=name</c>,
/// optionally <c>&amp;province=code</c> to read one province of a multi-province schema. The password may also come
/// from <c>PGPASSWORD</c> or <c>~/.pgpass</c>, as for psql. The default schema is <c>sotttt</c>.
/// </summary>
public sealed record PostgisConnection(string ConnectionString, string Schema, string? Province)
{
    public const string DefaultSchema = "sotttt";

    // One data source (and so one connection pool) per connection string for the life of the process.
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> DataSources = new(StringComparer.Ordinal);

    public static bool IsConnectionUrl(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the URL; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string url, out PostgisConnection? connection, out string? error)
    {
        connection = null;
        error = null;
        if (!IsConnectionUrl(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            error = $"'{url}' is not a PostgreSQL URL (postgresql://user@host:port/database?schema=name)";
            return false;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0)
        {
            error = $"'{url}' names no database (postgresql://user@host:port/database?schema=name)";
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
                case "sslmode" when Enum.TryParse<SslMode>(value, ignoreCase: true, out var ssl):
                    builder.SslMode = ssl;
                    break;
                default:
                    error = $"unknown parameter '{kv[0]}' in '{url}' (accepted: schema, province, sslmode)";
                    return false;
            }
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(schema, "^[a-z_][a-z0-9_]*$"))
        {
            error = $"schema '{schema}' must be lower-case letters, digits and underscores";
            return false;
        }

        connection = new PostgisConnection(builder.ConnectionString, schema, province);
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

    /// <summary>The schema-qualified, quoted name of a table.</summary>
    public string Table(string name) => $"\"{Schema}\".\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
