using System.Text;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.SqlServer;

/// <summary>
/// The golden-file convention of tests/Compiler.Tests/Golden/GoldenFile.cs for this project:
/// <c>*.verified.*</c> beside <c>*.received.*</c> on a mismatch, <c>FORGE_UPDATE_GOLDEN=1</c> accepts.
/// </summary>
internal static class GoldenText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ModelForge.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("ModelForge.sln not found above the test folder");
        }
    }

    public static void Verify(string relativePath, string actual)
    {
        var verified = Path.Combine(RepositoryRoot, relativePath);
        var received = verified.Replace(".verified.", ".received.", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("FORGE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
            File.WriteAllText(verified, actual, Utf8);
            File.Delete(received);
            return;
        }
        var expected = File.Exists(verified) ? File.ReadAllText(verified, Encoding.UTF8) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual, Utf8);
        Assert.Fail(expected is null
            ? $"No verified file {relativePath}; wrote the received file beside it (accept with FORGE_UPDATE_GOLDEN=1)."
            : $"Output differs from {relativePath}; see the received file beside it (accept with FORGE_UPDATE_GOLDEN=1).\n" + FirstDifference(expected, actual));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right) return $"line {i + 1}:\n  expected: {left}\n  actual:   {right}";
        }
        return "";
    }
}
