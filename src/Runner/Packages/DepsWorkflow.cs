using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Packages;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Cli;

namespace ModelForge.Runner.Packages;

/// <summary>
/// One `forge deps` run, in dbt's order: --add-package edits packages.yml; the lock is resolved again
/// when missing, when --upgrade is given or when its sha1_hash no longer matches packages.yml; then
/// (unless --lock) the locked packages are fetched, staged and swapped into the install path.
/// </summary>
internal sealed class DepsWorkflow(CliEnvironment environment, DepsOptions options)
{
    private readonly SecretScrubber _scrubber = new();

    public int Run()
    {
        try
        {
            return Execute();
        }
        catch (DiagnosticException e)
        {
            Print([e.Diagnostic]);
            return ExitCodes.UsageOrProject;
        }
        catch (OperationCanceledException)
        {
            environment.Error.WriteLine("forge deps was interrupted; packages already installed were left as they were.");
            return ExitCodes.UsageOrProject;
        }
    }

    private int Execute()
    {
        var env = _scrubber.Watch(environment.GetEnvironmentVariable);
        var diagnostics = new DiagnosticBag();
        var cliVars = options.Vars is { } text ? CliVarsParser.Parse(text, diagnostics) : new Dictionary<string, object?>();
        if (cliVars is null || diagnostics.HasErrors) return Fail(diagnostics);
        var renderer = new YamlTemplateRenderer(cliVars, env);
        var root = options.ProjectDirectory;
        var projectPath = Directory.Exists(root) ? ProjectFileParser.FileNames.Select(n => Path.Combine(root, n)).FirstOrDefault(File.Exists) : null;
        if (projectPath is null)
        {
            diagnostics.Add(DiagnosticCodes.Project.MissingProjectFile(root));
            return Fail(diagnostics);
        }
        var projectText = SourceFileReader.Read(projectPath, Path.GetFileName(projectPath), diagnostics);
        var project = projectText is null ? null : ProjectFileParser.Parse(projectText, diagnostics, renderer);
        if (project is null || diagnostics.HasErrors) return Fail(diagnostics);

        if (options.AddPackage is { } add && !AddPackage(root, add, renderer)) return ExitCodes.UsageOrProject;
        var file = PackagesFile.Load(root, "", renderer, PackagesFile.PackagesYml, diagnostics);
        if (file is null || diagnostics.HasErrors) return Fail(diagnostics);
        Print(diagnostics.ToList());
        if (file.Specs.Count == 0)
        {
            environment.Output.WriteLine($"No packages found in {file.FileName}; nothing to install.");
            return ExitCodes.Success;
        }

        var installPath = Path.GetFullPath(Path.Combine(root, project.PackagesInstallPath));
        var hubUrl = env("DBT_PACKAGE_HUB_URL") is { Length: > 0 } url ? url : HubClient.DefaultBaseUrl;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var staging = PackageInstaller.CreateStaging(installPath);
        try
        {
            var fetcher = new PackageFetcher(root, staging, new HubClient(http, hubUrl), new GitClient(_scrubber), renderer, _scrubber, environment.Cancellation);
            var packages = Lock(root, file, fetcher, renderer);
            if (packages is null) return ExitCodes.UsageOrProject;
            if (options.LockOnly) return ExitCodes.Success;
            return Install(packages, fetcher, installPath, staging, project.PackagesInstallPath);
        }
        finally
        {
            PackageInstaller.TryDelete(staging);
        }
    }

    /// <summary>The packages of the lock, resolving and writing it first when it is missing or stale.</summary>
    private IReadOnlyList<ResolvedPackage>? Lock(string root, PackagesFile file, PackageFetcher fetcher, IYamlValueRenderer renderer)
    {
        var hash = SpecHasher.Hash(file.Specs);
        var lockPath = Path.Combine(root, LockFile.FileName);
        var diagnostics = new DiagnosticBag();
        var existing = File.Exists(lockPath) && SourceFileReader.Read(lockPath, LockFile.FileName, diagnostics) is { } lockText
            ? LockFile.Read(lockText, renderer, diagnostics) : null;
        if (existing is not null && !options.Upgrade && existing.Hash == hash)
        {
            environment.Output.WriteLine($"Installing from {LockFile.FileName} (it matches {file.FileName}).");
            return existing.Packages;
        }
        if (File.Exists(lockPath) && existing is null && !options.Upgrade)
        {
            Print(diagnostics.ToList());
            return null;
        }
        environment.Output.WriteLine($"Resolving packages from {file.FileName}...");
        var warnings = new DiagnosticBag();
        var resolved = new DependencyResolver(fetcher).Resolve(file.Specs, warnings);
        Print(warnings.ToList());
        File.WriteAllText(lockPath, LockFile.Write(resolved, hash, _scrubber.Scrub));
        environment.Output.WriteLine($"Wrote {LockFile.FileName} ({resolved.Count} package{(resolved.Count == 1 ? "" : "s")}).");
        return resolved;
    }

