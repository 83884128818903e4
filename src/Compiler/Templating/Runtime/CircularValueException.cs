namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// A serializer met a value nested deeper than <see cref="MaxDepth"/>: in practice a list or dict
/// that contains itself. The evaluator reports it at the statement (MF2308).
/// </summary>
internal sealed class CircularValueException() : Exception("the value contains itself")
{
    public const int MaxDepth = 200;

    /// <summary>Throws when a recursive writer is deeper than any real value nests.</summary>
    public static void Check(int depth)
    {
        if (depth > MaxDepth) throw new CircularValueException();
    }
}
