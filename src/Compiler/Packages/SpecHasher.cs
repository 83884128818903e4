using System.Security.Cryptography;
using System.Text;

namespace ModelForge.Compiler.Packages;

/// <summary>
/// The lock file's sha1_hash, computed as dbt's deps task does: each spec of packages.yml as sorted-key
/// JSON, the lines sorted, joined with newlines, SHA-1 in hex. Equal hashes mean the lock still fits.
/// </summary>
internal static class SpecHasher
{
    public static string Hash(IEnumerable<PackageSpec> specs)
    {
        var lines = specs.Select(s => PythonJson.Dumps(s.HashFields)).ToList();
        lines.Sort(string.CompareOrdinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));
    }
}