    private int Install(IReadOnlyList<ResolvedPackage> packages, PackageFetcher fetcher, string installPath, string staging, string display)
    {
        var ready = new List<(ResolvedPackage Package, string Folder)>();
        foreach (var package in packages)
        {
            var named = package with { Name = fetcher.Fetch(package).ProjectName };
            ready.Add((named, fetcher.Folder(named)));
        }
        PackageInstaller.Install(ready, installPath, staging, display + "/");
        foreach (var (package, _) in ready)
        {
            environment.Output.WriteLine(_scrubber.Scrub($"Installed {package.Name} {package.VersionText} ({package.Source}: {package.Display})"));
            if (NewerRelease(package, fetcher) is { } newer) environment.Output.WriteLine($"  version {newer} is available; run forge deps --upgrade to use it if packages.yml allows");
        }
        environment.Output.WriteLine($"Installed {ready.Count} package{(ready.Count == 1 ? "" : "s")} into {display}/.");
        return ExitCodes.Success;
    }

    // dbt tells when the hub has a newer release than the one installed (prereleases aside).
    private static string? NewerRelease(ResolvedPackage package, PackageFetcher fetcher)
    {
        if (package.Kind != PackageKind.Hub || SemVersion.Parse(package.Version ?? "") is not { } installed) return null;
        var latest = fetcher.HubVersions(package.Location, package.Span)
            .Select(v => (Text: v, Version: SemVersion.Parse(v)))
            .Where(v => v.Version is { IsPrerelease: false })
            .MaxBy(v => v.Version);
        return latest.Version is not null && latest.Version.CompareTo(installed) > 0 ? latest.Text : null;
    }

    private bool AddPackage(string root, string value, IYamlValueRenderer renderer)
    {
        var diagnostics = new DiagnosticBag();
        if (PackageAdder.Parse(value) is not { } parsed)
        {
            Print([DiagnosticCodes.Packages.InvalidAddPackage(value, "write NAME@VERSION, e.g. dbt-labs/dbt_utils@1.1.1")]);
            return false;
        }
        if (options.Source == "hub" && parsed.Version is null)
        {
            Print([DiagnosticCodes.Packages.InvalidAddPackage(value, $"hub packages need a version: --add-package {parsed.Name}@1.0.0 (or a range, \">=1.0.0,<2.0.0\")")]);
            return false;
        }
        var file = PackagesFile.Load(root, "", renderer, PackagesFile.PackagesYml, diagnostics);
        if (file is null)
        {
            Fail(diagnostics);
            return false;
        }
        var (document, removed) = PackageAdder.Add(file.Document, parsed.Name, PackageAdder.Entry(parsed.Name, parsed.Version, options.Source));
        foreach (var entry in removed)
            environment.Output.WriteLine(_scrubber.Scrub($"Removed {string.Join(", ", entry.Where(p => p.Value is string).Select(p => $"{p.Key}: {p.Value}"))} from {file.FileName}"));
        File.WriteAllText(Path.Combine(root, file.FileName), YamlEmitter.Dump(document.ToList()));
        environment.Output.WriteLine($"Added {parsed.Name}{(parsed.Version is null ? "" : "@" + parsed.Version)} to {file.FileName}");
        return true;
    }

    private int Fail(DiagnosticBag diagnostics)
    {
        Print(diagnostics.ToList());
        return ExitCodes.UsageOrProject;
    }

    private void Print(IReadOnlyList<Diagnostic> diagnostics) =>
        DiagnosticPrinter.Print(environment.Error, diagnostics.Select(_scrubber.Scrub));
}
