using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating;

/// <summary>
/// Maps offsets in rendered text back to the template: literal template text maps character for
/// character, an expression's output maps to the expression. Used to report a SQL error found in
/// compiled SQL at the model's own line and column.
/// </summary>
public sealed class SourceMap
{
    /// <summary>The template position that produced <paramref name="outputOffset"/>, or null if unknown.</summary>
    public SourceSpan? Find(int outputOffset) => throw new NotImplementedException();
}
