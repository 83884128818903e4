using System.Text;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

public sealed partial record Relation : IOutputText
{
    /// <summary>Appends <see cref="Render"/>'s text; a plain name (nearly every ref and source) part by part, with no string made.</summary>
    void IOutputText.AppendTo(StringBuilder text)
    {
        if (EmptyForm is not null || EventTimeFilter is not null || External is not null)
        {
            text.Append(Render());
            return;
        }
        AppendName(text);
    }
}
