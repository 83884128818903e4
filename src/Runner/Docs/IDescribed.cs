namespace ModelForge.Runner.Docs;

/// <summary>
/// A page or column whose description's HTML is set once every description's Markdown is rendered:
/// the builder keeps the object itself rather than a closure and a delegate per description (~100,000 at 10,000 models).
/// </summary>
internal interface IDescribed
{
    string DescriptionHtml { get; set; }
}
