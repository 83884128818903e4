namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>How a statement list ended: normally, or by <c>break</c>/<c>continue</c> (returned, not thrown, to stay cheap).</summary>
internal enum Flow
{
    Normal,
    Break,
    Continue,
}
