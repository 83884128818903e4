using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Docs;

namespace ModelForge.Runner.Cli;

/// <summary>
/// `forge docs generate` writes target/catalog.json and the static site in target/docs/;
/// `forge docs serve --port N` serves that folder on 127.0.0.1 until Ctrl-C.
/// </summary>
internal static class DocsCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("docs", "Generate and serve the project's documentation site.");
        command.Subcommands.Add(Generate(shared, environment));
        command.Subcommands.Add(Serve(shared, environment));
        return command;
    }

    private static Command Generate(SharedOptions shared, CliEnvironment environment)
    {
        var emptyCatalog = new Option<bool>("--empty-catalog") { Description = "Do not connect to the warehouse; the site shows declared columns only." };
        var command = new Command("generate", "Write target/catalog.json and the docs site in target/docs/ (opens from file, no server needed).");
        shared.AddProjectOptions(command);
        command.Options.Add(emptyCatalog);
        command.SetAction(parse =>
        {
            // The database opens while the project loads: the catalog query, and the renders that ask
            // is_incremental() even with --empty-catalog, find it open (an existing DuckDB file only).
            var options = InvocationOptions.From(parse, shared, environment, "docs");
            var empty = parse.GetValue(emptyCatalog);
            var target = TargetDirectoryGuess(options);
            var readAhead = CachePrefetch.Start(target);
            using var session = ProjectSession.Open(options, environment, openAhead: !empty || !File.Exists(Path.Combine(target, Compiler.Caching.CompileCache.FileName)));
            if (session is null) return ExitCodes.UsageOrProject;
            return new DocsGenerator(session, environment, readAhead).Generate(empty);
        });
        return command;
    }

    // Where target/ probably is, before the project file is parsed. With --empty-catalog only renders connect, and a
    // project compiled before (a compile cache there) renders little or nothing: opening the database ahead there costs
    // ~60 ms of CPU on every warm run for nothing. A render that does connect opens it then.
    private static string TargetDirectoryGuess(InvocationOptions options) =>
        Path.Combine(options.ProjectDirectory, options.TargetPath ?? Memo.ProjectTargetPath.Read(options.ProjectDirectory) ?? "target");

    private static Command Serve(SharedOptions shared, CliEnvironment environment)
    {
        var port = new WholeNumberOption("--port", "The port on 127.0.0.1 to serve on.", 0, 65535, "a port number from 0 to 65535 (0 picks a free one)", "8080", defaultValue: 8080);
        var host = new Option<string>("--host") { Description = "The address to listen on: 127.0.0.1 (default), 0.0.0.0 for every interface.", DefaultValueFactory = _ => "127.0.0.1" };
        // dbt opens a browser unless --no-browser; forge serves CI and remote shells as often as
        // desktops, so it opens one only when asked (--browser) and accepts dbt's --no-browser.
        var browser = new Option<bool>("--browser") { Description = "Open the site in the default browser." };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Do not open a browser (the default; accepted for dbt compatibility)." };
        var command = new Command("serve", "Serve target/docs/ on http://127.0.0.1:PORT/ until Ctrl-C.");
        shared.AddProjectOptions(command);
        command.Options.Add(port.Option);
        command.Options.Add(host);
        command.Options.Add(browser);
        command.Options.Add(noBrowser);
        command.SetAction(parse =>
        {
            var session = ProjectSession.Open(InvocationOptions.From(parse, shared, environment, "docs"), environment, compile: false);
            if (session is null) return ExitCodes.UsageOrProject;
            var site = Path.Combine(session.TargetDirectory, DocsGenerator.SiteFolder);
            if (!File.Exists(Path.Combine(site, "index.html")))
            {
                DiagnosticPrinter.Print(environment.Error, [DiagnosticCodes.Docs.SiteMissing($"{session.Project.ProjectFile.TargetPath}/{DocsGenerator.SiteFolder}")]);
                return ExitCodes.UsageOrProject;
            }
            var hostName = parse.GetValue(host)!;
            if (ParseHost(hostName) is not { } address)
            {
                DiagnosticPrinter.Print(environment.Error, [DiagnosticCodes.Commands.BadHost(hostName)]);
                return ExitCodes.UsageOrProject;
            }
            StaticFileServer server;
            try
            {
                server = new StaticFileServer(site, address, port.ValueIn(parse)!.Value);
            }
            catch (SocketException e)
            {
                DiagnosticPrinter.Print(environment.Error, [DiagnosticCodes.Docs.PortUnavailable(port.ValueIn(parse)!.Value, e.Message)]);
                return ExitCodes.UsageOrProject;
            }
            using (server)
            {
                var url = $"http://{(address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString())}:{server.Port}/";
                environment.Output.WriteLine($"Serving {session.Project.ProjectFile.TargetPath}/{DocsGenerator.SiteFolder} at {url} (press Ctrl-C to stop)");
                environment.Output.Flush();
                if (parse.GetValue(browser) && !parse.GetValue(noBrowser)) OpenBrowser(url, environment);
                server.RunAsync(environment.Cancellation).GetAwaiter().GetResult();
            }
            environment.Output.WriteLine("Stopped.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static IPAddress? ParseHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var address) ? address : null;

    private static void OpenBrowser(string url, CliEnvironment environment)
    {
        try
        {
            using var _ = Process.Start(new ProcessStartInfo(url) { UseShellExecute = true });
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            environment.Error.WriteLine($"Could not open a browser ({e.Message}); open {url} yourself.");
        }
    }
}
