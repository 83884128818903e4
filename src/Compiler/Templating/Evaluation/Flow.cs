namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>How a statement list ended: normally, or by <c>break</c>/<c>continue</c>/<c>return()</c> (returned, not thrown, to stay cheap).</summary>
internal enum Flow
{
    Normal,
    Break,
    Continue,

    /// <summary><c>return()</c> ended the macro; the value is in the evaluator until the macro takes it.</summary>
    Return,
}
