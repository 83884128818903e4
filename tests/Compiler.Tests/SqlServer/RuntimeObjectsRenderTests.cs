using ModelForge.Compiler.Context;
using ModelForge.Compiler.Tests.Context;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SqlServer;

/// <summary>Relations and columns as packages use them render T-SQL that ScriptDom parses.</summary>
public sealed class RuntimeObjectsRenderTests
{
    [Test]
    public void A_union_shaped_macro_renders_typed_nulls_and_casts_in_tsql()
    {
        var harness = new RenderHarness();
        harness.Context.Target = new TargetInfo("dev", "sqlserver", "analytics", "warehouse", 1, "shop");
        harness.Context.Adapter = new FakeAdapter();
        harness.Context.Adapter.Relations["analytics.customers"] = new Relation(null, "analytics", "customers", RelationType.Table, RelationQuoting.SqlServer);
        var sql = harness.Render("""
            {%- set full = api.Relation.create(schema='analytics', identifier='customers') -%}
            {%- set cols = adapter.get_columns_in_relation(full) -%}
            select {% for c in cols %}{{ c.quoted }}{{ ', ' }}{% endfor %}{{ api.Column('since', 'datetime2').literal('2024-01-01') }} as since from {{ full }}
            union all
            select {% for c in cols %}cast(null as {{ c.data_type }}) as {{ c.quoted }}{{ ', ' }}{% endfor %}{{ api.Column('since', 'datetime2').literal('2024-01-02') }} from {{ full }}
            """);
        Assert.That(sql, Does.Contain("cast(null as varchar(8000)) as [name]").And.Contain("cast('2024-01-01' as datetime2(6))").And.Contain("[analytics].[customers]"));
        TSqlAssert.Parses(sql);
    }
}
