using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Packages;

namespace ModelForge.Runner.Packages;

/// <summary>
/// Puts fetched packages into the install path without ever leaving half a package: every package
/// is first complete in the staging folder (local ones copied there), and only when all are ready
/// is each swapped in by renames. A failure before that leaves the install path as it was.
/// Afterwards folders of packages no longer in the lock are removed, as dbt empties the path.
/// </summary>
internal static class PackageInstaller
{
    public const string StagingPrefix = ".forge-deps-";

    /// <summary>A new staging folder inside <paramref name="installPath"/>, after removing ones a killed run left behind.</summary>
    public static string CreateStaging(string installPath)
    {
        Directory.CreateDirectory(installPath);
        foreach (var stale in Directory.GetDirectories(installPath, StagingPrefix + "*")) TryDelete(stale);
        var staging = Path.Combine(installPath, StagingPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>Installs every package as &lt;installPath&gt;/&lt;project name&gt;. Throws DiagnosticException (MF1817) on I/O failure.</summary>
    public static void Install(IReadOnlyList<(ResolvedPackage Package, string Folder)> packages, string installPath, string staging, string displayPath)
    {
        var ready = new List<(string Name, string Folder)>();
        try
        {
            foreach (var (package, folder) in packages)
            {
                var inStaging = Path.GetFullPath(folder).StartsWith(Path.GetFullPath(staging) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                var staged = folder;
                if (!inStaging)
                {
                    staged = Path.Combine(staging, "copy-" + package.Name);
                    Copy(folder, staged, Path.GetFullPath(installPath));
                }
                ready.Add((package.Name, staged));
            }
            foreach (var (name, folder) in ready) Swap(folder, Path.Combine(installPath, name), staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(DiagnosticCodes.Packages.InstallFailed(displayPath, e.Message));
        }
        var keep = new HashSet<string>(ready.Select(r => r.Name), StringComparer.Ordinal);
        foreach (var folder in Directory.GetDirectories(installPath))
        {
            var name = Path.GetFileName(folder);
            if (!name.StartsWith('.') && !keep.Contains(name)) TryDelete(folder);
        }
    }

    // The old folder moves aside first and comes back if the new one cannot take its place.
    private static void Swap(string staged, string target, string staging)
    {
        string? aside = null;
        if (Directory.Exists(target))
        {
            aside = Path.Combine(staging, "old-" + Path.GetFileName(target));
            Directory.Move(target, aside);
        }
        else if (File.Exists(target))
        {
            File.Delete(target);
        }
        try
        {
            Directory.Move(staged, target);
        }
        catch (IOException)
        {
            if (aside is not null) Directory.Move(aside, target);
            throw;
        }
    }

    private static void Copy(string from, string to, string installPath)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from))
        {
            // A local package inside the project must not copy the install path (or .git) into itself.
            if (Path.GetFullPath(folder) == installPath || Path.GetFileName(folder) == ".git") continue;
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)), installPath);
        }
    }

    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's clean-up of stale staging folders.
        }
    }
}
