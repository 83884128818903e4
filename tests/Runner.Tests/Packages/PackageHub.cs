using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ModelForge.Runner.Tests.Packages;

/// <summary>A package hub on 127.0.0.1 serving index.json, package JSON and .tar.gz tarballs the test builds.</summary>
internal sealed class PackageHub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, object>> _packages = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public PackageHub()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(Serve);
    }

    public string Url { get; }

    public List<string> Requests { get; } = [];

    /// <summary>Publishes a version: its project (dbt_project.yml name) in a tarball, and its dependencies.</summary>
    public PackageHub Publish(string package, string version, object[]? dependencies = null, Dictionary<string, string>? files = null, byte[]? tarball = null)
    {
        var name = package.Split('/')[1];
        var tarPath = $"tarballs/{package}/{version}.tar.gz";
        var content = new Dictionary<string, string> { ["dbt_project.yml"] = $"name: {name}\nversion: '{version}'\n", ["macros/m.sql"] = $"-- {name} {version}\n" };
        foreach (var (k, v) in files ?? []) content[k] = v;
        lock (_gate)
        {
            _files[tarPath] = tarball ?? Tarball($"{name}-{version}", content);
            if (!_packages.TryGetValue(package, out var versions)) _packages[package] = versions = new();
            versions[version] = new Dictionary<string, object>
            {
                ["name"] = name,
                ["packages"] = dependencies ?? [],
                ["downloads"] = new Dictionary<string, object> { ["tarball"] = Url + tarPath },
            };
        }
        return this;
    }

    public static byte[] Tarball(string folder, Dictionary<string, string> files)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip))
        {
            foreach (var (path, text) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, $"{folder}/{path}") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
                writer.WriteEntry(entry);
            }
        }
        return memory.ToArray();
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath.TrimStart('/');
            byte[]? body;
            lock (_gate)
            {
                Requests.Add(path);
                body = path switch
                {
                    "api/v1/index.json" => JsonSerializer.SerializeToUtf8Bytes(_packages.Keys.ToList()),
                    _ when path.StartsWith("api/v1/", StringComparison.Ordinal) && _packages.TryGetValue(path["api/v1/".Length..^".json".Length], out var versions) =>
                        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["versions"] = versions }),
                    _ => _files.GetValueOrDefault(path),
                };
            }
            context.Response.StatusCode = body is null ? 404 : 200;
            if (body is not null) await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
