namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Parallel.For that runs a handful of items on the calling thread: a compile after one edit has one model to render,
/// one node to patch and the project's few macro files to parse, and Parallel's first use in a process (its event
/// source, code compiled at run time) costs more than they do.
/// </summary>
internal static class SmallParallel
{
    // Below this many items, one thread.
    private const int Handful = 8;

    public static void For(int count, Action<int> body)
    {
        if (count >= Handful) Parallel.For(0, count, body);
        else for (var i = 0; i < count; i++) body(i);
    }
}
