namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// Python's set as templates see it (dbt's <c>set()</c>): iterated in insertion order like the list it
/// is, but equal to another set with the same members in any order, and never equal to a list.
/// dbt_utils.equality compares column sets built in different orders with <c>!=</c>.
/// </summary>
internal sealed class TemplateSet(IEnumerable<object?> members) : List<object?>(members);
