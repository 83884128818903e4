using System.Text;
using ModelForge.Compiler.Contracts;

namespace ModelForge.Compiler.Targets;

// Model contracts: describe a query, fold type aliases, create a table with column definitions
// and constraints, fill it. Defaults are ANSI; targets override what they spell differently.
public abstract partial class TargetSql
{
    /// <summary>
    /// A statement whose result lists the output columns of <paramref name="sql"/> without running
    /// it, one row per column; <see cref="DescribeColumnOrdinals"/> says where name and type are.
    /// </summary>
    public virtual string DescribeQuery(string sql) => $"describe select * from (\n{sql}\n) as forge_contract_query";

    /// <summary>Positions of the column name and its type in a row of <see cref="DescribeQuery"/>'s result.</summary>
    public virtual (int Name, int Type) DescribeColumnOrdinals => (0, 1);

    /// <summary>Type names folded for contract comparison (alias → canonical).</summary>
    protected virtual IReadOnlyDictionary<string, string> TypeAliases => DataTypeAliases.Common;

    public DataType NormalizeType(string type) => DataType.Parse(type, TypeAliases);

    /// <summary>
    /// Null when the target enforces <paramref name="constraint"/> in the table it creates; else
    /// why not (the constraint is then left out of the DDL and reported as a warning).
    /// </summary>
    public virtual string? UnenforcedReason(ContractConstraint constraint) => constraint.Kind switch
    {
        ConstraintKind.NotNull or ConstraintKind.Unique or ConstraintKind.PrimaryKey or ConstraintKind.Check => null,
        // A foreign key pins the referenced table: its next rebuild could neither rename nor drop
        // the old version, and forge rebuilds every table under a helper name and swaps it in.
        ConstraintKind.ForeignKey => "a foreign key would stop the referenced model from being rebuilt (forge builds a new table and swaps it in)",
        _ => "forge does not pass custom constraints to this target",
    };

    /// <summary>
    /// <c>create table</c> with the contract's columns in order, their declared types, and every
    /// constraint the target enforces, column-level ones inline.
    /// </summary>
    public virtual string CreateTableWithContract(string? database, string schema, string identifier, ModelContract contract,
        IReadOnlyDictionary<string, object?> config) => CreateTableWithContract(database, schema, identifier, contract);

    /// <summary>
    /// <c>create table</c> with the contract's columns in order, their declared types, and every
    /// constraint the target enforces, column-level ones inline.
    /// </summary>
    public virtual string CreateTableWithContract(string? database, string schema, string identifier, ModelContract contract)
    {
        var builder = new StringBuilder();
        builder.Append("create table ").Append(QualifiedName(database, schema, identifier)).Append(" (\n");
        var items = new List<string>();
        foreach (var column in contract.Columns)
        {
            var definition = new StringBuilder($"    {Quote(column.Name)} {ColumnType(column.DataType)}");
            foreach (var constraint in contract.Constraints.Where(c => c.ColumnLevel && UnenforcedReason(c) is null
                         && string.Equals(c.Columns[0], column.Name, StringComparison.OrdinalIgnoreCase)))
                definition.Append(' ').Append(ConstraintClause(constraint, columnLevel: true));
            items.Add(definition.ToString());
        }
        foreach (var constraint in contract.Constraints.Where(c => !c.ColumnLevel && UnenforcedReason(c) is null))
            items.Add("    " + ConstraintClause(constraint, columnLevel: false));
        builder.AppendJoin(",\n", items).Append("\n)");
        return builder.ToString();
    }

    /// <summary>
    /// The type a contract column is created with: <paramref name="declared"/> as written by
    /// default; a target translates portable spellings it would misread (SQL Server's
    /// <c>timestamp</c> is rowversion, it has no <c>boolean</c>).
    /// </summary>
    public virtual string ColumnType(string declared) => declared;

    /// <summary>
    /// The type a contract column is created with, given what the query produces
    /// (<paramref name="described"/>, null when unknown): by default the declared type. A target
    /// where a declared type without length or precision means a narrow default (SQL Server's
    /// <c>decimal</c> is <c>decimal(18,0)</c>, <c>char</c> is <c>char(1)</c>) takes them from the query.
    /// </summary>
    public virtual string ContractColumnType(string declared, string? described) => declared;

    /// <summary>One constraint as DDL: <c>not null</c>, <c>constraint "n" check (x &gt; 0)</c>, <c>primary key ("a", "b")</c>.</summary>
    public virtual string ConstraintClause(ContractConstraint constraint, bool columnLevel)
    {
        var name = constraint.Name is { } n ? $"constraint {Quote(n)} " : "";
        var columns = columnLevel ? "" : $" ({string.Join(", ", constraint.Columns.Select(Quote))})";
        return constraint.Kind switch
        {
            // A name on not null is not portable (DuckDB rejects it), so it is only used in messages.
            ConstraintKind.NotNull => "not null",
            ConstraintKind.Unique => $"{name}unique{columns}",
            ConstraintKind.PrimaryKey => $"{name}primary key{columns}",
            ConstraintKind.Check => $"{name}check ({constraint.Expression})",
            _ => $"{name}{constraint.Expression}",
        };
    }

    /// <summary>
    /// Counts key values that occur more than once in the model's query (nulls left out, as unique
    /// constraints allow them): which unique or primary key a bulk insert broke, when the database
    /// does not say.
    /// </summary>
    public virtual string DuplicateKeysQuery(string sql, IReadOnlyList<string> columns)
    {
        var list = string.Join(", ", columns.Select(Quote));
        var notNull = string.Join(" and ", columns.Select(c => $"{Quote(c)} is not null"));
        return $"select count(*) from (select {list} from (\n{sql}\n) as forge_contract_source where {notNull} group by {list} having count(*) > 1) as forge_duplicates";
    }

    /// <summary>Fills a contract table from the model's query, selecting the columns in contract order.</summary>
    public virtual string InsertFromQuery(string? database, string schema, string identifier, IReadOnlyList<string> columns, string sql)
    {
        var list = string.Join(", ", columns.Select(Quote));
        return $"insert into {QualifiedName(database, schema, identifier)} ({list})\nselect {list} from (\n{sql}\n) as forge_contract_source";
    }
}
