using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Context;

/// <summary>dbt's context objects against real DuckDB: relations, columns, query tables, as packages use them.</summary>
public sealed class AdapterRuntimeTests
{
    private TempProject _project = null!;

    // Shaped like dbt_utils' get_column_values, star and union_relations.
    private const string Helpers = """
        {% macro column_values(rel, col) %}
          {%- if not execute -%}{{ return([]) }}{%- endif -%}
          {%- if load_relation(rel) is none -%}{{ return(['missing']) }}{%- endif -%}
          {%- call statement('vals', fetch_result=true) -%}
            select {{ col }} as value from {{ rel }} group by 1 order by 1
          {%- endcall -%}
          {{ return(load_result('vals')['data'] | map(attribute=0) | list) }}
        {% endmacro %}

        {% macro star_of(rel, except=[]) %}
          {%- set names = [] -%}
          {%- for c in adapter.get_columns_in_relation(rel) -%}
            {%- if c.column | lower not in except -%}{%- do names.append(adapter.quote(c.column)) -%}{%- endif -%}
          {%- endfor -%}
          {{- names | join(', ') if names else '*' -}}
        {% endmacro %}

        {% macro union_of(relations) %}
          {%- set superset = {} -%}
          {%- for r in relations -%}
            {%- for c in adapter.get_columns_in_relation(r) -%}
              {%- if c.column not in superset -%}{%- do superset.update({c.column: c}) -%}{%- endif -%}
            {%- endfor -%}
          {%- endfor -%}
          {%- for r in relations %}
          select
            {%- set own = adapter.get_columns_in_relation(r) | map(attribute='name') | list %}
            {%- for name, c in superset.items() %}
            {% if name in own %}{{ adapter.quote(name) }}{% else %}cast(null as {{ c.data_type }}) as {{ adapter.quote(name) }}{% endif %}{{ ',' if not loop.last }}
            {%- endfor %}
          from {{ r }}
          {% if not loop.last %}union all{% endif %}
          {%- endfor %}
        {% endmacro %}
        """;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop").WithProjectFile()
        .With("macros/helpers.sql", Helpers)
        .With("models/orders.sql", "{{ config(materialized='table') }}\nselect * from (values (1, 'open', 9223372036854775807), (2, 'shipped', 9223372036854775807), (3, 'open', 1)) t(id, status, amount)")
        .With("models/returns.sql", "{{ config(materialized='table') }}\nselect 10 as id, 'late' as reason");

    [TearDown]
    public void TearDown() => _project.Dispose();

    private ForgeResult Run(string model)
    {
        _project.With("models/report.sql", model);
        var result = _project.Forge("run");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    [Test]
    public void Query_tables_are_read_by_column_name_and_index_and_keep_128_bit_sums()
    {
        Run("""
            {{ config(materialized='table') }}
            {% if execute %}
            {% set t = run_query("select sum(amount::hugeint) as total, count(*) as n from " ~ ref('orders')) %}
            select '{{ t.columns['total'].values()[0] }}' as by_name, '{{ t.columns[1].values()[0] }}' as by_index,
                   '{{ t.rows[0]['n'] }}' as row_by_name, '{{ t.rows[0][1] }}' as row_by_index,
                   {{ t | length }} as n_rows, '{{ t.column_names | join(',') }}' as names,
                   '{{ column_values(ref('orders'), 'status') | join('|') }}' as statuses
            {% endif %}
            """);
        var row = Database.Query(_project.DatabasePath, "select by_name, by_index, row_by_name, row_by_index, n_rows, names, statuses from main.report").Single();
        Assert.That(row, Is.EqualTo(new object?[] { "18446744073709551615", "3", "3", "3", 1, "total,n", "open|shipped" }));
    }

    [Test]
    public void Relations_and_columns_come_from_the_database()
    {
        Run("""
            {{ config(materialized='table') }}
            {% if execute %}
            {% set found = adapter.get_relation(database=none, schema=ref('orders').schema, identifier='orders') %}
            {% set cols = adapter.get_columns_in_relation(ref('orders')) %}
            select '{{ found.type }}' as found_type, '{{ found is mapping or found.get('metadata').type }}' as meta,
                   '{{ adapter.get_relation(database=none, schema='main', identifier='nope') is none }}' as absent,
                   '{% for c in cols %}{{ c.name }}:{{ c.dtype }}:{{ c.is_string() }}:{{ c.is_integer() }} {% endfor %}' as cols,
                   {{ star_of(ref('orders'), ['amount']) }}
            from {{ ref('orders') }} where id = 1
            {% endif %}
            """);
        var row = Database.Query(_project.DatabasePath, "select found_type, meta, absent, cols, id, status from main.report").Single();
        Assert.That(row[0], Is.EqualTo("table"));
        Assert.That(row[1], Is.EqualTo("True").Or.EqualTo("DuckDBRelation"));
        Assert.That(row[2], Is.EqualTo("True"));
        Assert.That(row[3], Is.EqualTo("id:INTEGER:False:True status:VARCHAR:True:False amount:BIGINT:False:True "));
        Assert.That(row[4..], Is.EqualTo(new object?[] { 1, "open" }));
    }

    [Test]
    public void Union_of_relations_fills_missing_columns_with_typed_nulls()
    {
        Run("{{ config(materialized='table') }}\n{{ union_of([ref('orders'), ref('returns')]) }}");
        var rows = Database.Query(_project.DatabasePath, "select id, status, reason from main.report order by id");
        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new object?[] { 1, 2, 3, 10 }));
        Assert.That(rows[3][1], Is.Null);
        Assert.That(rows[0][2], Is.Null);
        Assert.That(rows[3][2], Is.EqualTo("late"));
    }

    [Test]
    public void Drop_relation_removes_an_existing_table()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_project.DatabasePath)!);
        Database.Execute(_project.DatabasePath, "create table main.scratch as select 1 as x");
        Run("""
            {{ config(materialized='view') }}
            {% set scratch = load_relation(api.Relation.create(schema='main', identifier='scratch')) %}
            {% if execute %}{% do adapter.drop_relation(scratch) %}{% endif %}
            select '{{ scratch.type if scratch is not none else 'none' }}' as seen
            """);
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "scratch"), Is.Null);
        Assert.That(Database.Scalar(_project.DatabasePath, "select seen from main.report"), Is.EqualTo("table"));
    }
}
