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
        var any = false;
        if (Quoting.IncludeDatabase && !string.IsNullOrEmpty(Database)) Append(text, ref any, Database, Quoting.QuoteDatabase);
        if (IncludeSchema && !string.IsNullOrEmpty(Schema)) Append(text, ref any, Schema, Quoting.QuoteSchema);
        if (IncludeIdentifier && !string.IsNullOrEmpty(Identifier)) Append(text, ref any, Identifier, Quoting.QuoteIdentifier);
    }

    // As the name's Append in Relation.cs, into a builder.
    private void Append(StringBuilder text, ref bool any, string part, bool quote)
    {
        if (any) text.Append('.');
        any = true;
        if (!quote) text.Append(part);
        else if (part.Contains(Quoting.CloseQuote, StringComparison.Ordinal)) text.Append(Quoting.Quote(part));
        else text.Append(Quoting.OpenQuote).Append(part).Append(Quoting.CloseQuote);
    }
}
