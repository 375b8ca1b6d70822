using Npgsql;

namespace SoTTTT.Tests.Support;

/// <summary>A fresh schema in the PostGIS test database, dropped on dispose, so tests never see each other's rows.</summary>
internal sealed class PostgisSchema : IDisposable
{
    public PostgisSchema()
    {
        BaseUrl = ExternalTools.PostgisUrl();
        Name = "t_" + Guid.NewGuid().ToString("N")[..12];
    }

    public string BaseUrl { get; }

    public string Name { get; }

    /// <summary>The dataset URL of the schema, optionally of one province.</summary>
    public string Url(string? province = null) => $"{BaseUrl}?schema={Name}{(province is null ? string.Empty : "&province=" + province)}";

    /// <summary>Runs a query and returns the first column of the first row.</summary>
    public object? Scalar(string sql)
    {
        using var connection = SoTTTT.IO.Postgis.PostgisConnection.Parse(Url()).Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        try
        {
            using var connection = SoTTTT.IO.Postgis.PostgisConnection.Parse(Url()).Open();
            using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Name}\" CASCADE", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server went away: nothing left to clean.
        }
    }
}
