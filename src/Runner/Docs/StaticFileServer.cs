using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Serves one folder over HTTP on 127.0.0.1 only: GET and HEAD of regular files inside the folder,
/// never through a symbolic link (a link could lead to /etc/passwd or a profiles.yml). Each
/// connection is handled on its own task, so idle ones never delay a request; bounded: at most
/// <see cref="MaxConnections"/> at once (more get 503 at once), request heads up to 8 KB, read
/// within <see cref="HeadTimeout"/>, and a few seconds per request.
/// </summary>
internal sealed class StaticFileServer : IDisposable
{
    private const int MaxConnections = 256;
    private const int MaxHeadBytes = 8192;
    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly string _root;
    private readonly TcpListener _listener;
    private readonly SemaphoreSlim _slots = new(MaxConnections);

    /// <summary>Binds at once; throws <see cref="SocketException"/> when the port is taken.</summary>
    public StaticFileServer(string root, int port)
        : this(root, IPAddress.Loopback, port)
    {
    }

    /// <summary>On <paramref name="address"/> (`docs serve --host`); throws <see cref="SocketException"/> when it cannot bind.</summary>
    public StaticFileServer(string root, IPAddress address, int port)
    {
        _root = Path.GetFullPath(root);
        _listener = new TcpListener(address, port);
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Accepts connections until <paramref name="cancellation"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellation)
    {
        using var registration = cancellation.Register(() => _listener.Stop());
        while (!cancellation.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                break;
            }
            if (!_slots.Wait(0))
            {
                // Full: answer at once instead of queueing behind clients that may never speak.
                _ = RejectAsync(client);
                continue;
            }
            _ = Task.Run(async () =>
            {
                try
                {
                    using (client) await HandleAsync(client, cancellation).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
                {
                    // The client went away or was too slow; nothing to answer.
                }
                finally
                {
                    _slots.Release();
                }
            }, CancellationToken.None);
        }
    }

    private static async Task RejectAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var timeout = new CancellationTokenSource(HeadTimeout);
                await RespondAsync(client.GetStream(), 503, "Service Unavailable", "text/plain", "busy"u8.ToArray(), true, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private async Task HandleAsync(TcpClient client, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(RequestTimeout);
        var stream = client.GetStream();
        string? head;
        using (var headTimeout = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token))
        {
            // A connection that sends nothing is dropped soon; it must not hold a slot for long.
            headTimeout.CancelAfter(HeadTimeout);
            head = await ReadHeadAsync(stream, headTimeout.Token).ConfigureAwait(false);
        }
        if (head is null)
        {
            await RespondAsync(stream, 400, "Bad Request", "text/plain", "bad request"u8.ToArray(), true, timeout.Token).ConfigureAwait(false);
            return;
        }
        var firstLine = head[..Math.Max(0, head.IndexOf('\r'))].Split(' ');
        if (firstLine.Length < 2 || firstLine[0] is not ("GET" or "HEAD"))
        {
            await RespondAsync(stream, 405, "Method Not Allowed", "text/plain", "only GET and HEAD"u8.ToArray(), true, timeout.Token).ConfigureAwait(false);
            return;
        }
        var withBody = firstLine[0] == "GET";
        var file = Resolve(firstLine[1]);
        if (file is null || !File.Exists(file))
        {
            await RespondAsync(stream, 404, "Not Found", "text/plain", "not found"u8.ToArray(), withBody, timeout.Token).ConfigureAwait(false);
            return;
        }
        var bytes = await File.ReadAllBytesAsync(file, timeout.Token).ConfigureAwait(false);
        await RespondAsync(stream, 200, "OK", ContentType(file), bytes, withBody, timeout.Token).ConfigureAwait(false);
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream, CancellationToken cancellation)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellation).ConfigureAwait(false);
            if (read == 0) return null;
            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal)) return text;
        }
        return null;
    }

    /// <summary>The file a request path names, or null when it would leave the served folder.</summary>
    internal string? Resolve(string target)
    {
        var path = target;
        var query = path.IndexOfAny(['?', '#']);
        if (query >= 0) path = path[..query];
        path = Uri.UnescapeDataString(path).TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
        return IsPlainPath(full) ? full : null;
    }

    /// <summary>
    /// True when no folder or file below the root on the way to <paramref name="full"/> is a
    /// symbolic link, so its real path is inside the served folder too.
    /// </summary>
    private bool IsPlainPath(string full)
    {
        var current = _root;
        foreach (var part in full[(_root.Length + 1)..].Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            FileSystemInfo entry = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (!entry.Exists) return true; // answered 404 by the caller
            if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint)) return false;
        }
        return true;
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json",
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private static async Task RespondAsync(NetworkStream stream, int status, string reason, string type, byte[] body, bool withBody, CancellationToken cancellation)
    {
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: {type}\r\nContent-Length: {body.Length}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellation).ConfigureAwait(false);
        if (withBody) await stream.WriteAsync(body, cancellation).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Dispose();
        _slots.Dispose();
    }
}
