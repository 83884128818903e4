namespace ModelForge.Compiler.Project;

/// <summary>The kind of a project node or file (dbt's resource types).</summary>
public enum ResourceType
{
    Model,
    Seed,
    Snapshot,
    /// <summary>A singular data test: a .sql file under test-paths.</summary>
    Test,
    Macro,
    Analysis,
    Source,
    /// <summary>A schema YAML file.</summary>
    Yaml,
    /// <summary>A docs-block markdown file.</summary>
    Docs,
    /// <summary>A unit test from schema YAML's <c>unit_tests:</c> (dbt 1.8); <c>unit_test</c> in artifacts.</summary>
    UnitTest,
}
