using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.ExternalFiles;

/// <summary>persist_docs on DuckDB: descriptions become COMMENT ON the relation and its existing columns.</summary>
public sealed class PersistDocsTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp()
    {
        _project = new TempProject("shop").WithProjectFile("""
            models:
              shop:
                +persist_docs:
                  relation: true
                  columns: true
                undocumented:
                  +persist_docs: {relation: false, columns: false}
            """)
            .With("seeds/codes.csv", "code,label\n1,one\n")
            .With("models/orders.sql", "{{ config(materialized='table') }}\nselect 1 as id, 'x' as note\n")
            .With("models/orders_view.sql", "select * from {{ ref('orders') }}\n")
            .With("models/orders_log.sql", "{{ config(materialized='incremental') }}\nselect 1 as id\n")
            .With("snapshots/orders_snapshot.sql", """
                {% snapshot orders_snapshot %}
                {{ config(unique_key='id', strategy='check', check_cols='all', target_schema='main', persist_docs={'relation': true}) }}
                select * from {{ ref('orders') }}
                {% endsnapshot %}
                """)
            .With("models/undocumented/plain.sql", "{{ config(materialized='table') }}\nselect 1 as id\n")
            .With("models/docs.md", "{% docs order_id %}The order's key{% enddocs %}")
            .With("models/schema.yml", """
                version: 2
                models:
                  - name: orders
                    description: "One row per order; it's the shop's"
                    columns:
                      - name: id
                        description: "{{ doc('order_id') }}"
                      - name: note
                      - name: dropped_column
                        description: no longer built
                  - name: orders_view
                    description: Orders as a view
                    columns:
                      - name: ID
                        description: Upper-case in YAML
                  - name: orders_log
                    description: Appended orders
                    columns:
                      - name: id
                        description: Appended key
                  - name: plain
                    description: Not persisted
                    columns:
                      - name: id
                        description: Not persisted either
                snapshots:
                  - name: orders_snapshot
                    description: Order history
                seeds:
                  - name: codes
                    description: Code list
                    config:
                      persist_docs: {relation: true, columns: true}
                    columns:
                      - name: label
                        description: What the code means
                """);
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Descriptions_of_tables_views_seeds_and_their_existing_columns_are_comments()
    {
        // An incremental model's second run sets its comments again on the table it appends to.
        Assert.That(_project.Forge("build").ExitCode, Is.EqualTo(0));
        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var relations = Database.Query(_project.DatabasePath,
            "select table_name, comment from duckdb_tables() union all select view_name, comment from duckdb_views() where not internal")
            .ToDictionary(r => (string)r[0]!, r => r[1] as string);
        Assert.That(relations["orders"], Is.EqualTo("One row per order; it's the shop's"));
        Assert.That(relations["orders_view"], Is.EqualTo("Orders as a view"));
        Assert.That(relations["codes"], Is.EqualTo("Code list"));
        Assert.That(relations["orders_log"], Is.EqualTo("Appended orders"));
        Assert.That(relations["orders_snapshot"], Is.EqualTo("Order history"));
        Assert.That(relations["plain"], Is.Null);
        var columns = Database.Query(_project.DatabasePath,
            "select table_name || '.' || column_name, comment from duckdb_columns() where comment is not null")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.That(columns, Is.EqualTo(new Dictionary<string, string>
        {
            ["orders.id"] = "The order's key",
            ["orders_view.id"] = "Upper-case in YAML",
            ["codes.label"] = "What the code means",
            ["orders_log.id"] = "Appended key",
        }));
    }
}
