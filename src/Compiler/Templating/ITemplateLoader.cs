namespace ModelForge.Compiler.Templating;

/// <summary>Finds templates named by <c>import</c>/<c>include</c>, by path relative to the project.</summary>
public interface ITemplateLoader
{
    /// <summary>The parsed template, or null when no such file exists.</summary>
    Template? Load(string name);
}
