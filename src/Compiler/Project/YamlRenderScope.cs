namespace ModelForge.Compiler.Project;

/// <summary>Which file a templated YAML value comes from; decides the functions the renderer offers.</summary>
public enum YamlRenderScope
{
    /// <summary>A value in profiles.yml (dbt offers env_var there, and var from --vars).</summary>
    Profile,

    /// <summary>A value in forge_project.yml / dbt_project.yml.</summary>
    Project,
}
