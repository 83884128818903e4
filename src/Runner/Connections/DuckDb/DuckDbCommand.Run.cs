using ModelForge.Runner.Connections.DuckDb.Native;

namespace ModelForge.Runner.Connections.DuckDb;

internal sealed partial class DuckDbCommand
{
    /// Runs one statement of CommandText and returns its result, which the caller disposes.
    private unsafe ResultHandle Run(int start, int length)
    {
        var connection = _connection?.Handle ?? throw new InvalidOperationException("The command has no open connection.");
        var text = start == 0 && length == _commandText.Length ? _commandText : _commandText.Substring(start, length);
        var result = new ResultHandle();
        try
        {
            DuckDbState state;
            if (_parameters.Count == 0)
            {
                state = NativeMethods.duckdb_query(connection, text, result.Pointer);
            }
            else
            {
                using var statement = Prepare(connection, text, start);
                ParameterBinder.Bind(statement, _parameters);
                state = NativeMethods.duckdb_execute_prepared(statement, result.Pointer);
            }

            if (state != DuckDbState.Success)
            {
                var message = NativeMethods.ReadString(NativeMethods.duckdb_result_error(result.Pointer)) ?? "DuckDB reported an error without a message.";
                throw DuckDbException.ForSql(message, NativeMethods.duckdb_result_error_type(result.Pointer), _commandText, start, text);
            }

            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    private PreparedStatementHandle Prepare(ConnectionHandle connection, string text, int start)
    {
        var state = NativeMethods.duckdb_prepare(connection, text, out var raw);
        var statement = new PreparedStatementHandle(raw);
        if (state == DuckDbState.Success)
        {
            return statement;
        }

        var message = NativeMethods.ReadString(NativeMethods.duckdb_prepare_error(statement)) ?? "DuckDB could not prepare the statement.";
        statement.Dispose();
        throw DuckDbException.ForSql(message, ErrorTypeNames.FromMessage(message), _commandText, start, text);
    }
}
