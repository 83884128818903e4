using System.Text;

namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// A value that appends its output text (what <see cref="ValueFormatter.ToStr"/> gives for it) itself, so that
/// writing it into a render makes no string: every <c>{{ ref('x') }}</c> writes a relation.
/// </summary>
internal interface IOutputText
{
    void AppendTo(StringBuilder text);
}
