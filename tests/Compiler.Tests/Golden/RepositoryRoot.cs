using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Golden;

/// <summary>
/// The checkout the tests run from, found by walking up from the test binaries to ModelForge.sln,
/// so golden files are read and written in place and never copied to bin/.
/// </summary>
internal static class RepositoryRoot
{
    public const string Marker = "ModelForge.sln";

    private static readonly Lazy<string> _path = new(() => Find(StartDirectory()));

    public static string Path => _path.Value;

    /// <summary>An absolute path for <paramref name="relativePath"/> ('/' separated) under the root.</summary>
    public static string Resolve(string relativePath) =>
        System.IO.Path.IsPathRooted(relativePath)
            ? relativePath
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativePath));

    /// <summary>The root-relative form of <paramref name="fullPath"/> with '/' separators, for messages.</summary>
    public static string Relative(string fullPath) =>
        System.IO.Path.GetRelativePath(Path, fullPath).Replace('\\', '/');

    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, Marker))) return dir.FullName;
        }
        throw new InvalidOperationException($"no {Marker} above {start}: tests must run from a checkout");
    }

    // TestDirectory can be empty while test cases are being discovered; the assembly folder is the same place then.
    private static string StartDirectory() =>
        TestContext.CurrentContext?.TestDirectory is { Length: > 0 } dir ? dir : AppContext.BaseDirectory;
}
