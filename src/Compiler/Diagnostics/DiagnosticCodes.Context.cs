namespace ModelForge.Compiler.Diagnostics;

// Codes MF2500…MF2999: the dbt context functions (src/Compiler/Context). Message texts are
// composite-format strings next to their codes; ContextErrors builds the diagnostics.
public static partial class DiagnosticCodes
{
    public const string RequiredVarNotFound = "MF2500";
    internal const string RequiredVarNotFoundMessage = "Required var '{0}' not found in config";
    internal const string RequiredVarNotFoundHint = "set it under 'vars:' in forge_project.yml, pass --vars '{{{0}: ...}}', or give a default: var('{0}', ...){1}";

    public const string EnvVarNotProvided = "MF2501";
    internal const string EnvVarNotProvidedMessage = "Env var required but not provided: '{0}'";
    internal const string EnvVarNotProvidedHint = "set {0} in the environment, or give a default: env_var('{0}', '...')";

    public const string SecretEnvVarNotAllowed = "MF2502";
    internal const string SecretEnvVarNotAllowedMessage = "Secret env var '{0}' cannot be used in {1}";
    internal const string SecretEnvVarNotAllowedHint = "DBT_ENV_SECRET_ variables are only for profiles.yml and packages.yml, so that secrets never reach compiled SQL; use a variable without that prefix";

    public const string CompilerErrorRaised = "MF2503";
    internal const string CompilerErrorRaisedMessage = "Compilation error in {0}: {1}";
    internal const string CompilerErrorRaisedHint = "raised by exceptions.raise_compiler_error(); the frames show the macro chain that raised it";

    public const string UserWarningRaised = "MF2504";
    internal const string UserWarningRaisedMessage = "Warning in {0}: {1}";
    internal const string UserWarningRaisedHint = "raised by exceptions.warn()";

    public const string ContextArgumentInvalid = "MF2505";
    internal const string ContextArgumentMissingMessage = "{0}() is missing its argument '{1}'";
    internal const string ContextArgumentTypeMessage = "{0}() expects '{1}' to be {2}, got {3}";
    internal const string ContextArgumentHint = "call it as {0}";

    public const string RequiredConfigMissing = "MF2506";
    internal const string RequiredConfigMissingMessage = "Missing required config '{0}' in {1}";
    internal const string RequiredConfigMissingHint = "set it with {{{{ config({0}=...) }}}} in the file, in a properties YAML or under the folder's config in forge_project.yml";

    public const string DispatchMacroNotFound = "MF2507";
    internal const string DispatchMacroNotFoundMessage = "No macro to dispatch '{0}' to: looked for {1}";
    internal const string DispatchMacroNotFoundHint = "define a macro named {0} (or {1}) in the project's macros/ folder";

    public const string DatabaseConnectionRequired = "MF2508";
    internal const string DatabaseConnectionRequiredMessage = "{0} needs a database connection, and none is open while compiling";
    internal const string DatabaseConnectionRequiredHint = "guard the call with {% if execute %} … {% endif %} or run it with 'forge run'";

    public const string RegexPatternInvalid = "MF2509";
    internal const string RegexPatternInvalidMessage = "Invalid regular expression '{0}': {1}";
    internal const string RegexPatternInvalidHint = "patterns use Python's re syntax as far as .NET regular expressions support it; (?P<name>…) and (?P=name) are translated";

    public const string DateParseFailed = "MF2510";
    internal const string DateParseFailedMessage = "time data '{0}' does not match format '{1}'";
    internal const string DateParseFailedHint = "strptime directives follow Python: %Y-%m-%d %H:%M:%S, %f for microseconds, %z for an offset";

    public const string DateValueInvalid = "MF2511";
    internal const string DateValueInvalidMessage = "Invalid date or time: {0}";
    internal const string DateValueInvalidHint = "check the year, month, day and time parts";

    public const string SetConversionFailed = "MF2512";
    internal const string SetConversionFailedMessage = "set_strict() cannot make a set from {0}";
    internal const string SetConversionFailedHint = "pass a list, a tuple, a string or a dict";

    public const string RelationTypeInvalid = "MF2513";
    internal const string RelationTypeInvalidMessage = "Unknown relation type '{0}'";
    internal const string RelationTypeInvalidHint = "use one of: table, view, cte, external, materialized_view";

    public const string AdapterMethodUnavailable = "MF2514";
    internal const string AdapterMethodUnavailableMessage = "{0} is not available: {1}";
    internal const string AdapterMethodUnavailableHint = "this call works only while models run against a database";
}
