using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>What a statement reported: <c>load_result('x')['response']</c> (dbt's AdapterResponse).</summary>
/// <param name="Message">e.g. <c>OK</c>, <c>INSERT 0 5</c>.</param>
public sealed record AdapterResponse(string Message, long? RowsAffected = null, string? Code = null) : ITemplateObject
{
    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "_message" or "message" => Message,
            "rows_affected" => RowsAffected,
            "code" => Code,
            _ => null,
        };
        return name is "_message" or "message" or "rows_affected" or "code";
    }

    public override string ToString() => Message;
}
