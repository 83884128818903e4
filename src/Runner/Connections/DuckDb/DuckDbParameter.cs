using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace ModelForge.Runner.Connections.DuckDb;

/// A value bound to a prepared statement. Named parameters match $name in the SQL (the name may
/// be given with or without its $, @ or : prefix); unnamed ones fill ?, $1, $2, … in order.
internal sealed class DuckDbParameter : DbParameter
{
    private string _parameterName = "";
    private string _sourceColumn = "";

    public DuckDbParameter()
    {
    }

    public DuckDbParameter(object? value)
    {
        Value = value;
    }

    public DuckDbParameter(string parameterName, object? value)
    {
        ParameterName = parameterName;
        Value = value;
    }

    public override DbType DbType { get; set; } = DbType.Object;

    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new NotSupportedException("DuckDB supports input parameters only.");
            }
        }
    }

    public override bool IsNullable { get; set; }

    [AllowNull]
    public override string ParameterName
    {
        get => _parameterName;
        set => _parameterName = value ?? "";
    }

    public override int Size { get; set; }

    [AllowNull]
    public override string SourceColumn
    {
        get => _sourceColumn;
        set => _sourceColumn = value ?? "";
    }

    public override bool SourceColumnNullMapping { get; set; }

    public override object? Value { get; set; }

    /// The name as DuckDB reports it (duckdb_parameter_name): without a prefix.
    internal string BareName => _parameterName.Length > 0 && _parameterName[0] is '$' or '@' or ':' ? _parameterName[1..] : _parameterName;

    public override void ResetDbType() => DbType = DbType.Object;
}
