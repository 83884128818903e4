namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Parallel.For that runs a single item on the calling thread: a compile after one edit has one model to render and one
/// node to patch, and Parallel's first use in a process (its event source, code compiled at run time) costs more than that.
/// </summary>
internal static class SmallParallel
{
    public static void For(int count, Action<int> body)
    {
        if (count == 1) body(0);
        else if (count > 1) Parallel.For(0, count, body);
    }
}
