using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

internal static partial class ContextFunctions
{
    private const string EnvVarUsage = "env_var('NAME') or env_var('NAME', 'default')";
    private const string SecretPrefix = "DBT_ENV_SECRET";

    // dbt: a set variable wins (as a string); else a default that is not none, as given; else an error.
    private static object EnvVar(RenderState state, CallArguments a)
    {
        var name = Args.String(a, 0, "var", "env_var", EnvVarUsage);
        if (name.StartsWith(SecretPrefix, StringComparison.Ordinal) && !state.Project.AllowSecretEnvVars)
            throw ContextErrors.SecretEnvVar(name, state.Node.Description, a.CallSpan);
        var read = state.Project.Environment(name);
        state.Node.Inputs?.Record(RenderInputs.KeyOf(RenderInputs.Env, name), () => read is null ? "unset" : "=" + read);
        if (read is { } value) return value;
        var fallback = a.Get(1, "default");
        if (fallback is not null and not Undefined) return fallback;
        throw ContextErrors.EnvVarNotProvided(name, a.CallSpan);
    }
}
