using ModelForge.Compiler.Context;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Context;

/// <summary>A ref rendered as an aliased subquery (--empty, microbatch filters) that the model aliases too keeps one alias.</summary>
public sealed class DerivedTableAliasesTests
{
    [TestCase("from (select top (0) * from [o]) _dbt_limit_subq_o o join", "_dbt_limit_subq_o")]
    [TestCase("from (select top (0) * from [o]) _dbt_limit_subq_o as o", "_dbt_limit_subq_o")]
    [TestCase("from (select * from [o] where d >= 1) _dbt_et_filter_subq_o [e]", "_dbt_et_filter_subq_o")]
    [TestCase("from (select top (0) * from [o]) _dbt_limit_subq_o where 1 = 1", null)]
    [TestCase("from (select top (0) * from [o]) _dbt_limit_subq_o\ninner join x", null)]
    [TestCase("in (select id from (select top (0) * from [c]) _dbt_limit_subq_c)", null)]
    [TestCase("select '_dbt_limit_subq_x y' as note", null)]
    public void The_generated_alias_is_blanked_only_where_the_model_gives_its_own(string sql, string? blanked)
    {
        var result = DerivedTableAliases.BlankWhereAliased(sql);

        var expected = blanked is null ? sql : sql.Replace(blanked, new string(' ', blanked.Length), StringComparison.Ordinal);
        Assert.That(result, Is.EqualTo(expected));
        Assert.That(result, Has.Length.EqualTo(sql.Length), "offsets stay where they were");
    }
}
