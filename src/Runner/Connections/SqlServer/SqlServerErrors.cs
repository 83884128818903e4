using System.Data.Common;

namespace ModelForge.Runner.Connections.SqlServer;

/// <summary>
/// SQL Server error numbers that mean a constraint stopped a write. SqlClient leaves
/// <see cref="DbException.SqlState"/> empty, so the numbers are the only reliable signal.
/// </summary>
internal static class SqlServerErrors
{
    /// <summary>515 NULL into a NOT NULL column, 547 CHECK or FOREIGN KEY, 2601 unique index, 2627 PRIMARY KEY or UNIQUE constraint.</summary>
    public static bool IsConstraintViolationNumber(int number) => number is 515 or 547 or 2601 or 2627;
}
