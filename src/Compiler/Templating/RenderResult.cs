namespace ModelForge.Compiler.Templating;

/// <summary>Rendered text and where each stretch of it came from in the template.</summary>
public sealed class RenderResult(string text, SourceMap map)
{
    public string Text { get; } = text;

    public SourceMap Map { get; } = map;
}
