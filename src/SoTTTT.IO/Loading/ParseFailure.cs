namespace SoTTTT.IO.Loading;

/// <summary>
/// The reason a third-party parser (NetTopologySuite's WKT, WKB and GeoJSON readers) gives for refusing input, as one
/// line fit for a problem message: NetTopologySuite wraps the exception that stopped it and puts that exception's full
/// text, stack trace included, in its own message.
/// </summary>
internal static class ParseFailure
{
    public static string Reason(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var inner = ex;
        while (inner.InnerException is { } next)
        {
            inner = next;
        }

        var message = inner.Message;
        var end = message.IndexOfAny(['\r', '\n']);
        message = end < 0 ? message : message[..end];
        const string Prefix = "System.";
        if (message.StartsWith(Prefix, StringComparison.Ordinal) && message.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon)
        {
            // "System.IO.EndOfStreamException: Unable to read beyond the end of the stream." → the sentence only.
            message = message[(colon + 2)..];
        }

        return message.Length > 0 ? message : inner.GetType().Name;
    }
}
