namespace ModelForge.Compiler.Tests.SqlServer.Shims;

/// <summary>How a rendered shim becomes a statement ScriptDom can parse.</summary>
public enum ShimShape
{
    /// <summary>The render is a whole query (a model or a test's SELECT).</summary>
    Query,

    /// <summary>The render is a query that must also nest inside a CTE (T-SQL nests no WITH and no bare ORDER BY).</summary>
    NestableQuery,

    /// <summary>The render is a scalar expression over table t.</summary>
    Expression,

    /// <summary>The render is a data type.</summary>
    DataType,
}

/// <summary>One call of a package macro, as a model would write it.</summary>
public sealed record ShimCase(string Name, string Template, ShimShape Shape)
{
    /// <summary>The statements that must parse as T-SQL.</summary>
    public IEnumerable<string> Statements(string rendered)
    {
        switch (Shape)
        {
            case ShimShape.Query:
                yield return rendered;
                break;
            case ShimShape.NestableQuery:
                yield return rendered;
                yield return $"with nested as (\n{rendered}\n)\nselect * from nested";
                yield return $"select * from (\n{rendered}\n) as nested";
                break;
            case ShimShape.Expression:
                yield return $"select {rendered} as v from t";
                break;
            case ShimShape.DataType:
                yield return $"select cast(x as {rendered}) as v from t";
                break;
        }
    }

    public override string ToString() => Name;
}
