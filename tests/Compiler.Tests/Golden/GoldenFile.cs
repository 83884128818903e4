using System.Text;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Golden;

/// <summary>
/// Snapshot testing: compares a test's output with <c>name.verified.ext</c>; on a mismatch writes
/// <c>name.received.ext</c> beside it and fails with the first differing line.
/// <c>FORGE_UPDATE_GOLDEN=1</c> accepts the output instead (and removes the received file).
/// Comparison is byte-exact after UTF-8 decoding: no newline or trailing-space normalisation.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "FORGE_UPDATE_GOLDEN";

    private const string VerifiedMarker = ".verified.";
    private const string ReceivedMarker = ".received.";

    private static readonly UTF8Encoding _utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the verified file. A relative
    /// <paramref name="verifiedPath"/> is taken from the repository root. With
    /// <paramref name="allowUpdate"/> false the variable is ignored, for goldens that come from
    /// elsewhere (Jinja2's outputs) and must never be replaced by our own output.
    /// </summary>
    public static void Verify(string verifiedPath, string actual, bool allowUpdate = true)
    {
        var failure = Check(RepositoryRoot.Resolve(verifiedPath), actual, allowUpdate && IsUpdateRequested());
        if (failure is not null) Assert.Fail(failure);
    }

    public static bool IsUpdateRequested() => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// The comparison without NUnit: null when the file matches (or was updated), otherwise the
    /// failure message, after writing the received file.
    /// </summary>
    public static string? Check(string verifiedFullPath, string actual, bool update)
    {
        var receivedFullPath = ReceivedPathFor(verifiedFullPath);
        if (update)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(verifiedFullPath)!);
            File.WriteAllText(verifiedFullPath, actual, _utf8NoBom);
            File.Delete(receivedFullPath);
            return null;
        }

        if (!File.Exists(verifiedFullPath))
        {
            File.WriteAllText(receivedFullPath, actual, _utf8NoBom);
            return $"No verified file {Display(verifiedFullPath)}.\n" +
                   $"Wrote {Display(receivedFullPath)}: review it, then rename it or rerun with {UpdateVariable}=1.";
        }

        var expected = File.ReadAllText(verifiedFullPath, Encoding.UTF8);
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            // A stale received file from an earlier failure would mislead whoever looks next.
            File.Delete(receivedFullPath);
            return null;
        }

        File.WriteAllText(receivedFullPath, actual, _utf8NoBom);
        return $"Output differs from {Display(verifiedFullPath)} (received: {Display(receivedFullPath)}; " +
               $"accept with {UpdateVariable}=1).\n" + GoldenDiff.Describe(expected, actual);
    }

    /// <summary><c>x.verified.sql</c> → <c>x.received.sql</c>; the last ".verified." in the file name is replaced.</summary>
    public static string ReceivedPathFor(string verifiedPath)
    {
        var nameStart = verifiedPath.LastIndexOfAny(['/', '\\']) + 1;
        var marker = verifiedPath.LastIndexOf(VerifiedMarker, StringComparison.Ordinal);
        if (marker < nameStart)
        {
            throw new ArgumentException($"a golden file is named '<name>.verified.<ext>': {verifiedPath}", nameof(verifiedPath));
        }
        return string.Concat(verifiedPath.AsSpan(0, marker), ReceivedMarker, verifiedPath.AsSpan(marker + VerifiedMarker.Length));
    }

    // Inside the repository, show paths as the developer types them; temp files (harness tests) stay absolute.
    private static string Display(string fullPath)
    {
        try
        {
            var relative = RepositoryRoot.Relative(fullPath);
            return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
        }
        catch (InvalidOperationException)
        {
            return fullPath;
        }
    }
}
