using System.Net.Sockets;
using System.Text;
using ModelForge.Runner.Docs;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Reliability;

/// <summary>The docs server and `docs generate` never expose or lose a user's files.</summary>
public sealed class DocsSafetyTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("docsafe").WithProjectFile().With("models/a.sql", "select 1 as x");

    [TearDown]
    public void TearDown() => _project.Dispose();

    private string Site => Path.Combine(_project.Root, "target", "docs");

    [Test]
    public async Task The_server_refuses_symlinks_that_lead_out_of_the_site_folder()
    {
        Assert.That(_project.Forge("docs", "generate", "--empty-catalog").ExitCode, Is.EqualTo(0));
        _project.With("secret/profiles.yml", "password: hunter2");
        File.CreateSymbolicLink(Path.Combine(Site, "leak.yml"), Path.Combine(_project.Root, "secret", "profiles.yml"));
        Directory.CreateSymbolicLink(Path.Combine(Site, "up"), Path.Combine(_project.Root, "secret"));
        using var server = new StaticFileServer(Site, 0);
        using var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/") };

        var file = await http.GetAsync("leak.yml");
        var folder = await http.GetAsync("up/profiles.yml");
        var index = await http.GetAsync("index.html");
        await stop.CancelAsync();
        await running;

        Assert.That((int)file.StatusCode, Is.EqualTo(404));
        Assert.That((int)folder.StatusCode, Is.EqualTo(404));
        Assert.That(await folder.Content.ReadAsStringAsync(), Does.Not.Contain("hunter2"));
        Assert.That((int)index.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Forty_idle_connections_do_not_hold_up_a_request()
    {
        Assert.That(_project.Forge("docs", "generate", "--empty-catalog").ExitCode, Is.EqualTo(0));
        using var server = new StaticFileServer(Site, 0);
        using var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        var idle = new List<TcpClient>();
        for (var i = 0; i < 40; i++)
        {
            var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", server.Port);
            idle.Add(client);
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/") };
        var response = await http.GetAsync("app.js");

        // The idle connections are still open and served: the request did not wait for them to time out.
        var stream = idle[^1].GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"));
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer);
        idle.ForEach(c => c.Dispose());
        await stop.CancelAsync();
        await running;

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(Encoding.ASCII.GetString(buffer, 0, read), Does.StartWith("HTTP/1.1 200 OK"));
    }

    [Test]
    public void Serve_on_a_port_in_use_fails_clearly()
    {
        Assert.That(_project.Forge("docs", "generate", "--empty-catalog").ExitCode, Is.EqualTo(0));
        var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            var result = _project.Forge("docs", "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain($"error MF5605: cannot listen on 127.0.0.1:{port}"));
        }
        finally
        {
            taken.Stop();
            taken.Dispose();
        }
    }

    [Test]
    public void Generate_keeps_the_previous_catalog_when_the_database_cannot_be_read()
    {
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        Assert.That(_project.Forge("docs", "generate").ExitCode, Is.EqualTo(0));
        var good = _project.Read("target/catalog.json");
        Assert.That(good, Does.Contain("model.docsafe.a"));
        // A file that is not a DuckDB database stands in for one another process holds.
        File.WriteAllText(_project.DatabasePath, "not a database, just bytes in the way of the catalog query");

        var result = _project.Forge("docs", "generate");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("warning MF5912: could not read the catalog"));
        Assert.That(result.Output, Does.Contain("the previous target/catalog.json was kept"));
        Assert.That(_project.Read("target/catalog.json"), Is.EqualTo(good));
    }
}
