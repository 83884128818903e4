namespace ModelForge.Compiler.Analysis.TSql;

/// <summary>One ScriptDom parse error: 0-based <paramref name="Offset"/>, 1-based line and column.</summary>
internal sealed record TSqlSyntaxError(int Offset, int Line, int Column, int Number, string Message)
{
    public override string ToString() => $"({Line},{Column}) {Number}: {Message}";
}
