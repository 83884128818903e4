using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Caching;

internal sealed partial class CompileCache
{
    /// <summary>The compiled file as the cache recorded it: same size, same write time.</summary>
    private static class CompiledFile
    {
        /// <summary>
        /// Whether <paramref name="file"/> still has <paramref name="length"/> and <paramref name="writtenTicks"/>:
        /// one stat, no open (an open, its locks and reads cost ~20 µs per file, most of a reused compile).
        /// A file replaced by a link does not match.
        /// </summary>
        public static bool Matches(string file, long length, long writtenTicks) =>
            FileStamp.Of(file) is { Kind: FileStampKind.File } stamp && stamp.Length == length && stamp.Ticks == writtenTicks;
    }
}
